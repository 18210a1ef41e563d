package org.stmagent.benchmarks.rival;

/** A transactional reference cell of a {@link RivalStm}. */
public interface TxRef<T> {
    T get();

    /** A read on which the transaction's writes depend: see {@link TxLong#getForUpdate()}. */
    T getForUpdate();

    void set(T value);
}
