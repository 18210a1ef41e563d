package org.stmagent.runtime.seam;

/** Rethrows any throwable unchanged, checked or not, as leaving a monitor would. */
public final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends Throwable> T rethrow(Throwable thrown) throws T {
        throw (T) thrown;
    }
}
