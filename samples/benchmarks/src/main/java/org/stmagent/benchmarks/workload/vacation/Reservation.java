package org.stmagent.benchmarks.workload.vacation;

/** One car, flight or room: how many units it has, how many are reserved and free, and its price. */
final class Reservation {
    final int id;
    int numTotal;
    int numUsed;
    int numFree;
    int price;

    Reservation(int id, int num, int price) {
        this.id = id;
        numTotal = num;
        numFree = num;
        this.price = price;
    }

    /** Adds {@code num} units (removes them if negative); fails if fewer than that many are free. */
    boolean addToTotal(int num) {
        if (numFree + num < 0) {
            return false;
        }
        numFree += num;
        numTotal += num;
        return true;
    }

    /** Reserves one unit; only called when one is free. */
    void make() {
        numUsed++;
        numFree--;
    }

    void cancel() {
        numUsed--;
        numFree++;
    }

    void updatePrice(int newPrice) {
        if (newPrice > 0) {
            price = newPrice;
        }
    }
}
