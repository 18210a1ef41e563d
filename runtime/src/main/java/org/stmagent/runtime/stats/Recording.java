package org.stmagent.runtime.stats;

import org.stmagent.runtime.settings.RuntimeSettings;

/**
 * Whether statistics, timings and conflict attribution are kept ({@code statistics=false} turns
 * them off). A constant, so the JIT compiler drops the bookkeeping when it is off.
 */
public final class Recording {
    public static final boolean ON = RuntimeSettings.statistics();

    private Recording() {
    }
}
