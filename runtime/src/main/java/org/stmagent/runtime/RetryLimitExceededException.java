package org.stmagent.runtime;

/**
 * Thrown out of an {@code @Atomic(retries = n)} method whose transaction was rolled back once more
 * after {@code n} retries: none of its effects remain (irrevocable actions aside, see docs/semantics.md).
 */
public final class RetryLimitExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    public RetryLimitExceededException(int attempts) {
        super("transaction rolled back " + attempts + " times, past its retry limit; no effect of it remains");
        this.attempts = attempts;
    }

    /** How many attempts were made and rolled back. */
    public int attempts() {
        return attempts;
    }
}
