package org.stmagent.benchmarks.workload.vacation;

import java.util.concurrent.locks.ReentrantLock;

/** The agency under one global {@link ReentrantLock}. */
public final class ReentrantLockVacation implements Vacation {
    private final Vacation tables;
    private final ReentrantLock lock = new ReentrantLock();

    public ReentrantLockVacation(Vacation tables) {
        this.tables = tables;
    }

    @Override
    public void addItem(int kind, int id, int num, int price) {
        lock.lock();
        try {
            tables.addItem(kind, id, num, price);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void addCustomer(int id) {
        lock.lock();
        try {
            tables.addCustomer(id);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int makeReservation(int customerId, int[] kinds, int[] ids, int queries) {
        lock.lock();
        try {
            return tables.makeReservation(customerId, kinds, ids, queries);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int deleteCustomer(int customerId) {
        lock.lock();
        try {
            return tables.deleteCustomer(customerId);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long updateTables(int[] kinds, int[] ids, int[] prices, int updates) {
        lock.lock();
        try {
            return tables.updateTables(kinds, ids, prices, updates);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TableTotals checkedTotals(int relations) {
        lock.lock();
        try {
            return tables.checkedTotals(relations);
        } finally {
            lock.unlock();
        }
    }
}
