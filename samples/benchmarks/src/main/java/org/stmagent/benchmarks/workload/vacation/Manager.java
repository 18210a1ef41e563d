package org.stmagent.benchmarks.workload.vacation;

import java.util.Map;
import java.util.TreeMap;

/** The tables as ordered maps ({@link TreeMap}, as STAMP's red-black trees), for one thread at a time. */
public final class Manager implements Vacation {
    /** The ids boxed once, so that looking one up allocates nothing. */
    private final Integer[] keys;
    private final TreeMap<Integer, Reservation> cars = new TreeMap<>();
    private final TreeMap<Integer, Reservation> flights = new TreeMap<>();
    private final TreeMap<Integer, Reservation> rooms = new TreeMap<>();
    private final TreeMap<Integer, Customer> customers = new TreeMap<>();

    /** For items and customers numbered 1 to {@code relations}. */
    public Manager(int relations) {
        keys = new Integer[relations + 1];
        for (int id = 0; id <= relations; id++) {
            keys[id] = id;
        }
    }

    private Integer key(int id) {
        return keys[id];
    }

    private TreeMap<Integer, Reservation> table(int kind) {
        switch (kind) {
            case ItemKind.CAR:
                return cars;
            case ItemKind.FLIGHT:
                return flights;
            default:
                return rooms;
        }
    }

    @Override
    public void addItem(int kind, int id, int num, int price) {
        addReservation(table(kind), id, num, price);
    }

    @Override
    public void addCustomer(int id) {
        customer(id);
    }

    /** The customer, added first if absent. */
    private Customer customer(int id) {
        Customer customer = customers.get(key(id));
        if (customer == null) {
            customer = new Customer(id);
            customers.put(key(id), customer);
        }
        return customer;
    }

    @Override
    public int makeReservation(int customerId, int[] kinds, int[] ids, int queries) {
        Customer customer = null;
        int made = 0;
        for (int kind = 0; kind < ItemKind.COUNT; kind++) {
            Reservation best = highestPricedFree(kind, kinds, ids, queries);
            if (best != null) {
                if (customer == null) {
                    customer = customer(customerId);
                }
                if (reserve(customer, kind, best)) {
                    made++;
                }
            }
        }
        return made;
    }

    private Reservation highestPricedFree(int kind, int[] kinds, int[] ids, int queries) {
        TreeMap<Integer, Reservation> table = table(kind);
        Reservation best = null;
        for (int i = 0; i < queries; i++) {
            if (kinds[i] == kind) {
                Reservation item = table.get(key(ids[i]));
                if (item != null && item.numFree > 0 && (best == null || item.price > best.price)) {
                    best = item;
                }
            }
        }
        return best;
    }

    private static boolean reserve(Customer customer, int kind, Reservation item) {
        if (!customer.add(kind, item.id, item.price)) {
            return false;
        }
        item.make();
        return true;
    }

    @Override
    public int deleteCustomer(int customerId) {
        Customer customer = customers.remove(key(customerId));
        if (customer == null) {
            return 0;
        }
        for (int i = 0; i < customer.reservations.size(); i++) {
            ReservationInfo held = customer.reservations.get(i);
            Reservation item = table(held.kind).get(key(held.id));
            if (item == null) {
                throw new IllegalStateException("vacation broken: customer " + customerId + " holds deleted item "
                        + held.kind + "/" + held.id);
            }
            item.cancel();
        }
        return customer.reservations.size();
    }

    @Override
    public long updateTables(int[] kinds, int[] ids, int[] prices, int updates) {
        long change = 0;
        for (int i = 0; i < updates; i++) {
            TreeMap<Integer, Reservation> table = table(kinds[i]);
            if (prices[i] != DELETE) {
                change += addReservation(table, ids[i], UNITS_PER_UPDATE, prices[i]) ? UNITS_PER_UPDATE : 0;
            } else if (kinds[i] == ItemKind.FLIGHT) {
                change -= deleteUnheld(table, ids[i]);
            } else {
                change -= addReservation(table, ids[i], -UNITS_PER_UPDATE, DELETE) ? UNITS_PER_UPDATE : 0;
            }
        }
        return change;
    }

    /** STAMP's {@code addReservation}: a negative {@code num} removes free units, and the item once none is left. */
    private boolean addReservation(TreeMap<Integer, Reservation> table, int id, int num, int price) {
        Reservation item = table.get(key(id));
        if (item == null) {
            if (num < 1 || price < 0) {
                return false;
            }
            table.put(key(id), new Reservation(id, num, price));
            return true;
        }
        if (!item.addToTotal(num)) {
            return false;
        }
        if (item.numTotal == 0) {
            table.remove(key(id));
        } else {
            item.updatePrice(price);
        }
        return true;
    }

    /** Removes the item if nobody holds it; returns the units removed. */
    private int deleteUnheld(TreeMap<Integer, Reservation> table, int id) {
        Reservation item = table.get(key(id));
        if (item == null || item.numUsed > 0) {
            return 0;
        }
        table.remove(key(id));
        return item.numTotal;
    }

    @Override
    public TableTotals checkedTotals(int relations) {
        TableCheck check = new TableCheck(relations);
        for (Customer customer : customers.values()) {
            for (ReservationInfo held : customer.reservations) {
                check.countHeld(customer.id, held.kind, held.id);
            }
        }
        for (int kind = 0; kind < ItemKind.COUNT; kind++) {
            for (Map.Entry<Integer, Reservation> entry : table(kind).entrySet()) {
                Reservation item = entry.getValue();
                if (item.id != entry.getKey()) {
                    throw new IllegalStateException("vacation broken: item " + item.id + " filed under " + entry.getKey());
                }
                check.checkItem(kind, item.id, item.numTotal, item.numUsed, item.numFree, item.price);
            }
        }
        return check.totals();
    }
}
