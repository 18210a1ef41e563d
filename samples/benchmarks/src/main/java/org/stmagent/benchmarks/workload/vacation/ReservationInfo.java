package org.stmagent.benchmarks.workload.vacation;

/** What a customer holds: one unit of an item, at the price it had when reserved. */
final class ReservationInfo {
    final int kind;
    final int id;
    final int price;

    ReservationInfo(int kind, int id, int price) {
        this.kind = kind;
        this.id = id;
        this.price = price;
    }
}
