package org.stmagent.agent;

import java.util.Locale;

/** What the {@code monitors} option does with {@code synchronized} in included classes. */
public enum MonitorMode {
    /** {@code synchronized} methods and blocks run as transactions. */
    TRANSACTION,
    /** {@code synchronized} keeps real monitors; only {@code @Atomic} methods are transactions. */
    LOCK;

    /** The spelling used in the option string. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode spelled {@code value}, or {@code null} if there is none. */
    static MonitorMode fromOptionValue(String value) {
        for (MonitorMode mode : values()) {
            if (mode.optionValue().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
