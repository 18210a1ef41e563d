package org.stmagent.runtime.core;

import java.lang.ref.Cleaner;

import org.agrona.UnsafeApi;

/**
 * A cheap first answer to "is this thread in a transaction?", for the check at the top of every
 * rewritten method. Threads are spread by id over {@value #BUCKETS} buckets, each on a cache line of
 * its own holding two counts: the <em>owner's</em>, which the one thread that claimed the bucket
 * changes with plain stores, and the <em>guests'</em>, which other threads whose id lands there change
 * with atomic adds. A bucket whose counts are both zero means "no", with one load of a line only
 * that thread writes in the common case; otherwise the thread-local descriptor decides.
 *
 * <p>A thread claims its bucket (a CAS, once) on its first transaction; a {@link Cleaner} gives the
 * bucket back when the thread is gone, so pools that replace their threads keep the plain path.
 */
public final class RunningThreads {
    private static final int BUCKETS = 1024;
    private static final int STRIDE = 16; // ints per 64-byte line
    private static final int OWNER_COUNT = 0;
    private static final int GUEST_COUNT = 1;
    private static final int OWNER_ID = 2; // a long, in ints 2 and 3
    private static final int[] LINES = new int[(BUCKETS + 2) * STRIDE];
    private static final long BASE = UnsafeApi.arrayBaseOffset(int[].class) + (long) STRIDE * Integer.BYTES;
    private static final long NO_OWNER = 0L;
    private static final Cleaner RELEASER = Cleaner.create();

    private RunningThreads() {
    }

    /** How one thread counts itself: as the owner of its bucket, or as a guest in it. */
    static final class Membership {
        private final long bucket;
        private final boolean owner;

        private Membership(long bucket, boolean owner) {
            this.bucket = bucket;
            this.owner = owner;
        }

        void enter() {
            if (owner) {
                long at = bucket + OWNER_COUNT * Integer.BYTES;
                UnsafeApi.putIntRelease(LINES, at, UnsafeApi.getInt(LINES, at) + 1);
            } else {
                UnsafeApi.getAndAddInt(LINES, bucket + GUEST_COUNT * Integer.BYTES, 1);
            }
        }

        void exit() {
            if (owner) {
                long at = bucket + OWNER_COUNT * Integer.BYTES;
                UnsafeApi.putIntRelease(LINES, at, UnsafeApi.getInt(LINES, at) - 1);
            } else {
                UnsafeApi.getAndAddInt(LINES, bucket + GUEST_COUNT * Integer.BYTES, -1);
            }
        }
    }

    /** The calling thread's membership: claims its bucket if no live thread has. */
    @SuppressWarnings("deprecation") // Thread.getId: threadId() needs Java 19
    static Membership join(Thread thread) {
        long id = thread.getId();
        long bucket = address(thread);
        long ownerAt = bucket + OWNER_ID * Integer.BYTES;
        long current = UnsafeApi.getLongVolatile(LINES, ownerAt);
        if (current == id) {
            return new Membership(bucket, true); // a second descriptor of the same thread
        }
        if (current == NO_OWNER && UnsafeApi.compareAndSetLong(LINES, ownerAt, NO_OWNER, id)) {
            RELEASER.register(thread, () -> release(bucket, id));
            return new Membership(bucket, true);
        }
        return new Membership(bucket, false);
    }

    /** The thread that owned the bucket is gone: a transaction it left open counts no more. */
    private static void release(long bucket, long id) {
        UnsafeApi.putIntVolatile(LINES, bucket + OWNER_COUNT * Integer.BYTES, 0);
        UnsafeApi.compareAndSetLong(LINES, bucket + OWNER_ID * Integer.BYTES, id, NO_OWNER);
    }

    @SuppressWarnings("deprecation")
    private static long address(Thread thread) {
        return BASE + (long) ((int) thread.getId() & (BUCKETS - 1)) * STRIDE * Integer.BYTES;
    }

    /**
     * False only if no transaction runs on {@code thread}, which must be the calling thread. One
     * plain load of both counts: a thread always sees its own updates; another thread's count in the
     * bucket can only make the answer "maybe", never a wrong "no".
     */
    public static boolean mayBeRunning(Thread thread) {
        return UnsafeApi.getLong(LINES, address(thread)) != 0L;
    }
}
