package org.stmagent.instrument;

/** What becomes of {@code synchronized} methods and blocks in rewritten classes. */
public enum MonitorMode {
    /** {@code synchronized} methods and blocks run as transactions. */
    TRANSACTION,
    /**
     * Real monitors are kept: only {@code @Atomic} methods are transactions. A transaction that
     * enters a monitor becomes inevitable first, since a lock cannot be rolled back.
     */
    LOCK
}
