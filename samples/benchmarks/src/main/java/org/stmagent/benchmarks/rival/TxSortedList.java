package org.stmagent.benchmarks.rival;

import org.stmagent.benchmarks.workload.intset.IntSet;
import org.stmagent.benchmarks.workload.intset.SetChecks;

/** The sorted linked list on a {@link RivalStm}: every link a cell, each operation one atomic block. */
public final class TxSortedList implements IntSet {
    private final RivalStm stm;
    private final Node head;

    public TxSortedList(RivalStm stm) {
        this.stm = stm;
        head = new Node(-1, stm.newRef(null));
    }

    @Override
    public boolean contains(int key) {
        return stm.atomicBoolean(() -> {
            Node node = predecessor(key, false).next.get();
            return node != null && node.key == key;
        });
    }

    @Override
    public boolean add(int key) {
        return stm.atomicBoolean(() -> {
            Node pred = predecessor(key, true);
            Node next = pred.next.getForUpdate();
            if (next != null && next.key == key) {
                return false;
            }
            pred.next.set(new Node(key, stm.newRef(next)));
            return true;
        });
    }

    @Override
    public boolean remove(int key) {
        return stm.atomicBoolean(() -> {
            Node pred = predecessor(key, true);
            Node node = pred.next.getForUpdate();
            if (node == null || node.key != key) {
                return false;
            }
            pred.next.set(node.next.getForUpdate());
            return true;
        });
    }

    /** The last node whose key is below {@code key}; with {@code forUpdate}, every link read is one. */
    private Node predecessor(int key, boolean forUpdate) {
        Node pred = head;
        Node next = read(pred, forUpdate);
        while (next != null && next.key < key) {
            pred = next;
            next = read(pred, forUpdate);
        }
        return pred;
    }

    private static Node read(Node node, boolean forUpdate) {
        return forUpdate ? node.next.getForUpdate() : node.next.get();
    }

    @Override
    public int checkedSize(int keyRange) {
        return (int) stm.atomicLong(() -> {
            int size = 0;
            int previous = -1;
            for (Node node = head.next.get(); node != null; node = node.next.get()) {
                SetChecks.requireAscending(previous, node.key, keyRange);
                previous = node.key;
                size++;
            }
            return size;
        });
    }

    private static final class Node {
        final int key;
        final TxRef<Node> next;

        Node(int key, TxRef<Node> next) {
            this.key = key;
            this.next = next;
        }
    }
}
