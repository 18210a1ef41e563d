package org.stmagent.runtime.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.seam.FieldAddresses;
import org.stmagent.runtime.stats.Sites;

/**
 * The privatization checkers. Mutator threads run transactions that write to everything they can
 * reach; one privatizer thread repeatedly commits a transaction that makes some data unreachable,
 * then writes it with plain stores outside any transaction and watches it for a while: any change it
 * did not make is a late write-back from a transaction that should have been serialized before the
 * privatizing one (or aborted). It then publishes the data again through a transaction.
 *
 * <p>Two shapes: a linked list whose first node is unlinked, and an array guarded by a shared flag.
 * Shared by {@link PrivatizationTest} and the child-JVM check of {@link ValidationCheckMain}.
 */
final class PrivatizationWorkload {
    /** A list node, accessed through the field barriers while shared and with plain code while private. */
    static final class Node {
        long value;
        Node next;
    }

    static final int NODES = 8;
    private static final int WATCH_ROUNDS = 200;
    private static final long VALUE = FieldAddresses.instanceOffset(Node.class, "value");
    private static final long NEXT = FieldAddresses.instanceOffset(Node.class, "next");
    private static final VarHandle NODE_VALUE;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    static {
        try {
            NODE_VALUE = MethodHandles.lookup().findVarHandle(Node.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int mutators;
    private final long millis;

    PrivatizationWorkload(int mutators, long millis) {
        this.mutators = mutators;
        this.millis = millis;
    }

    /** What one run saw. */
    static final class Result {
        final String shape;
        long privatized;
        long mutations;
        /** Values the privatizer found changed under it while the data was private. */
        long lateWrites;
        /** Nodes in the list at the end (the list shape only; NODES when correct). */
        int nodesAtEnd = NODES;

        Result(String shape) {
            this.shape = shape;
        }

        long violations() {
            return lateWrites + (nodesAtEnd != NODES ? 1 : 0);
        }

        @Override
        public String toString() {
            return "privatization (" + shape + "): privatized=" + privatized + " mutations=" + mutations
                    + " lateWrites=" + lateWrites + " nodesAtEnd=" + nodesAtEnd;
        }
    }

    /** Unlinks the list's first node, uses it privately, links it back. */
    Result runList(long timeoutSeconds) {
        Node head = new Node();
        for (int i = 0; i < NODES; i++) {
            Node n = new Node();
            n.next = head.next;
            head.next = n;
        }
        Result result = new Result("list");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong privatized = new AtomicLong();
        AtomicLong lateWrites = new AtomicLong();
        AtomicLong mutations = new AtomicLong();
        long deadline = System.nanoTime() + millis * 1_000_000L;

        Workers workers = new Workers("privatize-list");
        workers.add(mutators, m -> () -> {
            while (!stop.get()) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    for (Node n = (Node) Barriers.readRef(head, NEXT, s, Sites.UNKNOWN); n != null; n = (Node) Barriers.readRef(n, NEXT, s, Sites.UNKNOWN)) {
                        Barriers.writeLong(n, Barriers.readLong(n, VALUE, s, Sites.UNKNOWN) + 1, VALUE, s, Sites.UNKNOWN);
                    }
                });
                mutations.incrementAndGet();
            }
        });
        workers.add(() -> {
            try {
                long round = 0;
                while (System.nanoTime() - deadline < 0) {
                    round++;
                    Node victim = Stm.atomic(() -> {
                        Segment s = Barriers.current();
                        Node first = (Node) Barriers.readRef(head, NEXT, s, Sites.UNKNOWN);
                        Barriers.writeRef(head, Barriers.readRef(first, NEXT, s, Sites.UNKNOWN), NEXT, s, Sites.UNKNOWN);
                        return first;
                    });
                    // private now: plain writes, watched with opaque reads the JIT cannot hoist
                    long marker = -round;
                    victim.next = null;
                    victim.value = marker;
                    for (int i = 0; i < WATCH_ROUNDS; i++) {
                        if ((long) NODE_VALUE.getOpaque(victim) != marker) {
                            lateWrites.incrementAndGet();
                            NODE_VALUE.setOpaque(victim, marker);
                        }
                        pause(i);
                    }
                    victim.value = 0;
                    Stm.atomic(() -> {
                        Segment s = Barriers.current();
                        Barriers.writeRef(victim, Barriers.readRef(head, NEXT, s, Sites.UNKNOWN), NEXT, s, Sites.UNKNOWN);
                        Barriers.writeRef(head, victim, NEXT, s, Sites.UNKNOWN);
                    });
                    privatized.incrementAndGet();
                }
            } finally {
                stop.set(true);
            }
        });
        try {
            workers.run(timeoutSeconds);
        } finally {
            stop.set(true);
        }
        result.privatized = privatized.get();
        result.mutations = mutations.get();
        result.lateWrites = lateWrites.get();
        int length = 0;
        for (Node n = head.next; n != null && length <= NODES; n = n.next) {
            length++;
        }
        result.nodesAtEnd = length;
        return result;
    }

    /** Clears a shared flag that guards an array, uses the array privately, sets the flag again. */
    Result runFlag(long timeoutSeconds) {
        long[] slots = new long[NODES];
        boolean[] shared = {true};
        Result result = new Result("flag");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong privatized = new AtomicLong();
        AtomicLong lateWrites = new AtomicLong();
        AtomicLong mutations = new AtomicLong();
        long deadline = System.nanoTime() + millis * 1_000_000L;

        Workers workers = new Workers("privatize-flag");
        workers.add(mutators, m -> () -> {
            while (!stop.get()) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    if (Barriers.loadByte(shared, 0, s, Sites.UNKNOWN) != 0) {
                        for (int i = 0; i < slots.length; i++) {
                            Barriers.storeLong(slots, i, Barriers.loadLong(slots, i, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                        }
                    }
                });
                mutations.incrementAndGet();
            }
        });
        workers.add(() -> {
            try {
                long round = 0;
                while (System.nanoTime() - deadline < 0) {
                    round++;
                    Stm.atomic(() -> Barriers.storeByte(shared, 0, (byte) 0, Barriers.current(), Sites.UNKNOWN));
                    long marker = -round;
                    for (int i = 0; i < slots.length; i++) {
                        slots[i] = marker;
                    }
                    for (int w = 0; w < WATCH_ROUNDS; w++) {
                        for (int i = 0; i < slots.length; i++) {
                            if ((long) SLOT.getOpaque(slots, i) != marker) {
                                lateWrites.incrementAndGet();
                                SLOT.setOpaque(slots, i, marker);
                            }
                        }
                        pause(w);
                    }
                    Stm.atomic(() -> Barriers.storeByte(shared, 0, (byte) 1, Barriers.current(), Sites.UNKNOWN));
                    privatized.incrementAndGet();
                }
            } finally {
                stop.set(true);
            }
        });
        try {
            workers.run(timeoutSeconds);
        } finally {
            stop.set(true);
        }
        result.privatized = privatized.get();
        result.mutations = mutations.get();
        result.lateWrites = lateWrites.get();
        return result;
    }

    /** Mostly spins; yields once a round so a mutator's write-back gets a chance to land. */
    private static void pause(int round) {
        if (round == WATCH_ROUNDS / 2) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }
}
