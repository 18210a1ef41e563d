package org.stmagent.benchmarks.rival;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import scala.concurrent.stm.Ref;
import scala.concurrent.stm.japi.STM;

/**
 * ScalaSTM through its Java API: cells are {@code Ref.View}s, which join the atomic block running
 * on the thread. Its reads are validated at commit, so a read for update is a plain read.
 */
public final class ScalaStm implements RivalStm {
    @Override
    public TxLong newLong(long initial) {
        Ref.View<Long> view = STM.newRef(initial);
        return new TxLong() {
            @Override
            public long get() {
                return view.get();
            }

            @Override
            public long getForUpdate() {
                return view.get();
            }

            @Override
            public void set(long value) {
                view.set(value);
            }
        };
    }

    @Override
    public <T> TxRef<T> newRef(T initial) {
        Ref.View<T> view = STM.newRef(initial);
        return new TxRef<>() {
            @Override
            public T get() {
                return view.get();
            }

            @Override
            public T getForUpdate() {
                return view.get();
            }

            @Override
            public void set(T value) {
                view.set(value);
            }
        };
    }

    @Override
    public void atomic(Runnable body) {
        STM.atomic(body);
    }

    @Override
    public long atomicLong(LongSupplier body) {
        return STM.atomic((Callable<Long>) body::getAsLong);
    }

    @Override
    public boolean atomicBoolean(BooleanSupplier body) {
        return STM.atomic((Callable<Boolean>) body::getAsBoolean);
    }
}
