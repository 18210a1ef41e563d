package org.stmagent.samples.thirdparty.proofs;

import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;

import org.apache.commons.pool2.BasePooledObjectFactory;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;
import org.apache.commons.pool2.impl.GenericObjectPool;

/**
 * Commons Pool 2's {@code TestGenericObjectPool.testEvictionInvalid}, its steps and pool settings,
 * under three schedules of its borrow against one eviction run: in the middle of the run (the
 * test's schedule), before it starts, after it ends. Only the first ends with 0 objects active,
 * the count the test expects: the borrow sees the object in state EVICTION, which exists only
 * inside {@code evict()}'s {@code synchronized (evictionLock)} block. Before or after that block
 * the borrow gets an object and 1 is active. Run it without the agent; one line per schedule.
 */
public final class EvictionSchedules {
    private static final Duration VALIDATION = Duration.ofSeconds(1);
    private static final long BORROW_MAX_WAIT_MILLIS = 1;

    private EvictionSchedules() {
    }

    /** Where the borrow falls relative to the eviction run. */
    private enum Schedule {
        DURING("borrow during eviction"),
        BEFORE("borrow before eviction"),
        AFTER("borrow after eviction");

        final String label;

        Schedule(String label) {
            this.label = label;
        }
    }

    /** The test's factory: validation takes a second and fails. Says when validation starts. */
    private static final class InvalidFactory extends BasePooledObjectFactory<Object> {
        final CountDownLatch validating = new CountDownLatch(1);

        @Override
        public Object create() {
            return new Object();
        }

        @Override
        public PooledObject<Object> wrap(Object object) {
            return new DefaultPooledObject<>(object);
        }

        @Override
        public boolean validateObject(PooledObject<Object> p) {
            validating.countDown();
            try {
                Thread.sleep(VALIDATION.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    public static void main(String[] args) throws Exception {
        for (Schedule schedule : Schedule.values()) {
            System.out.println(run(schedule));
        }
    }

    private static String run(Schedule schedule) throws Exception {
        InvalidFactory factory = new InvalidFactory();
        try (GenericObjectPool<Object> pool = new GenericObjectPool<>(factory)) {
            pool.setMaxIdle(1);
            pool.setMaxTotal(1);
            pool.setTestOnBorrow(false);
            pool.setTestOnReturn(false);
            pool.setTestWhileIdle(true);
            pool.setMinEvictableIdleDuration(Duration.ofSeconds(100));
            pool.setNumTestsPerEvictionRun(1);
            pool.returnObject(pool.borrowObject());

            Thread evictor = new Thread(() -> evict(pool), "evictor");
            boolean borrowed;
            switch (schedule) {
                case DURING -> {
                    evictor.start();
                    factory.validating.await();
                    borrowed = tryBorrow(pool);
                    evictor.join();
                }
                case BEFORE -> {
                    borrowed = tryBorrow(pool);
                    evictor.start();
                    evictor.join();
                }
                case AFTER -> {
                    evictor.start();
                    evictor.join();
                    borrowed = tryBorrow(pool);
                }
                default -> throw new AssertionError(schedule);
            }
            return String.format("%-24s idle %d, active %d (borrow %s; created %d, destroyed %d)",
                    schedule.label + ":", pool.getNumIdle(), pool.getNumActive(),
                    borrowed ? "got an object" : "timed out", pool.getCreatedCount(), pool.getDestroyedCount());
        }
    }

    /** The test's borrow: 1 ms to wait, the object kept, a timeout ignored. */
    private static boolean tryBorrow(GenericObjectPool<Object> pool) throws Exception {
        try {
            pool.borrowObject(BORROW_MAX_WAIT_MILLIS);
            return true;
        } catch (NoSuchElementException e) {
            return false;
        }
    }

    /** The test's eviction thread: one eviction run, exceptions ignored. */
    private static void evict(GenericObjectPool<Object> pool) {
        try {
            pool.evict();
        } catch (Exception e) {
            // as the test's EvictionThread
        }
    }
}
