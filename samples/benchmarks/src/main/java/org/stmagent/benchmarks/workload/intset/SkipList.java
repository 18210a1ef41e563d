package org.stmagent.benchmarks.workload.intset;

/**
 * A skip list with no synchronization: the callers hold a lock. A node's height is a function of its
 * key ({@link #height(int)}), so no random generator runs inside an operation, and a key already
 * present is always met on the highest level a new node for it would use.
 */
public final class SkipList implements IntSet {
    public static final int MAX_HEIGHT = 16;

    private final Node head = new Node(-1, MAX_HEIGHT);

    /** 1 with probability 1/2, 2 with 1/4, ... up to {@link #MAX_HEIGHT}. */
    public static int height(int key) {
        int mixed = key * 0x9E3779B1;
        return 1 + Math.min(Integer.numberOfTrailingZeros(mixed | 1 << 31), MAX_HEIGHT - 1);
    }

    @Override
    public boolean contains(int key) {
        Node pred = head;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            pred = lastBelow(pred, level, key);
        }
        Node node = pred.next[0];
        return node != null && node.key == key;
    }

    @Override
    public boolean add(int key) {
        int height = height(key);
        Node pred = head;
        Node added = null;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            pred = lastBelow(pred, level, key);
            if (level < height) {
                Node next = pred.next[level];
                if (added == null) {
                    if (next != null && next.key == key) {
                        return false;
                    }
                    added = new Node(key, height);
                }
                added.next[level] = next;
                pred.next[level] = added;
            }
        }
        return true;
    }

    @Override
    public boolean remove(int key) {
        int height = height(key);
        Node pred = head;
        boolean removed = false;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            pred = lastBelow(pred, level, key);
            Node next = pred.next[level];
            if (level < height && next != null && next.key == key) {
                pred.next[level] = next.next[level];
                removed = true;
            }
        }
        return removed;
    }

    private static Node lastBelow(Node from, int level, int key) {
        Node pred = from;
        Node next = pred.next[level];
        while (next != null && next.key < key) {
            pred = next;
            next = pred.next[level];
        }
        return pred;
    }

    @Override
    public int checkedSize(int keyRange) {
        int size = 0;
        for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
            int count = 0;
            int previous = -1;
            for (Node node = head.next[level]; node != null; node = node.next[level]) {
                SetChecks.requireAscending(previous, node.key, keyRange);
                SetChecks.requireSkipListNode(node.key, node.next.length, level);
                previous = node.key;
                count++;
            }
            SetChecks.requireLevelCount(count, size, level);
            size = count;
        }
        return size;
    }

    private static final class Node {
        final int key;
        final Node[] next;

        Node(int key, int height) {
            this.key = key;
            this.next = new Node[height];
        }
    }
}
