package org.stmagent.runtime.settings;

import java.math.BigDecimal;

/**
 * Settings the runtime reads once, when the segment pool is created. The agent calls
 * {@link #configure} from its options before any transaction runs; programs using the runtime
 * without the agent get the defaults, or the {@code stm.segments}, {@code stm.inevitableAfter},
 * {@code stm.statistics}, {@code stm.orecs} and {@code stm.watchdog} system properties.
 */
public final class RuntimeSettings {
    /** Aborts after which a transaction's next attempt runs inevitable, so it always finishes. */
    public static final int DEFAULT_INEVITABLE_AFTER = 10;
    /** Seconds a transaction or a wait may not get on before the watchdog reports it. */
    public static final int DEFAULT_WATCHDOG_SECONDS = 10;

    private static int segments = positive("stm.segments", Runtime.getRuntime().availableProcessors());
    private static int inevitableAfter = positive("stm.inevitableAfter", DEFAULT_INEVITABLE_AFTER);
    private static boolean statistics = bool("stm.statistics", true);
    private static long watchdogMillis = seconds("stm.watchdog", DEFAULT_WATCHDOG_SECONDS * 1000L);
    private static boolean poolCreated;
    /** Orecs for data in the table: a power of two (see {@code Orecs}). */
    static final int DEFAULT_ORECS = 1 << 16;
    private static final int MIN_ORECS = 1 << 10;
    private static final int MAX_ORECS = 1 << 26;

    private RuntimeSettings() {
    }

    /**
     * Sets the segment limit, the abort count after which transactions run inevitable, whether
     * statistics, timings and conflict attribution are kept, and the watchdog's threshold in
     * milliseconds (0: no watchdog).
     *
     * @throws IllegalStateException if a transaction has already run
     */
    public static synchronized void configure(int segmentLimit, int abortsBeforeInevitable, boolean keepStatistics,
            long watchdogThresholdMillis) {
        if (poolCreated) {
            throw new IllegalStateException("the runtime is already running transactions; configure it first");
        }
        if (segmentLimit < 1 || abortsBeforeInevitable < 1) {
            throw new IllegalArgumentException("segment limit and aborts before inevitable must be positive");
        }
        if (watchdogThresholdMillis < 0) {
            throw new IllegalArgumentException("the watchdog's threshold must not be negative");
        }
        segments = segmentLimit;
        inevitableAfter = abortsBeforeInevitable;
        statistics = keepStatistics;
        watchdogMillis = watchdogThresholdMillis;
    }

    public static synchronized int segments() {
        poolCreated = true;
        return segments;
    }

    /**
     * The number of data orecs, from {@code stm.orecs}: a power of two from 2^10 to 2^26, default
     * {@value #DEFAULT_ORECS} (512 KiB, which stays in a core's L2 cache; see docs/design.md).
     */
    public static int orecs() {
        int orecs = positive("stm.orecs", DEFAULT_ORECS);
        if (Integer.bitCount(orecs) != 1 || orecs < MIN_ORECS || orecs > MAX_ORECS) {
            throw new IllegalArgumentException("stm.orecs must be a power of two from " + MIN_ORECS + " to "
                    + MAX_ORECS + ", not " + orecs);
        }
        return orecs;
    }

    public static synchronized int inevitableAfter() {
        return inevitableAfter;
    }

    /** How long, in milliseconds, the watchdog lets a transaction or a wait not get on; 0 when it is off. */
    public static synchronized long watchdogMillis() {
        return watchdogMillis;
    }

    public static synchronized boolean statistics() {
        poolCreated = true; // read once, into a constant
        return statistics;
    }

    private static boolean bool(String property, boolean fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            return fallback;
        }
        if (!value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(property + " must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value.trim());
    }

    /** Seconds, with up to three decimals, as milliseconds; {@code off} or {@code 0} is 0. */
    private static long seconds(String property, long fallbackMillis) {
        String value = System.getProperty(property);
        if (value == null) {
            return fallbackMillis;
        }
        String trimmed = value.trim();
        if (trimmed.equalsIgnoreCase("off")) {
            return 0;
        }
        if (trimmed.matches("\\d{1,9}(\\.\\d{1,3})?")) {
            return new BigDecimal(trimmed).movePointRight(3).longValueExact();
        }
        throw new IllegalArgumentException(property + " must be a number of seconds or 'off', not '" + value + "'");
    }

    private static int positive(String property, int fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(property + " must be a positive integer, not '" + value + "'");
    }
}
