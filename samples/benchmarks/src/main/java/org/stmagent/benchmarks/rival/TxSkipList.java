package org.stmagent.benchmarks.rival;

import static org.stmagent.benchmarks.workload.intset.SkipList.MAX_HEIGHT;
import static org.stmagent.benchmarks.workload.intset.SkipList.height;

import org.stmagent.benchmarks.workload.intset.IntSet;
import org.stmagent.benchmarks.workload.intset.SetChecks;

/**
 * The skip list of {@link org.stmagent.benchmarks.workload.intset.SkipList} on a {@link RivalStm}:
 * every link a cell, each operation one atomic block, the same key-determined node heights.
 */
public final class TxSkipList implements IntSet {
    private final RivalStm stm;
    private final Node head;

    public TxSkipList(RivalStm stm) {
        this.stm = stm;
        head = new Node(stm, -1, MAX_HEIGHT);
    }

    @Override
    public boolean contains(int key) {
        return stm.atomicBoolean(() -> {
            Node pred = head;
            for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
                pred = lastBelow(pred, level, key, false);
            }
            Node node = pred.next[0].get();
            return node != null && node.key == key;
        });
    }

    @Override
    public boolean add(int key) {
        int height = height(key);
        return stm.atomicBoolean(() -> {
            Node pred = head;
            Node added = null;
            for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
                pred = lastBelow(pred, level, key, true);
                if (level < height) {
                    Node next = pred.next[level].getForUpdate();
                    if (added == null) {
                        if (next != null && next.key == key) {
                            return false;
                        }
                        added = new Node(stm, key, height);
                    }
                    added.next[level].set(next);
                    pred.next[level].set(added);
                }
            }
            return true;
        });
    }

    @Override
    public boolean remove(int key) {
        int height = height(key);
        return stm.atomicBoolean(() -> {
            Node pred = head;
            boolean removed = false;
            for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
                pred = lastBelow(pred, level, key, true);
                Node next = pred.next[level].getForUpdate();
                if (level < height && next != null && next.key == key) {
                    pred.next[level].set(next.next[level].getForUpdate());
                    removed = true;
                }
            }
            return removed;
        });
    }

    private static Node lastBelow(Node from, int level, int key, boolean forUpdate) {
        Node pred = from;
        Node next = read(pred, level, forUpdate);
        while (next != null && next.key < key) {
            pred = next;
            next = read(pred, level, forUpdate);
        }
        return pred;
    }

    private static Node read(Node node, int level, boolean forUpdate) {
        return forUpdate ? node.next[level].getForUpdate() : node.next[level].get();
    }

    @Override
    public int checkedSize(int keyRange) {
        return (int) stm.atomicLong(() -> {
            int size = 0;
            for (int level = MAX_HEIGHT - 1; level >= 0; level--) {
                int count = 0;
                int previous = -1;
                for (Node node = head.next[level].get(); node != null; node = node.next[level].get()) {
                    SetChecks.requireAscending(previous, node.key, keyRange);
                    SetChecks.requireSkipListNode(node.key, node.next.length, level);
                    previous = node.key;
                    count++;
                }
                SetChecks.requireLevelCount(count, size, level);
                size = count;
            }
            return size;
        });
    }

    private static final class Node {
        final int key;
        final TxRef<Node>[] next;

        @SuppressWarnings("unchecked")
        Node(RivalStm stm, int key, int height) {
            this.key = key;
            next = new TxRef[height];
            for (int level = 0; level < height; level++) {
                next[level] = stm.newRef(null);
            }
        }
    }
}
