package org.stmagent.runtime.stats;

/** Why an attempt was rolled back; each cause feeds its own "run aborted" statistic. */
public enum AbortCause {
    /** Both sides wanted to write the same location (an ownership record held by another writer). */
    WRITE_WRITE("write write", TimedState.RUN_ABORTED_WRITE_WRITE),
    /** Something this attempt read was written by a transaction that committed first, or is being written. */
    WRITE_READ("write read", TimedState.RUN_ABORTED_WRITE_READ),
    /** The inevitable transaction needed a location this attempt held. */
    INEVITABLE("inevitable", TimedState.RUN_ABORTED_INEVITABLE),
    /** Anything else: an explicit restart, or a commit-time check that is not a data conflict. */
    OTHER("other", TimedState.RUN_ABORTED_OTHER);

    private final String label;
    private final TimedState state;

    AbortCause(String label, TimedState state) {
        this.label = label;
        this.state = state;
    }

    public String label() {
        return label;
    }

    public TimedState state() {
        return state;
    }
}
