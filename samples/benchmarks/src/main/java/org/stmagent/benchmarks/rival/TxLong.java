package org.stmagent.benchmarks.rival;

/** A transactional {@code long} cell of a {@link RivalStm}. */
public interface TxLong {
    long get();

    /**
     * A read on which the transaction's writes depend. STMs that run at snapshot isolation (Clojure
     * refs, Multiverse's default) would otherwise let two transactions that each read what the other
     * writes both commit (write skew); this read makes them conflict.
     */
    long getForUpdate();

    void set(long value);
}
