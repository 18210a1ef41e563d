package org.stmagent.runtime.stats;

/**
 * The states a thread's time is divided into, after pypy-stm's statistics table. Every nanosecond of
 * a thread that has used transactions falls in exactly one of them.
 */
public enum TimedState {
    OUTSIDE_TRANSACTION("outside transaction"),
    RUN_COMMITTED("run committed"),
    RUN_ABORTED_WRITE_WRITE("run aborted write write"),
    RUN_ABORTED_WRITE_READ("run aborted write read"),
    RUN_ABORTED_INEVITABLE("run aborted inevitable"),
    RUN_ABORTED_OTHER("run aborted other"),
    WAIT_FREE_SEGMENT("wait free segment"),
    WAIT_WRITE_READ("wait write read"),
    WAIT_INEVITABLE("wait inevitable"),
    WAIT_PLAIN_RUN("wait plain run"),
    BOOKKEEPING("bookkeeping"),
    BACKOFF("backoff");

    private final String label;

    TimedState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
