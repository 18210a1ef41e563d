package org.stmagent.benchmarks.suite;

import java.util.List;
import java.util.function.Supplier;

import org.stmagent.benchmarks.rival.TxSkipList;
import org.stmagent.benchmarks.rival.TxSortedList;
import org.stmagent.benchmarks.workload.intset.AtomicIntSet;
import org.stmagent.benchmarks.workload.intset.ConcurrentIntSet;
import org.stmagent.benchmarks.workload.intset.IntSet;
import org.stmagent.benchmarks.workload.intset.ReentrantLockIntSet;
import org.stmagent.benchmarks.workload.intset.SkipList;
import org.stmagent.benchmarks.workload.intset.SortedLinkedList;
import org.stmagent.benchmarks.workload.intset.SynchronizedIntSet;

/**
 * Lookups (90%), inserts (5%) and removes (5%) of random keys in a set that starts half full.
 * Invariant: the structure is valid and holds as many keys as it started with plus those added
 * less those removed.
 */
final class IntSetWorkload implements Workload {
    /** The set's structure in the plain program. */
    enum Structure {
        LIST, SKIP_LIST
    }

    private final IntSet set;
    private final int keyRange;
    private final ExpectedCount expected;

    IntSetWorkload(IntSet set, int keyRange, int threads) {
        this.set = set;
        this.keyRange = keyRange;
        int[] keys = Prefill.halfOfKeys(keyRange);
        expected = new ExpectedCount(threads, keys.length);
        for (int key : keys) {
            set.add(key);
        }
    }

    static IntSetWorkload create(Variant variant, Structure structure, int keyRange, int threads) {
        return new IntSetWorkload(set(variant, structure), keyRange, threads);
    }

    private static IntSet set(Variant variant, Structure structure) {
        Supplier<IntSet> plain = structure == Structure.LIST ? SortedLinkedList::new : SkipList::new;
        switch (variant) {
            case SYNCHRONIZED:
            case STM_AGENT:
                return new SynchronizedIntSet(plain.get());
            case STM_AGENT_ATOMIC:
                return new AtomicIntSet(plain.get());
            case REENTRANT_LOCK:
                return new ReentrantLockIntSet(plain.get());
            case CEILING:
                return new ConcurrentIntSet();
            default:
                return structure == Structure.LIST
                        ? new TxSortedList(variant.rivalStm())
                        : new TxSkipList(variant.rivalStm());
        }
    }

    @Override
    public long operate(Worker worker) {
        int key = worker.nextInt(keyRange);
        int dice = worker.nextInt(100);
        if (dice < 90) {
            return set.contains(key) ? 1 : 0;
        }
        if (dice < 95) {
            if (set.add(key)) {
                expected.add(worker, 1);
            }
        } else if (set.remove(key)) {
            expected.add(worker, -1);
        }
        return key;
    }

    @Override
    public void verify() {
        expected.require(set.checkedSize(keyRange), "set");
    }

    @Override
    public List<Class<?>> sourceClasses() {
        return List.of(SynchronizedIntSet.class, AtomicIntSet.class, SortedLinkedList.class, SkipList.class);
    }
}
