package org.stmagent.runtime.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.Arrays;

/** Padding before the depth, so two threads' holders never share its cache line. */
abstract class PlainHolderPadBefore {
    long p01, p02, p03, p04, p05, p06, p07, p08;
}

/** The depth its thread writes at every plain region's entry and exit, and others read. */
abstract class PlainHolderDepth extends PlainHolderPadBefore {
    volatile int depth;
}

/** Padding after the depth. */
abstract class PlainHolderPadAfter extends PlainHolderDepth {
    long q01, q02, q03, q04, q05, q06, q07, q08;
}

/**
 * The signal orecs of the monitors one thread is inside in plain mode (running a region's original
 * code under its real lock, see {@link PlainMonitors}), published for a thread that wants to switch
 * such a monitor back to transactions and must wait until nobody runs it plainly. Only the owner
 * thread writes; the depth is written after the entry below it and read before the entries, so a
 * reader that sees a depth sees the orecs under it.
 */
final class PlainHolder extends PlainHolderPadAfter {
    private static volatile PlainHolder[] all = new PlainHolder[0];
    private static final VarHandle DEPTH;

    static {
        try {
            DEPTH = MethodHandles.lookup().findVarHandle(PlainHolderDepth.class, "depth", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final WeakReference<Thread> thread = new WeakReference<>(Thread.currentThread());
    private volatile int[] orecs = new int[8];
    private int[] sites = new int[8];

    private PlainHolder() {
    }

    /** A holder for the calling thread, registered so that {@link #awaitNoneInside} sees it. */
    static synchronized PlainHolder register() {
        PlainHolder holder = new PlainHolder();
        PlainHolder[] live = Arrays.stream(all).filter(h -> h.thread.get() != null).toArray(PlainHolder[]::new);
        PlainHolder[] grown = Arrays.copyOf(live, live.length + 1);
        grown[live.length] = holder;
        all = grown;
        return holder;
    }

    int depth() {
        return depth;
    }

    /** Publishes one more plain region on {@code orec}; a volatile write, ordered before any later volatile read. */
    void push(int orec, int site) {
        int d = depth;
        if (d == sites.length) {
            orecs = Arrays.copyOf(orecs, d * 2);
            sites = Arrays.copyOf(sites, d * 2);
        }
        orecs[d] = orec;
        sites[d] = site;
        depth = d + 1;
    }

    /**
     * A release store, not a full fence: a drainer that sees the old depth only waits a little longer,
     * and a fence here would wait for the real lock's release to reach the other cores.
     */
    void pop() {
        DEPTH.setRelease(this, depth - 1);
    }

    int innermostOrec() {
        return orecs[depth - 1];
    }

    int innermostSite() {
        return sites[depth - 1];
    }

    /** Whether a plain region of this thread, other than the innermost {@code skipInnermost} ones, is on {@code orec}. */
    boolean holds(int orec, int skipInnermost) {
        int[] held = orecs;
        for (int i = depth - 1 - skipInnermost; i >= 0; i--) {
            if (held[i] == orec) {
                return true;
            }
        }
        return false;
    }

    /** Whether some thread is inside a plain region (a volatile read of each registered holder's depth). */
    static boolean anyInside() {
        for (PlainHolder holder : all) {
            if (holder.depth > 0) {
                return true;
            }
        }
        return false;
    }

    /** Waits until no thread other than the caller is inside a plain region on {@code orec}. */
    static void awaitNoneInside(int orec, PlainHolder self) {
        for (PlainHolder holder : all) {
            if (holder == self) {
                continue;
            }
            int round = 0;
            while (holder.holds(orec, 0)) {
                round = Spin.pause(round);
            }
        }
    }
}
