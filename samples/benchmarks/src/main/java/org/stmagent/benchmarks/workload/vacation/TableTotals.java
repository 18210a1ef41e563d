package org.stmagent.benchmarks.workload.vacation;

/** What the tables hold in all, once their consistency is checked: units reserved and units in total. */
public final class TableTotals {
    private final long reserved;
    private final long capacity;

    TableTotals(long reserved, long capacity) {
        this.reserved = reserved;
        this.capacity = capacity;
    }

    public long reserved() {
        return reserved;
    }

    public long capacity() {
        return capacity;
    }
}
