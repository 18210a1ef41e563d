package org.stmagent.runtime;

/**
 * Finds the calling thread's {@link Segment} descriptor. This is the one thread-local look-up of
 * the runtime; it happens when a region starts, never per access: rewritten code passes the
 * descriptor along in a local variable and an extra parameter.
 */
final class ThreadContext {
    private static final ThreadLocal<Segment> DESCRIPTOR = ThreadLocal.withInitial(Segment::new);

    private ThreadContext() {
    }

    /** The calling thread's descriptor (made on first use). */
    static Segment descriptor() {
        return DESCRIPTOR.get();
    }

    /** The descriptor if a transaction is running on this thread, else null. */
    static Segment running() {
        Segment segment = DESCRIPTOR.get();
        return segment.running() ? segment : null;
    }
}
