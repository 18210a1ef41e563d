package org.stmagent.benchmarks.workload.vacation;

import java.util.ArrayList;
import java.util.List;

/** A customer and the reservations it holds, at most one of each item. */
final class Customer {
    final int id;
    final List<ReservationInfo> reservations = new ArrayList<>();

    Customer(int id) {
        this.id = id;
    }

    /** Adds the reservation unless the customer already holds this item. */
    boolean add(int kind, int itemId, int price) {
        for (int i = 0; i < reservations.size(); i++) {
            ReservationInfo held = reservations.get(i);
            if (held.kind == kind && held.id == itemId) {
                return false;
            }
        }
        reservations.add(new ReservationInfo(kind, itemId, price));
        return true;
    }
}
