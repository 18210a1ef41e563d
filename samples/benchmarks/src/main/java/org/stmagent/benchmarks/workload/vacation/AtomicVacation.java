package org.stmagent.benchmarks.workload.vacation;

import org.stmagent.annotations.Atomic;

/** The agency with {@link Atomic} methods instead of a lock: only meaningful under the agent. */
public final class AtomicVacation implements Vacation {
    private final Vacation tables;

    public AtomicVacation(Vacation tables) {
        this.tables = tables;
    }

    @Atomic
    @Override
    public void addItem(int kind, int id, int num, int price) {
        tables.addItem(kind, id, num, price);
    }

    @Atomic
    @Override
    public void addCustomer(int id) {
        tables.addCustomer(id);
    }

    @Atomic
    @Override
    public int makeReservation(int customerId, int[] kinds, int[] ids, int queries) {
        return tables.makeReservation(customerId, kinds, ids, queries);
    }

    @Atomic
    @Override
    public int deleteCustomer(int customerId) {
        return tables.deleteCustomer(customerId);
    }

    @Atomic
    @Override
    public long updateTables(int[] kinds, int[] ids, int[] prices, int updates) {
        return tables.updateTables(kinds, ids, prices, updates);
    }

    @Atomic
    @Override
    public TableTotals checkedTotals(int relations) {
        return tables.checkedTotals(relations);
    }
}
