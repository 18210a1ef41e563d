package org.stmagent.runtime;

/** Rethrows any throwable unchanged, checked or not, as leaving a monitor would. */
final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
