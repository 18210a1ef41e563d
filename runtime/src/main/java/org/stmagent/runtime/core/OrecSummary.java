package org.stmagent.runtime.core;

/**
 * A set of orecs folded into one 64-bit word, one bit per orec (a one-word Bloom filter): two
 * summaries with no bit in common name no orec in common. A committer publishes the summary of its
 * read set beside its write-back marker, so that another commit can tell from the one line it reads
 * anyway that it need not look at the read set itself (see {@link Privatization}).
 */
final class OrecSummary {
    /** The summary that may hold any orec: for sets too large to fold usefully, or not folded. */
    static final long ANY = -1L;
    /** Sets larger than this are summarised as {@link #ANY}: their word would have most bits set. */
    static final int FOLDED = 24;

    private OrecSummary() {
    }

    /** The orec's bit: its index modulo 64 (orecs are hashed already; a shift takes the low six bits). */
    static long bit(int orec) {
        return 1L << orec;
    }

    /** Whether two summaries may name a common orec. */
    static boolean mayMeet(long a, long b) {
        return (a & b) != 0;
    }
}
