package org.stmagent.benchmarks.rival;

import static org.stmagent.benchmarks.workload.vacation.ItemKind.COUNT;
import static org.stmagent.benchmarks.workload.vacation.ItemKind.FLIGHT;

import org.stmagent.benchmarks.workload.vacation.TableCheck;
import org.stmagent.benchmarks.workload.vacation.TableTotals;
import org.stmagent.benchmarks.workload.vacation.Vacation;

/**
 * The tasks of {@link org.stmagent.benchmarks.workload.vacation.Manager} on a {@link RivalStm}, each
 * one atomic block. The ordered maps become one cell per possible id (ids are dense, 1 to
 * {@code relations}, and no task walks a map in order), empty while the item or customer is absent;
 * items and customers' lists of reservations are immutable values, replaced on each change.
 */
public final class TxVacation implements Vacation {
    private final RivalStm stm;
    private final TxRef<Item>[][] tables;
    private final TxRef<Held>[] customers;

    @SuppressWarnings("unchecked")
    public TxVacation(RivalStm stm, int relations) {
        this.stm = stm;
        tables = new TxRef[COUNT][];
        for (int kind = 0; kind < COUNT; kind++) {
            tables[kind] = cells(stm, relations);
        }
        customers = cells(stm, relations);
    }

    @SuppressWarnings("unchecked")
    private static <T> TxRef<T>[] cells(RivalStm stm, int relations) {
        TxRef<T>[] cells = new TxRef[relations + 1];
        for (int id = 0; id <= relations; id++) {
            cells[id] = stm.newRef(null);
        }
        return cells;
    }

    @Override
    public void addItem(int kind, int id, int num, int price) {
        stm.atomic(() -> addReservation(tables[kind][id], num, price));
    }

    @Override
    public void addCustomer(int id) {
        stm.atomic(() -> addCustomerIfAbsent(customers[id]));
    }

    private static void addCustomerIfAbsent(TxRef<Held> customer) {
        if (customer.getForUpdate() == null) {
            customer.set(Held.NOTHING);
        }
    }

    @Override
    public int makeReservation(int customerId, int[] kinds, int[] ids, int queries) {
        return (int) stm.atomicLong(() -> {
            TxRef<Held> customer = customers[customerId];
            int made = 0;
            for (int kind = 0; kind < COUNT; kind++) {
                int best = highestPricedFree(kind, kinds, ids, queries);
                if (best > 0) {
                    addCustomerIfAbsent(customer);
                    if (reserve(customer, kind, best)) {
                        made++;
                    }
                }
            }
            return made;
        });
    }

    private int highestPricedFree(int kind, int[] kinds, int[] ids, int queries) {
        int best = 0;
        int bestPrice = -1;
        for (int i = 0; i < queries; i++) {
            if (kinds[i] == kind) {
                Item item = tables[kind][ids[i]].get();
                if (item != null && item.numFree > 0 && item.price > bestPrice) {
                    best = ids[i];
                    bestPrice = item.price;
                }
            }
        }
        return best;
    }

    private boolean reserve(TxRef<Held> customer, int kind, int id) {
        Held held = customer.getForUpdate();
        if (held.holds(kind, id)) {
            return false;
        }
        TxRef<Item> cell = tables[kind][id];
        Item item = cell.getForUpdate();
        cell.set(new Item(item.numTotal, item.numUsed + 1, item.numFree - 1, item.price));
        customer.set(new Held(kind, id, item.price, held));
        return true;
    }

    @Override
    public int deleteCustomer(int customerId) {
        return (int) stm.atomicLong(() -> {
            TxRef<Held> customer = customers[customerId];
            int released = 0;
            Held held = customer.getForUpdate();
            if (held == null) {
                return 0;
            }
            for (; held != Held.NOTHING; held = held.next) {
                TxRef<Item> cell = tables[held.kind][held.id];
                Item item = cell.getForUpdate();
                if (item == null) {
                    throw new IllegalStateException("vacation broken: customer " + customerId + " holds deleted item "
                            + held.kind + "/" + held.id);
                }
                cell.set(new Item(item.numTotal, item.numUsed - 1, item.numFree + 1, item.price));
                released++;
            }
            customer.set(null);
            return released;
        });
    }

    @Override
    public long updateTables(int[] kinds, int[] ids, int[] prices, int updates) {
        return stm.atomicLong(() -> {
            long change = 0;
            for (int i = 0; i < updates; i++) {
                TxRef<Item> cell = tables[kinds[i]][ids[i]];
                if (prices[i] != DELETE) {
                    change += addReservation(cell, UNITS_PER_UPDATE, prices[i]) ? UNITS_PER_UPDATE : 0;
                } else if (kinds[i] == FLIGHT) {
                    change -= deleteUnheld(cell);
                } else {
                    change -= addReservation(cell, -UNITS_PER_UPDATE, DELETE) ? UNITS_PER_UPDATE : 0;
                }
            }
            return change;
        });
    }

    private static boolean addReservation(TxRef<Item> cell, int num, int price) {
        Item item = cell.getForUpdate();
        if (item == null) {
            if (num < 1 || price < 0) {
                return false;
            }
            cell.set(new Item(num, 0, num, price));
            return true;
        }
        if (item.numFree + num < 0) {
            return false;
        }
        int numTotal = item.numTotal + num;
        cell.set(numTotal == 0 ? null
                : new Item(numTotal, item.numUsed, item.numFree + num, price > 0 ? price : item.price));
        return true;
    }

    private static int deleteUnheld(TxRef<Item> cell) {
        Item item = cell.getForUpdate();
        if (item == null || item.numUsed > 0) {
            return 0;
        }
        cell.set(null);
        return item.numTotal;
    }

    @Override
    public TableTotals checkedTotals(int relations) {
        TableTotals[] totals = new TableTotals[1];
        stm.atomic(() -> {
            TableCheck check = new TableCheck(relations);
            for (int id = 1; id <= relations; id++) {
                for (Held held = customers[id].get(); held != null && held != Held.NOTHING; held = held.next) {
                    check.countHeld(id, held.kind, held.id);
                }
            }
            for (int kind = 0; kind < COUNT; kind++) {
                for (int id = 1; id <= relations; id++) {
                    Item item = tables[kind][id].get();
                    if (item != null) {
                        check.checkItem(kind, id, item.numTotal, item.numUsed, item.numFree, item.price);
                    }
                }
            }
            totals[0] = check.totals();
        });
        return totals[0];
    }

    /** An item's counts and price at one instant. */
    private static final class Item {
        final int numTotal;
        final int numUsed;
        final int numFree;
        final int price;

        Item(int numTotal, int numUsed, int numFree, int price) {
            this.numTotal = numTotal;
            this.numUsed = numUsed;
            this.numFree = numFree;
            this.price = price;
        }
    }

    /** A customer's reservations, newest first, ending in {@link #NOTHING}; a customer absent has none. */
    private static final class Held {
        static final Held NOTHING = new Held(0, 0, 0, null);

        final int kind;
        final int id;
        final int price;
        final Held next;

        Held(int kind, int id, int price, Held next) {
            this.kind = kind;
            this.id = id;
            this.price = price;
            this.next = next;
        }

        boolean holds(int itemKind, int itemId) {
            for (Held held = this; held != NOTHING; held = held.next) {
                if (held.kind == itemKind && held.id == itemId) {
                    return true;
                }
            }
            return false;
        }
    }
}
