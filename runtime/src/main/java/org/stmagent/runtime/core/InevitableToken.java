package org.stmagent.runtime.core;

import java.util.concurrent.atomic.AtomicReference;

import org.stmagent.runtime.stats.Sites;

/**
 * The right to become inevitable. One transaction holds it at a time while it becomes inevitable
 * and until it ends, so most of the time one inevitable transaction runs. Two exceptions: a
 * monitor region gives the token back once it has published what it did before an irrevocable
 * call or a wait (it keeps only its monitors locked), and a waiter takes the token over from a
 * holder blocked in a call of the program's own (see {@link BlockedInevitables}).
 */
final class InevitableToken {
    private static final AtomicReference<SegmentSlot> HOLDER = new AtomicReference<>();
    private static volatile int holderSite = Sites.UNKNOWN;

    private InevitableToken() {
    }

    static boolean tryAcquire(SegmentSlot slot) {
        return HOLDER.get() == null && HOLDER.compareAndSet(null, slot);
    }

    /**
     * Takes the token from a holder that is blocked in a call of the program's own (see
     * {@link BlockedInevitables}). The holder stays inevitable and keeps its locks; its own release
     * then finds the token gone and leaves it.
     */
    static boolean takeOverFromBlockedHolder(SegmentSlot slot) {
        SegmentSlot holder = HOLDER.get();
        return holder != null && holder.ownerBlockedOutsideRuntime() && HOLDER.compareAndSet(holder, slot);
    }

    static void release(SegmentSlot slot) {
        HOLDER.compareAndSet(slot, null);
    }

    /** The holder's slot, or null: racy, for the {@link Watchdog}. */
    static SegmentSlot holder() {
        return HOLDER.get();
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
