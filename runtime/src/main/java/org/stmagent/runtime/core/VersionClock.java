package org.stmagent.runtime.core;

import org.agrona.UnsafeApi;

/**
 * The global version clock. Writers tick it once per commit; read-only transactions read it once,
 * when they start (and again only when they extend their snapshot). It has a 64-byte-aligned cache
 * line of its own, off the heap, so no other write invalidates it.
 */
final class VersionClock {
    /** Versions start above every marker sentinel. */
    static final long FIRST_VERSION = 2;

    /**
     * The write-back marker of a commit that has not drawn its version yet ({@link PublishedState}).
     * It is published before the tick (whose atomic add orders it), so a privatizing commit with a
     * later version always sees this commit in flight, even if it validates, writes back and scans
     * before this one gets any further.
     */
    static final long WRITEBACK_PENDING = 1;

    private static final int LINE = 64;
    private static final long CLOCK;

    static {
        long bytes = 3L * LINE;
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
}
