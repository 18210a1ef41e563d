package org.stmagent.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The fixed pool of segment slots; its size is the segment limit. A thread claims a slot for each
 * outermost transaction, trying first the one it used last; when every slot is taken it waits.
 */
final class SegmentPool {
    private static final class Holder {
        static final SegmentPool INSTANCE = new SegmentPool(RuntimeSettings.segments());
    }

    private final SegmentSlot[] slots;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ConcurrentLinkedQueue<Thread> waiters = new ConcurrentLinkedQueue<>();

    SegmentPool(int size) {
        if (size < 1 || size >= Orecs.MAX_SEGMENTS) {
            throw new IllegalArgumentException("segment limit must be between 1 and " + (Orecs.MAX_SEGMENTS - 1));
        }
        slots = new SegmentSlot[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new SegmentSlot(i);
        }
    }

    static SegmentPool instance() {
        return Holder.INSTANCE;
    }

    static boolean created() {
        return RuntimeSettings.poolCreated();
    }

    int size() {
        return slots.length;
    }

    SegmentSlot slot(int id) {
        return slots[id];
    }

    /** Claims a slot without waiting, starting with {@code preferred}; null when all are taken. */
    SegmentSlot tryClaim(Thread thread, int preferred) {
        int n = slots.length;
        for (int i = 0; i < n; i++) {
            SegmentSlot slot = slots[(preferred + i) % n];
            if (slot.tryClaim(thread)) {
                return slot;
            }
        }
        return null;
    }

    /** Claims a slot, parking until one is free. */
    SegmentSlot claim(Thread thread, int preferred) {
        SegmentSlot slot = tryClaim(thread, preferred);
        if (slot != null) {
            return slot;
        }
        waiting.incrementAndGet();
        try {
            while (true) {
                waiters.add(thread);
                slot = tryClaim(thread, preferred);
                if (slot != null) {
                    waiters.remove(thread);
                    return slot;
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(1));
                waiters.remove(thread);
            }
        } finally {
            waiting.decrementAndGet();
        }
    }

    void release(SegmentSlot slot) {
        slot.free();
        if (waiting.get() > 0) {
            Thread next = waiters.poll();
            if (next != null) {
                LockSupport.unpark(next);
            }
        }
    }
}
