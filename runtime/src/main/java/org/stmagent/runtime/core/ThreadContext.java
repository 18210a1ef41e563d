package org.stmagent.runtime.core;

/**
 * Finds the calling thread's {@link Segment} descriptor. This is the one thread-local look-up of
 * the runtime; it happens when a region starts, never per access: rewritten code passes the
 * descriptor along in a local variable and an extra parameter.
 */
public final class ThreadContext {
    private static final ThreadLocal<Segment> DESCRIPTOR = ThreadLocal.withInitial(Segment::new);

    private ThreadContext() {
    }

    /** The calling thread's descriptor (made on first use). */
    public static Segment descriptor() {
        return DESCRIPTOR.get();
    }

    /**
     * Detaches the thread's running optimistic transaction, so that code run now (a class
     * initialiser) is outside it: {@link #running()} is null and regions start transactions of
     * their own on a second descriptor. Returns the detached descriptor, or null if there was
     * nothing to detach (an inevitable transaction stays attached: it can run anything in place).
     */
    public static Segment suspend() {
        Segment segment = DESCRIPTOR.get();
        if (!segment.running() || segment.isInevitable()) {
            return null;
        }
        DESCRIPTOR.set(segment.descriptorWhileSuspended());
        return segment;
    }

    /** Reattaches what {@link #suspend()} detached. */
    public static void resume(Segment segment) {
        if (segment != null) {
            DESCRIPTOR.set(segment);
        }
    }

    /** The descriptor if a transaction is running on this thread, else null. */
    public static Segment running() {
        Segment segment = DESCRIPTOR.get();
        return segment.running() ? segment : null;
    }
}
