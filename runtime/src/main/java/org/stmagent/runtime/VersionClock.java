package org.stmagent.runtime;

import org.agrona.UnsafeApi;

/**
 * The global version clock, and beside it one write-back marker per segment slot.
 *
 * <p>Writers tick the clock once per commit; read-only transactions never write it. The clock and
 * the markers of the first seven slots share one cache line, allocated off the heap and aligned to
 * 64 bytes: a commit has just taken that line for its tick, so publishing its own marker and
 * reading everyone else's for the privatization wait costs no further cache miss. Slots beyond the
 * seventh have their markers on the following lines. Nothing else lives on these lines.
 */
final class VersionClock {
    /** Versions start above every marker sentinel. */
    static final long FIRST_VERSION = 2;
    /** Marker of a commit that has not yet drawn its version: privatizing commits wait for it too. */
    static final long WRITEBACK_PENDING = 1;

    private static final int LINE = 64;
    private static final long CLOCK;
    private static final int MARKERS = RuntimeSettings.segments() + SegmentPool.EXTRA_SLOTS;

    static {
        long bytes = (long) (1 + MARKERS) * Long.BYTES + LINE;
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

    /** Publishes that slot {@code slotId} writes back {@code version} (0: not writing back). */
    static void markWriteback(int slotId, long version) {
        UnsafeApi.putLongRelease(null, marker(slotId), version);
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
        return CLOCK + (1L + slotId) * Long.BYTES;
    }
}
