package org.stmagent.runtime;

import org.agrona.UnsafeApi;

/**
 * A cheap first answer to "is this thread in a transaction?", for the check at the top of every
 * rewritten method. Threads are spread by id over 64 counters, each on its own cache line; a
 * transaction counts itself in its thread's counter while it runs. A zero counter means "no", with
 * one load of a line the thread itself writes; otherwise the thread-local descriptor decides.
 */
final class RunningThreads {
    private static final int BUCKETS = 64;
    private static final int STRIDE = 16; // ints per 64-byte line
    private static final int[] COUNTS = new int[(BUCKETS + 1) * STRIDE];
    private static final long BASE = UnsafeApi.arrayBaseOffset(int[].class) + (long) STRIDE * Integer.BYTES;

    private RunningThreads() {
    }

    @SuppressWarnings("deprecation") // Thread.getId: threadId() needs Java 19
    private static long address(Thread thread) {
        return BASE + (long) ((int) thread.getId() & (BUCKETS - 1)) * STRIDE * Integer.BYTES;
    }

    static void enter(Thread thread) {
        UnsafeApi.getAndAddInt(COUNTS, address(thread), 1);
    }

    static void exit(Thread thread) {
        UnsafeApi.getAndAddInt(COUNTS, address(thread), -1);
    }

    /**
     * False only if no transaction runs on {@code thread}, which must be the calling thread. A plain
     * load is enough: a thread always sees its own increment; another thread's count sharing the
     * bucket can only make the answer "maybe", never a wrong "no".
     */
    static boolean mayBeRunning(Thread thread) {
        return UnsafeApi.getInt(COUNTS, address(thread)) != 0;
    }
}
