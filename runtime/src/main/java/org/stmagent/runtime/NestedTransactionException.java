package org.stmagent.runtime;

/** Thrown by {@link Stm#exclusiveAtomic} when called inside a transaction. */
public final class NestedTransactionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NestedTransactionException() {
        super("exclusiveAtomic called inside a transaction: exclusive regions do not nest");
    }
}
