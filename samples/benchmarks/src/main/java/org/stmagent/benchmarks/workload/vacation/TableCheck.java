package org.stmagent.benchmarks.workload.vacation;

/**
 * STAMP's {@code checkTables}, shared by every implementation and without destroying the tables:
 * count what the customers hold with {@link #countHeld}, then visit every item with
 * {@link #checkItem}, then take the {@link #totals}.
 */
public final class TableCheck {
    private final int[][] held;
    private long reserved;
    private long capacity;

    /** For items numbered 1 to {@code relations}. */
    public TableCheck(int relations) {
        held = new int[ItemKind.COUNT][relations + 1];
    }

    /** Counts one unit held by a customer. */
    public void countHeld(int customerId, int kind, int id) {
        if (kind < 0 || kind >= ItemKind.COUNT || id < 1 || id >= held[kind].length) {
            throw new IllegalStateException("vacation broken: customer " + customerId + " holds unknown item " + kind + "/" + id);
        }
        held[kind][id]++;
        reserved++;
    }

    /** Throws unless the item's counts agree with each other and with what the customers hold of it. */
    public void checkItem(int kind, int id, int numTotal, int numUsed, int numFree, int price) {
        if (numUsed < 0 || numFree < 0 || numUsed + numFree != numTotal || numTotal < 1 || price < 0) {
            throw new IllegalStateException("vacation broken: item " + kind + "/" + id + " has " + numUsed + " used + "
                    + numFree + " free of " + numTotal + " at price " + price);
        }
        if (held[kind][id] != numUsed) {
            throw new IllegalStateException("vacation broken: item " + kind + "/" + id + " has " + numUsed
                    + " used, customers hold " + held[kind][id]);
        }
        held[kind][id] = 0;
        capacity += numTotal;
    }

    /** Throws if a customer holds an item no table has (a held count no {@link #checkItem} cleared). */
    public TableTotals totals() {
        for (int kind = 0; kind < ItemKind.COUNT; kind++) {
            for (int id = 1; id < held[kind].length; id++) {
                if (held[kind][id] != 0) {
                    throw new IllegalStateException("vacation broken: customers hold deleted item " + kind + "/" + id);
                }
            }
        }
        return new TableTotals(reserved, capacity);
    }
}
