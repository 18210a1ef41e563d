package org.stmagent.benchmarks.workload.vacation;

/** The three kinds of item a customer reserves, as indices into the tables. */
public final class ItemKind {
    public static final int CAR = 0;
    public static final int FLIGHT = 1;
    public static final int ROOM = 2;
    public static final int COUNT = 3;

    private ItemKind() {
    }
}
