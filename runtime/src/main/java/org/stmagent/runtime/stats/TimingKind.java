package org.stmagent.runtime.stats;

/** What the timing histograms record; the label is also the tag in the HdrHistogram log. */
public enum TimingKind {
    /** Nanoseconds of the attempt that committed, sampled. */
    COMMITTED_ATTEMPT("committed-attempt-ns", "committed attempt"),
    /** Nanoseconds of the whole transaction, retries and waits included, sampled. */
    TRANSACTION("transaction-ns", "whole transaction"),
    /** Attempts per transaction, every transaction (sampled single attempts weighted). */
    ATTEMPTS("attempts", "attempts per transaction"),
    /** Nanoseconds of every wait: free segment, write read, inevitable. */
    WAIT("wait-ns", "waits");

    private final String tag;
    private final String label;

    TimingKind(String tag, String label) {
        this.tag = tag;
        this.label = label;
    }

    public String tag() {
        return tag;
    }

    String label() {
        return label;
    }
}
