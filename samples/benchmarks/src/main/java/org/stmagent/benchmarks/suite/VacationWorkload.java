package org.stmagent.benchmarks.suite;

import java.util.List;

import org.stmagent.benchmarks.rival.TxVacation;
import org.stmagent.benchmarks.workload.vacation.AtomicVacation;
import org.stmagent.benchmarks.workload.vacation.ItemKind;
import org.stmagent.benchmarks.workload.vacation.Manager;
import org.stmagent.benchmarks.workload.vacation.ReentrantLockVacation;
import org.stmagent.benchmarks.workload.vacation.SynchronizedVacation;
import org.stmagent.benchmarks.workload.vacation.TableCheck;
import org.stmagent.benchmarks.workload.vacation.TableTotals;
import org.stmagent.benchmarks.workload.vacation.Vacation;

/**
 * STAMP's Vacation client: each operation is one task on the agency's tables. Making a reservation
 * (the user percentage of tasks) queries up to {@code n} random items and reserves the dearest free
 * one of each kind for a random customer; the rest is split evenly between deleting a random
 * customer with its reservations and updating up to {@code n} random items (adding units at a new
 * price, or deleting). Ids are drawn from the queried percentage of the relations. Invariant: STAMP's
 * table check, and the units reserved and in total are those at the start plus what the tasks changed.
 */
final class VacationWorkload implements Workload {
    /** Items of each kind, and customers, at the start: STAMP's runs use 2^20; fewer keep a trial's set-up short. */
    static final int RELATIONS = 16_384;

    /** STAMP's two settings: {@code -n2 -q90 -u98} and {@code -n4 -q60 -u90}. */
    enum Contention {
        LOW(2, 90, 98), HIGH(4, 60, 90);

        final int queriesPerTask;
        final int queriedPercent;
        final int userPercent;

        Contention(int queriesPerTask, int queriedPercent, int userPercent) {
            this.queriesPerTask = queriesPerTask;
            this.queriedPercent = queriedPercent;
            this.userPercent = userPercent;
        }
    }

    private static final int KINDS = 0;
    private static final int IDS = 1;
    private static final int PRICES = 2;

    private final Vacation vacation;
    private final Contention contention;
    private final int queryRange;
    private final ExpectedCount reserved;
    private final ExpectedCount capacity;

    VacationWorkload(Vacation vacation, Contention contention, int threads) {
        this.vacation = vacation;
        this.contention = contention;
        queryRange = (contention.queriedPercent * RELATIONS + 50) / 100;
        reserved = new ExpectedCount(threads, 0);
        capacity = new ExpectedCount(threads, fill(vacation));
    }

    /** STAMP's tables at the start, from a fixed seed: every id with 100 to 500 units at 50 to 90, every customer. */
    private static long fill(Vacation vacation) {
        Worker filler = new Worker(RELATIONS);
        long units = 0;
        for (int kind = 0; kind < ItemKind.COUNT; kind++) {
            for (int id = 1; id <= RELATIONS; id++) {
                int num = (filler.nextInt(5) + 1) * 100;
                vacation.addItem(kind, id, num, filler.nextInt(5) * 10 + 50);
                units += num;
            }
        }
        for (int id = 1; id <= RELATIONS; id++) {
            vacation.addCustomer(id);
        }
        return units;
    }

    static boolean supports(Variant variant) {
        return variant != Variant.CEILING;
    }

    static VacationWorkload create(Variant variant, Contention contention, int threads) {
        return new VacationWorkload(vacation(variant), contention, threads);
    }

    private static Vacation vacation(Variant variant) {
        switch (variant) {
            case SYNCHRONIZED:
            case STM_AGENT:
                return new SynchronizedVacation(new Manager(RELATIONS));
            case STM_AGENT_ATOMIC:
                return new AtomicVacation(new Manager(RELATIONS));
            case REENTRANT_LOCK:
                return new ReentrantLockVacation(new Manager(RELATIONS));
            case CEILING:
                throw new IllegalArgumentException("vacation has no hand-tuned variant: its tasks span several tables");
            default:
                return new TxVacation(variant.rivalStm(), RELATIONS);
        }
    }

    @Override
    public long operate(Worker worker) {
        int action = worker.nextInt(100);
        if (action < contention.userPercent) {
            return makeReservation(worker);
        }
        return (action & 1) == 1 ? deleteCustomer(worker) : updateTables(worker);
    }

    private long makeReservation(Worker worker) {
        int queries = worker.nextInt(contention.queriesPerTask) + 1;
        int customer = randomId(worker);
        int[] kinds = worker.buffer(KINDS, contention.queriesPerTask);
        int[] ids = worker.buffer(IDS, contention.queriesPerTask);
        for (int i = 0; i < queries; i++) {
            kinds[i] = worker.nextInt(ItemKind.COUNT);
            ids[i] = randomId(worker);
        }
        int made = vacation.makeReservation(customer, kinds, ids, queries);
        reserved.add(worker, made);
        return made;
    }

    private long deleteCustomer(Worker worker) {
        int released = vacation.deleteCustomer(randomId(worker));
        reserved.add(worker, -released);
        return released;
    }

    private long updateTables(Worker worker) {
        int updates = worker.nextInt(contention.queriesPerTask) + 1;
        int[] kinds = worker.buffer(KINDS, contention.queriesPerTask);
        int[] ids = worker.buffer(IDS, contention.queriesPerTask);
        int[] prices = worker.buffer(PRICES, contention.queriesPerTask);
        for (int i = 0; i < updates; i++) {
            kinds[i] = worker.nextInt(ItemKind.COUNT);
            ids[i] = randomId(worker);
            prices[i] = worker.nextInt(2) == 0 ? Vacation.DELETE : worker.nextInt(5) * 10 + 50;
        }
        long change = vacation.updateTables(kinds, ids, prices, updates);
        capacity.add(worker, change);
        return change;
    }

    private int randomId(Worker worker) {
        return worker.nextInt(queryRange) + 1;
    }

    @Override
    public void verify() {
        TableTotals totals = vacation.checkedTotals(RELATIONS);
        reserved.require(totals.reserved(), "vacation reservations");
        capacity.require(totals.capacity(), "vacation units");
    }

    @Override
    public List<Class<?>> sourceClasses() {
        return List.of(SynchronizedVacation.class, AtomicVacation.class, Manager.class, TableCheck.class);
    }
}
