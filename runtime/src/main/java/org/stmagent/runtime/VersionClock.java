package org.stmagent.runtime;

import org.agrona.UnsafeApi;

/**
 * The global version clock, and after it one write-back marker per segment slot.
 *
 * <p>Writers tick the clock once per commit; read-only transactions never write it. The clock has
 * a 64-byte-aligned cache line of its own, off the heap: every read barrier looks at it, so nothing
 * else may invalidate it. The markers follow on the next lines, together: a commit writes its own
 * and reads the others', and only committers touch them.
 */
final class VersionClock {
    /** Versions start above every marker sentinel. */
    static final long FIRST_VERSION = 2;

    private static final int LINE = 64;
    private static final long CLOCK;
    private static final int MARKERS = RuntimeSettings.segments() + SegmentPool.EXTRA_SLOTS;

    static {
        long bytes = LINE + (long) MARKERS * Long.BYTES + LINE;
        long raw = UnsafeApi.allocateMemory(bytes);
        UnsafeApi.setMemory(raw, bytes, (byte) 0);
        CLOCK = (raw + LINE - 1) & -LINE;
        UnsafeApi.putLongVolatile(null, CLOCK, FIRST_VERSION);
    }

    private VersionClock() {
    }

    static long now() {
        return UnsafeApi.getLongVolatile(null, CLOCK);
    }

    /** Advances the clock and returns the new version (full fence). */
    static long tick() {
        return UnsafeApi.getAndAddLong(null, CLOCK, 1) + 1;
    }

    /**
     * Marker of a commit that has not drawn its version yet. It is published before the tick (whose
     * atomic add orders it), so a privatizing commit with a later version always sees this commit in
     * flight, even if it validates, writes back and scans before this one gets any further.
     */
    static final long WRITEBACK_PENDING = 1;

    /** Publishes that slot {@code slotId} writes back {@code version} ({@link #WRITEBACK_PENDING}: soon). */
    static void markWriteback(int slotId, long version) {
        UnsafeApi.putLongRelease(null, marker(slotId), version);
    }

    /** Publishes that slot {@code slotId} has finished writing back. */
    static void clearWriteback(int slotId) {
        UnsafeApi.putLongRelease(null, marker(slotId), 0);
    }

    /**
     * Privatization safety: waits until no slot of the first {@code slots} but {@code selfId} is
     * writing back a commit older than {@code version}, so a thread that leaves a transaction
     * never meets a late write-back.
     */
    static void awaitWritebacksBefore(int selfId, int slots, long version) {
        for (int id = 0; id < slots; id++) {
            if (id != selfId) {
                long address = marker(id);
                int round = 0;
                long v;
                while ((v = UnsafeApi.getLongVolatile(null, address)) != 0 && v < version) {
                    round = Spin.pause(round);
                }
            }
        }
    }

    private static long marker(int slotId) {
        return CLOCK + LINE + (long) slotId * Long.BYTES;
    }
}
