package org.stmagent.runtime;

import java.util.concurrent.atomic.AtomicReference;

/** At most one transaction is inevitable at a time: it holds this token. */
final class InevitableToken {
    private static final AtomicReference<SegmentSlot> HOLDER = new AtomicReference<>();
    private static volatile int holderSite = Sites.UNKNOWN;

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

    /** Records the site the holder (the caller) is inevitable for. */
    static void holdFor(int site) {
        holderSite = site;
    }

    /**
     * The site that made the holder inevitable, or the last holder when none holds the token now:
     * for charging a wait or a kill to it. Racy, for reports.
     */
    static int holderSite() {
        return holderSite;
    }
}
