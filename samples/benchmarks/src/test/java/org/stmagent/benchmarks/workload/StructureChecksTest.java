package org.stmagent.benchmarks.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.stmagent.benchmarks.workload.hashmap.Probing;
import org.stmagent.benchmarks.workload.intset.SetChecks;
import org.stmagent.benchmarks.workload.vacation.ItemKind;
import org.stmagent.benchmarks.workload.vacation.TableCheck;
import org.stmagent.benchmarks.workload.vacation.TableTotals;

/** The structural checks reject broken structures that no operation of the workloads could build. */
class StructureChecksTest {
    private static final int CAPACITY = 8;

    @Test
    void keysOutOfOrderOrRangeAreRejected() {
        SetChecks.requireAscending(3, 5, 256);

        assertThrows(IllegalStateException.class, () -> SetChecks.requireAscending(5, 3, 256));
        assertThrows(IllegalStateException.class, () -> SetChecks.requireAscending(5, 5, 256));
        assertThrows(IllegalStateException.class, () -> SetChecks.requireAscending(5, 256, 256));
    }

    @Test
    void aWellFormedTableIsAccepted() {
        long[] slots = emptySlots();
        int key = 7;
        slots[Probing.home(key, CAPACITY - 1)] = Probing.pack(key, 1);

        assertEquals(1, Probing.checkedSize(CAPACITY, i -> slots[i], 1, 16));
    }

    @Test
    void aKeyBehindAnEmptySlotIsRejected() {
        long[] slots = emptySlots();
        int key = 7;
        slots[Probing.home(key, CAPACITY - 1) + 1 & CAPACITY - 1] = Probing.pack(key, 1);

        assertThrows(IllegalStateException.class, () -> Probing.checkedSize(CAPACITY, i -> slots[i], 1, 16));
    }

    @Test
    void aKeyHeldTwiceIsRejected() {
        long[] slots = emptySlots();
        int key = 7;
        int home = Probing.home(key, CAPACITY - 1);
        slots[home] = Probing.pack(key, 1);
        slots[home + 1 & CAPACITY - 1] = Probing.pack(key, 2);

        assertThrows(IllegalStateException.class, () -> Probing.checkedSize(CAPACITY, i -> slots[i], 2, 16));
    }

    @Test
    void aSizeThatDisagreesWithTheEntriesIsRejected() {
        long[] slots = emptySlots();
        int key = 7;
        slots[Probing.home(key, CAPACITY - 1)] = Probing.pack(key, 1);

        assertThrows(IllegalStateException.class, () -> Probing.checkedSize(CAPACITY, i -> slots[i], 2, 16));
    }

    private static long[] emptySlots() {
        long[] slots = new long[CAPACITY];
        java.util.Arrays.fill(slots, Probing.EMPTY);
        return slots;
    }

    @Test
    void itemsWhoseCountsAgreeWithWhatCustomersHoldAreAccepted() {
        TableCheck check = new TableCheck(4);
        check.countHeld(1, ItemKind.CAR, 2);
        check.checkItem(ItemKind.CAR, 2, 100, 1, 99, 50);
        check.checkItem(ItemKind.ROOM, 4, 200, 0, 200, 60);

        TableTotals totals = check.totals();
        assertEquals(1, totals.reserved());
        assertEquals(300, totals.capacity());
    }

    @Test
    void anItemWhoseCountsDisagreeIsRejected() {
        TableCheck check = new TableCheck(4);

        assertThrows(IllegalStateException.class, () -> check.checkItem(ItemKind.CAR, 2, 100, 1, 100, 50));
        assertThrows(IllegalStateException.class, () -> check.checkItem(ItemKind.CAR, 3, 100, -1, 101, 50));
    }

    @Test
    void anItemUsedMoreOrLessThanCustomersHoldIsRejected() {
        TableCheck check = new TableCheck(4);
        check.countHeld(1, ItemKind.FLIGHT, 3);
        check.countHeld(2, ItemKind.FLIGHT, 3);

        assertThrows(IllegalStateException.class, () -> check.checkItem(ItemKind.FLIGHT, 3, 100, 1, 99, 50));
        assertThrows(IllegalStateException.class, () -> check.checkItem(ItemKind.FLIGHT, 1, 100, 1, 99, 50));
    }

    @Test
    void aReservationOfADeletedItemIsRejected() {
        TableCheck check = new TableCheck(4);
        check.countHeld(1, ItemKind.ROOM, 1);

        assertThrows(IllegalStateException.class, check::totals);
    }
}
