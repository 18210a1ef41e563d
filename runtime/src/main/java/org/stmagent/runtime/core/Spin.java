package org.stmagent.runtime.core;

import java.util.concurrent.locks.LockSupport;

/** Escalating wait for short waits: spin, then yield, then short parks. */
final class Spin {
    private static final int SPIN_LIMIT = 128;
    private static final int YIELD_LIMIT = 256;

    private Spin() {
    }

    /** Waits once; returns the next round number. */
    static int pause(int round) {
        if (round < SPIN_LIMIT) {
            Thread.onSpinWait();
        } else if (round < YIELD_LIMIT) {
            Thread.yield();
        } else {
            LockSupport.parkNanos(Math.min(1_000_000L, 1_000L << Math.min(10, (round - YIELD_LIMIT) / 16)));
        }
        return round + 1;
    }
}
