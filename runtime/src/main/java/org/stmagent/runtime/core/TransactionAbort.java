package org.stmagent.runtime.core;

import org.stmagent.runtime.stats.AbortCause;

/**
 * Thrown by a barrier or by commit to unwind an attempt that must be rolled back and retried.
 *
 * <p>One preallocated instance per {@link AbortCause}, without a stack trace: aborting is control
 * flow, not an error. Rewritten code never lets a user handler swallow it; the retry loop catches it
 * and calls {@code Barriers.afterThrowable}.
 */
public final class TransactionAbort extends Error {
    private static final long serialVersionUID = 1L;
    private static final TransactionAbort[] BY_CAUSE = new TransactionAbort[AbortCause.values().length];

    static {
        for (AbortCause cause : AbortCause.values()) {
            BY_CAUSE[cause.ordinal()] = new TransactionAbort(cause);
        }
    }

    private final transient AbortCause cause;

    private TransactionAbort(AbortCause cause) {
        super("transaction aborted: " + cause.label(), null, false, false);
        this.cause = cause;
    }

    public static TransactionAbort of(AbortCause cause) {
        return BY_CAUSE[cause.ordinal()];
    }

    public AbortCause abortCause() {
        return cause;
    }
}
