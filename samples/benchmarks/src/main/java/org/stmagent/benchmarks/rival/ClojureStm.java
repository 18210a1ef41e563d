package org.stmagent.benchmarks.rival;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import clojure.lang.LockingTransaction;
import clojure.lang.Ref;

/**
 * Clojure refs from Java: cells are {@link Ref}s, atomic blocks run through
 * {@link LockingTransaction#runInTransaction}. Refs give snapshot isolation, so a read for update
 * {@code touch()}es the ref (Clojure's {@code ensure}).
 */
public final class ClojureStm implements RivalStm {
    @Override
    public TxLong newLong(long initial) {
        Ref ref = new Ref(initial);
        return new TxLong() {
            @Override
            public long get() {
                return (Long) ref.deref();
            }

            @Override
            public long getForUpdate() {
                ref.touch();
                return (Long) ref.deref();
            }

            @Override
            public void set(long value) {
                ref.set(value);
            }
        };
    }

    @Override
    public <T> TxRef<T> newRef(T initial) {
        Ref ref = new Ref(initial);
        return new TxRef<>() {
            @SuppressWarnings("unchecked")
            @Override
            public T get() {
                return (T) ref.deref();
            }

            @Override
            public T getForUpdate() {
                ref.touch();
                return get();
            }

            @Override
            public void set(T value) {
                ref.set(value);
            }
        };
    }

    @Override
    public void atomic(Runnable body) {
        run(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public long atomicLong(LongSupplier body) {
        return run(body::getAsLong);
    }

    @Override
    public boolean atomicBoolean(BooleanSupplier body) {
        return run(body::getAsBoolean);
    }

    private static <T> T run(Callable<T> body) {
        try {
            @SuppressWarnings("unchecked")
            T result = (T) LockingTransaction.runInTransaction(body);
            return result;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
