package org.stmagent.agent;

import java.util.Locale;

/** What the {@code monitors} option does with {@code synchronized} in included classes. */
public enum MonitorsOption {
    /** {@code synchronized} methods and blocks run as transactions. */
    TRANSACTION,
    /** {@code synchronized} keeps real monitors; only {@code @Atomic} methods are transactions. */
    LOCK;

    /** The spelling used in the option string. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode spelled {@code value}, or {@code null} if there is none. */
    static MonitorsOption fromOptionValue(String value) {
        for (MonitorsOption mode : values()) {
            if (mode.optionValue().equals(value)) {
                return mode;
            }
        }
        return null;
    }
}
