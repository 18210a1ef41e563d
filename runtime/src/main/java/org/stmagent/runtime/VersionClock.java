package org.stmagent.runtime;

import org.agrona.UnsafeApi;

/**
 * The global version clock. Writers tick it once per commit; read-only transactions never write it.
 * The counter sits alone in the middle of a 256-byte array so no other hot data shares its cache line.
 */
final class VersionClock {
    /** Versions start above every sentinel {@link Segment} uses for its write-back marker. */
    static final long FIRST_VERSION = 2;

    private static final long[] CELLS = new long[32];
    private static final long OFFSET = UnsafeApi.arrayBaseOffset(long[].class) + 16L * Long.BYTES;

    static {
        UnsafeApi.putLongVolatile(CELLS, OFFSET, FIRST_VERSION);
    }

    private VersionClock() {
    }

    static long now() {
        return UnsafeApi.getLongVolatile(CELLS, OFFSET);
    }

    /** Advances the clock and returns the new version (full fence). */
    static long tick() {
        return UnsafeApi.getAndAddLong(CELLS, OFFSET, 1) + 1;
    }
}
