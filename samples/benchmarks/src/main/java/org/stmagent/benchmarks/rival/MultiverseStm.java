package org.stmagent.benchmarks.rival;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.multiverse.api.StmUtils;
import org.multiverse.api.callables.TxnBooleanCallable;
import org.multiverse.api.callables.TxnLongCallable;
import org.multiverse.api.references.TxnLong;
import org.multiverse.api.references.TxnRef;

/**
 * Multiverse (its GammaStm, the global instance behind {@link StmUtils}): cells are {@code TxnLong}
 * and {@code TxnRef}, which use the transaction the thread runs. A read for update also
 * {@code ensure()}s the cell.
 */
public final class MultiverseStm implements RivalStm {
    @Override
    public TxLong newLong(long initial) {
        TxnLong cell = StmUtils.newTxnLong(initial);
        return new TxLong() {
            @Override
            public long get() {
                return cell.get();
            }

            @Override
            public long getForUpdate() {
                cell.ensure();
                return cell.get();
            }

            @Override
            public void set(long value) {
                cell.set(value);
            }
        };
    }

    @Override
    public <T> TxRef<T> newRef(T initial) {
        TxnRef<T> cell = StmUtils.newTxnRef(initial);
        return new TxRef<>() {
            @Override
            public T get() {
                return cell.get();
            }

            @Override
            public T getForUpdate() {
                cell.ensure();
                return cell.get();
            }

            @Override
            public void set(T value) {
                cell.set(value);
            }
        };
    }

    @Override
    public void atomic(Runnable body) {
        StmUtils.atomic(body);
    }

    @Override
    public long atomicLong(LongSupplier body) {
        return StmUtils.atomic((TxnLongCallable) txn -> body.getAsLong());
    }

    @Override
    public boolean atomicBoolean(BooleanSupplier body) {
        return StmUtils.atomic((TxnBooleanCallable) txn -> body.getAsBoolean());
    }
}
