package org.stmagent.benchmarks.workload.intset;

/** A sorted singly linked list behind a sentinel head, with no synchronization: the callers hold a lock. */
public final class SortedLinkedList implements IntSet {
    private final Node head = new Node(-1, null);

    @Override
    public boolean contains(int key) {
        Node node = predecessor(key).next;
        return node != null && node.key == key;
    }

    @Override
    public boolean add(int key) {
        Node pred = predecessor(key);
        Node next = pred.next;
        if (next != null && next.key == key) {
            return false;
        }
        pred.next = new Node(key, next);
        return true;
    }

    @Override
    public boolean remove(int key) {
        Node pred = predecessor(key);
        Node node = pred.next;
        if (node == null || node.key != key) {
            return false;
        }
        pred.next = node.next;
        return true;
    }

    /** The last node whose key is below {@code key}. */
    private Node predecessor(int key) {
        Node pred = head;
        Node next = pred.next;
        while (next != null && next.key < key) {
            pred = next;
            next = pred.next;
        }
        return pred;
    }

    @Override
    public int checkedSize(int keyRange) {
        int size = 0;
        int previous = -1;
        for (Node node = head.next; node != null; node = node.next) {
            SetChecks.requireAscending(previous, node.key, keyRange);
            previous = node.key;
            size++;
        }
        return size;
    }

    private static final class Node {
        final int key;
        Node next;

        Node(int key, Node next) {
            this.key = key;
            this.next = next;
        }
    }
}
