package org.stmagent.runtime;

/**
 * Whether statistics, timings and conflict attribution are kept ({@code statistics=false} turns
 * them off). A constant, so the JIT compiler drops the bookkeeping when it is off.
 */
final class Recording {
    static final boolean ON = RuntimeSettings.statistics();

    private Recording() {
    }
}
