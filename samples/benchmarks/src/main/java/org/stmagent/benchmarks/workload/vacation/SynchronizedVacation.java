package org.stmagent.benchmarks.workload.vacation;

/**
 * The agency as an ordinary program shares it: every task under one global {@code synchronized}
 * lock. Under the agent the same class runs its blocks as transactions.
 */
public final class SynchronizedVacation implements Vacation {
    private final Vacation tables;
    private final Object lock = new Object();

    public SynchronizedVacation(Vacation tables) {
        this.tables = tables;
    }

    @Override
    public void addItem(int kind, int id, int num, int price) {
        synchronized (lock) {
            tables.addItem(kind, id, num, price);
        }
    }

    @Override
    public void addCustomer(int id) {
        synchronized (lock) {
            tables.addCustomer(id);
        }
    }

    @Override
    public int makeReservation(int customerId, int[] kinds, int[] ids, int queries) {
        synchronized (lock) {
            return tables.makeReservation(customerId, kinds, ids, queries);
        }
    }

    @Override
    public int deleteCustomer(int customerId) {
        synchronized (lock) {
            return tables.deleteCustomer(customerId);
        }
    }

    @Override
    public long updateTables(int[] kinds, int[] ids, int[] prices, int updates) {
        synchronized (lock) {
            return tables.updateTables(kinds, ids, prices, updates);
        }
    }

    @Override
    public TableTotals checkedTotals(int relations) {
        synchronized (lock) {
            return tables.checkedTotals(relations);
        }
    }
}
