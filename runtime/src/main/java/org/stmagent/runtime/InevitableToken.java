package org.stmagent.runtime;

import java.util.concurrent.atomic.AtomicReference;

/** At most one transaction is inevitable at a time: it holds this token. */
final class InevitableToken {
    private static final AtomicReference<SegmentSlot> HOLDER = new AtomicReference<>();

    private InevitableToken() {
    }

    static boolean tryAcquire(SegmentSlot slot) {
        return HOLDER.get() == null && HOLDER.compareAndSet(null, slot);
    }

    static void release(SegmentSlot slot) {
        HOLDER.compareAndSet(slot, null);
    }

    static boolean isHeld() {
        return HOLDER.get() != null;
    }
}
