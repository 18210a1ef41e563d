package org.stmagent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Privatization safety: once a transaction that makes data unreachable for others commits, its thread
 * uses that data with plain reads and writes, and never sees a late write-back from a transaction
 * that could reach the data before.
 */
class PrivatizationTest {
    private static final long RUN_MILLIS = 2_500;

    /** A list node, accessed through the field barriers while shared and with plain code while private. */
    static final class Node {
        long value;
        Node next;
    }

    private static final long VALUE = FieldAddresses.instanceOffset(Node.class, "value");
    private static final long NEXT = FieldAddresses.instanceOffset(Node.class, "next");
    private static final VarHandle NODE_VALUE;
    private static final VarHandle SLOT;

    static {
        try {
            NODE_VALUE = MethodHandles.lookup().findVarHandle(Node.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
        SLOT = MethodHandles.arrayElementVarHandle(long[].class);
    }

    @Test
    void anUnlinkedNodeNeverReceivesALateWriteBack() {
        Node head = new Node();
        for (int i = 0; i < 8; i++) {
            Node n = new Node();
            n.next = head.next;
            head.next = n;
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong privatized = new AtomicLong();
        AtomicLong lateWrites = new AtomicLong();
        AtomicLong mutations = new AtomicLong();
        long deadline = System.nanoTime() + RUN_MILLIS * 1_000_000L;

        Workers workers = new Workers("privatize-list");
        // mutators: add one to every node they can reach
        workers.add(2, m -> () -> {
            while (!stop.get()) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    for (Node n = (Node) Barriers.readRef(head, NEXT, s); n != null; n = (Node) Barriers.readRef(n, NEXT, s)) {
                        Barriers.writeLong(n, Barriers.readLong(n, VALUE, s) + 1, VALUE, s);
                    }
                });
                mutations.incrementAndGet();
            }
        });
        // privatizer: unlink the first node, use it privately, then link it back (publication)
        workers.add(() -> {
            try {
                long round = 0;
                while (System.nanoTime() - deadline < 0) {
                    round++;
                    Node victim = Stm.atomic(() -> {
                        Segment s = Barriers.current();
                        Node first = (Node) Barriers.readRef(head, NEXT, s);
                        Barriers.writeRef(head, Barriers.readRef(first, NEXT, s), NEXT, s);
                        return first;
                    });
                    long marker = -round;
                    victim.next = null;
                    victim.value = marker;
                    for (int i = 0; i < 200; i++) {
                        if ((long) NODE_VALUE.getOpaque(victim) != marker) {
                            lateWrites.incrementAndGet();
                            NODE_VALUE.setOpaque(victim, marker);
                        }
                        if ((i & 31) == 0) {
                            Thread.yield();
                        } else {
                            Thread.onSpinWait();
                        }
                    }
                    victim.value = 0;
                    Stm.atomic(() -> {
                        Segment s = Barriers.current();
                        Barriers.writeRef(victim, Barriers.readRef(head, NEXT, s), NEXT, s);
                        Barriers.writeRef(head, victim, NEXT, s);
                    });
                    privatized.incrementAndGet();
                }
            } finally {
                stop.set(true);
            }
        });
        workers.run(60);

        String summary = "privatized=" + privatized + " mutations=" + mutations + " lateWrites=" + lateWrites;
        assertTrue(privatized.get() > 0 && mutations.get() > 0, summary);
        assertEquals(0, lateWrites.get(), summary);
        int length = 0;
        for (Node n = head.next; n != null; n = n.next) {
            length++;
        }
        assertEquals(8, length, "the list keeps its nodes: " + summary);
    }

    @Test
    void dataPrivatizedByClearingASharedFlagNeverReceivesALateWriteBack() {
        long[] slots = new long[8];
        boolean[] shared = {true};
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong privatized = new AtomicLong();
        AtomicLong lateWrites = new AtomicLong();
        AtomicLong mutations = new AtomicLong();
        long deadline = System.nanoTime() + RUN_MILLIS * 1_000_000L;

        Workers workers = new Workers("privatize-flag");
        workers.add(2, m -> () -> {
            while (!stop.get()) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    if (Barriers.loadByte(shared, 0, s) != 0) {
                        for (int i = 0; i < slots.length; i++) {
                            Barriers.storeLong(slots, i, Barriers.loadLong(slots, i, s) + 1, s);
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
                    Stm.atomic(() -> Barriers.storeByte(shared, 0, (byte) 0, Barriers.current()));
                    long marker = -round;
                    for (int i = 0; i < slots.length; i++) {
                        slots[i] = marker;
                    }
                    for (int spin = 0; spin < 200; spin++) {
                        for (int i = 0; i < slots.length; i++) {
                            if ((long) SLOT.getOpaque(slots, i) != marker) {
                                lateWrites.incrementAndGet();
                                SLOT.setOpaque(slots, i, marker);
                            }
                        }
                        if ((spin & 31) == 0) {
                            Thread.yield();
                        }
                    }
                    Stm.atomic(() -> Barriers.storeByte(shared, 0, (byte) 1, Barriers.current()));
                    privatized.incrementAndGet();
                }
            } finally {
                stop.set(true);
            }
        });
        workers.run(60);

        String summary = "privatized=" + privatized + " mutations=" + mutations + " lateWrites=" + lateWrites;
        assertTrue(privatized.get() > 0 && mutations.get() > 0, summary);
        assertEquals(0, lateWrites.get(), summary);
    }
}
