package org.stmagent.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.stmagent.benchmarks.rival.ClojureStm;
import org.stmagent.benchmarks.rival.TxSortedList;
import org.stmagent.benchmarks.rival.TxVacation;
import org.stmagent.benchmarks.suite.VacationWorkload.Contention;
import org.stmagent.benchmarks.workload.bank.SynchronizedBank;
import org.stmagent.benchmarks.workload.counter.SynchronizedCounter;
import org.stmagent.benchmarks.workload.hashmap.OpenAddressingMap;
import org.stmagent.benchmarks.workload.intset.IntSet;
import org.stmagent.benchmarks.workload.intset.SkipList;
import org.stmagent.benchmarks.workload.vacation.ItemKind;
import org.stmagent.benchmarks.workload.vacation.Manager;

/** Each workload's check fails when its state no longer matches what the operations did. */
class BrokenInvariantTest {
    @Test
    void bankWithMoneyMissingFailsItsCheck() {
        BankMixWorkload bank = new BankMixWorkload(new SynchronizedBank(64, BankMixWorkload.INITIAL_BALANCE - 1), 64, 1);

        assertThrows(IllegalStateException.class, bank::verify);
    }

    @Test
    void skipListWithAKeyAddedBehindTheTalliesFailsItsCheck() {
        IntSet set = new SkipList();
        IntSetWorkload workload = new IntSetWorkload(set, 256, 1);
        addAbsentKey(set);

        assertThrows(IllegalStateException.class, workload::verify);
    }

    @Test
    void rivalListWithAKeyAddedBehindTheTalliesFailsItsCheck() {
        IntSet set = new TxSortedList(new ClojureStm());
        IntSetWorkload workload = new IntSetWorkload(set, 256, 1);
        addAbsentKey(set);

        assertThrows(IllegalStateException.class, workload::verify);
    }

    @Test
    void mapWithAKeyRemovedBehindTheTalliesFailsItsCheck() {
        OpenAddressingMap map = new OpenAddressingMap(512);
        HashMapWorkload workload = new HashMapWorkload(map, 256, 1);
        for (int key = 0; !map.remove(key); key++) {
            // finds a key that is present and removes it
        }

        assertThrows(IllegalStateException.class, workload::verify);
    }

    @Test
    void counterIncrementedBehindTheTalliesFailsItsCheck() {
        SynchronizedCounter counter = new SynchronizedCounter();
        CounterWorkload workload = new CounterWorkload(counter, 1);
        counter.increment();

        assertThrows(IllegalStateException.class, workload::verify);
    }

    @Test
    void vacationWithAReservationMadeBehindTheTalliesFailsItsCheck() {
        Manager tables = new Manager(VacationWorkload.RELATIONS);
        VacationWorkload workload = new VacationWorkload(tables, Contention.LOW, 1);
        tables.makeReservation(1, new int[] {ItemKind.CAR}, new int[] {1}, 1);

        assertThrows(IllegalStateException.class, workload::verify);
    }

    @Test
    void rivalVacationWithUnitsAddedBehindTheTalliesFailsItsCheck() {
        TxVacation tables = new TxVacation(new ClojureStm(), VacationWorkload.RELATIONS);
        VacationWorkload workload = new VacationWorkload(tables, Contention.HIGH, 1);
        tables.updateTables(new int[] {ItemKind.ROOM}, new int[] {1}, new int[] {60}, 1);

        assertThrows(IllegalStateException.class, workload::verify);
    }

    private static void addAbsentKey(IntSet set) {
        for (int key = 0; !set.add(key); key++) {
            // finds a key that is absent and adds it
        }
    }
}
