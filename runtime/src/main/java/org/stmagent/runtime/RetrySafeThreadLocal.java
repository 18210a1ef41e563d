package org.stmagent.runtime;

import java.util.function.Supplier;

import org.stmagent.runtime.seam.Barriers;

/**
 * A {@link ThreadLocal} whose changes made inside a transaction are undone when the attempt that made
 * them is rolled back, so a retried transaction starts from the value it started with. Calling it
 * from a transaction never makes the transaction inevitable (a plain {@code ThreadLocal.set} does,
 * because its effect would survive a rollback).
 */
public class RetrySafeThreadLocal<T> extends ThreadLocal<T> {
    /** A thread-local whose initial value on each thread comes from {@code initial}. */
    public static <S> RetrySafeThreadLocal<S> withInitialValue(Supplier<? extends S> initial) {
        return new RetrySafeThreadLocal<>() {
            @Override
            protected S initialValue() {
                return initial.get();
            }
        };
    }

    @Override
    public void set(T value) {
        restoreOnAbort();
        super.set(value);
    }

    @Override
    public void remove() {
        restoreOnAbort();
        super.remove();
    }

    private void restoreOnAbort() {
        if (Barriers.current() != null) {
            T before = get();
            Stm.afterAbort(() -> super.set(before));
        }
    }
}
