package org.stmagent.benchmarks.workload.vacation;

/**
 * STAMP's Vacation: a travel agency's tables of cars, flights and rooms (id to item) and of
 * customers (id to the reservations they hold), and the three tasks its clients run, each one
 * atomic. Items and customers are numbered from 1.
 */
public interface Vacation {
    /** The units an update of the tables adds to an item, or removes from a car or a room. */
    int UNITS_PER_UPDATE = 100;

    /** A price in {@link #updateTables} that asks to delete instead of add. */
    int DELETE = -1;

    /** Adds {@code num} units of the item at this price, creating it if absent; for filling the tables. */
    void addItem(int kind, int id, int num, int price);

    /** Adds a customer with no reservations unless it exists; for filling the tables. */
    void addCustomer(int id);

    /**
     * Of the first {@code queries} items asked for ({@code kinds[i]}, {@code ids[i]}), reserves for the
     * customer the highest-priced one of each kind that has a free unit, adding the customer if absent.
     * Returns the number of units reserved.
     */
    int makeReservation(int customerId, int[] kinds, int[] ids, int queries);

    /** Releases every reservation of the customer and removes it; returns the number of units released. */
    int deleteCustomer(int customerId);

    /**
     * Applies the first {@code updates} updates: adds {@link #UNITS_PER_UPDATE} units at price
     * {@code prices[i]}, or if that is {@link #DELETE} deletes a flight that nobody holds or that many
     * free units of a car or room (an item left with no units is removed). Returns the change in units.
     */
    long updateTables(int[] kinds, int[] ids, int[] prices, int updates);

    /** Throws {@link IllegalStateException} unless the tables are consistent; called when no task runs. */
    TableTotals checkedTotals(int relations);
}
