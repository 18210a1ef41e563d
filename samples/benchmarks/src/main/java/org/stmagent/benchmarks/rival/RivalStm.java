package org.stmagent.benchmarks.rival;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * The few operations the suite's data structures need from another STM library, so that each
 * structure is written once for all of them: transactional cells and atomic blocks. The cells are
 * read and written inside an atomic block of the same STM.
 */
public interface RivalStm {
    TxLong newLong(long initial);

    <T> TxRef<T> newRef(T initial);

    void atomic(Runnable body);

    long atomicLong(LongSupplier body);

    boolean atomicBoolean(BooleanSupplier body);
}
