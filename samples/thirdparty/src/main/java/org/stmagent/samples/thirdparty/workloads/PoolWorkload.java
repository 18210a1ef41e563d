package org.stmagent.samples.thirdparty.workloads;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;

/**
 * Borrow and return on a Commons Pool 2 {@link GenericObjectPool} of fewer objects than threads,
 * at 1, 2 and 4 threads. Each borrowed object is marked lent while a thread holds it. Checks: no
 * worker failed, no object was lent twice at once, every borrow was returned, and the pool's own
 * counts agree (borrowed = returned = operations, nothing active, no more objects created than
 * allowed).
 */
public final class PoolWorkload {
    private static final int MAX_TOTAL = 2;
    private static final int BORROWS_PER_THREAD = 20_000;

    private PoolWorkload() {
    }

    /** A pooled object that knows whether it is lent. */
    static final class Item {
        final AtomicBoolean lent = new AtomicBoolean();
    }

    private static final class ItemFactory extends BasePooledObjectFactory<Item> {
        final Set<Item> created = ConcurrentHashMap.newKeySet();

        @Override
        public Item create() {
            Item item = new Item();
            created.add(item);
            return item;
        }

        @Override
        public PooledObject<Item> wrap(Item item) {
            return new DefaultPooledObject<>(item);
        }
    }

    public static void main(String[] args) throws Exception {
        Checks checks = new Checks();
        for (int threads : new int[] {1, 2, 4}) {
            run(threads, checks);
        }
        System.exit(checks.close());
    }

    /** Keeps the object lent for a moment, so that a second lending would overlap with this one. */
    private static void holdBriefly() {
        for (int k = 0; k < 100; k++) {
            Thread.onSpinWait();
        }
    }

    private static void run(int threads, Checks checks) throws Exception {
        GenericObjectPoolConfig<Item> config = new GenericObjectPoolConfig<>();
        config.setMaxTotal(MAX_TOTAL);
        config.setMaxIdle(MAX_TOTAL);
        config.setJmxEnabled(false);
        ItemFactory factory = new ItemFactory();
        AtomicLong lentTwice = new AtomicLong();
        AtomicLong returned = new AtomicLong();
        try (GenericObjectPool<Item> pool = new GenericObjectPool<>(factory, config)) {
            List<Throwable> thrown = Workers.run(threads, worker -> {
                for (int i = 0; i < BORROWS_PER_THREAD; i++) {
                    Item item = pool.borrowObject();
                    if (!item.lent.compareAndSet(false, true)) {
                        lentTwice.incrementAndGet();
                    }
                    holdBriefly();
                    item.lent.set(false);
                    pool.returnObject(item);
                    returned.incrementAndGet();
                }
            });
            long operations = (long) threads * BORROWS_PER_THREAD;
            String at = " at " + threads + " threads";
            checks.check("no worker failed" + at, thrown.isEmpty());
            checks.check("no object lent twice at once" + at, lentTwice.get() == 0);
            checks.check("every borrow returned" + at, returned.get() == operations);
            checks.check("pool counts borrowed = returned = operations" + at,
                    pool.getBorrowedCount() == operations && pool.getReturnedCount() == operations);
            checks.check("nothing active, at most " + MAX_TOTAL + " objects created" + at,
                    pool.getNumActive() == 0 && factory.created.size() <= MAX_TOTAL
                            && pool.getCreatedCount() == factory.created.size());
        }
    }
}
