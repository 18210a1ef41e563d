package org.stmagent.runtime;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.stmagent.runtime.seam.Sneaky;

/**
 * pypy-stm's {@code transaction.add(f)} / {@code transaction.run()}: collect tasks, then run them on
 * up to {@link Stm#segmentLimit()} threads, each task as one transaction. The outcome equals running
 * the tasks one at a time in some order.
 *
 * <ul>
 *   <li>A task may {@link #add} more tasks; an add made inside a transaction takes effect when that
 *       transaction commits, so a retried task never adds twice.</li>
 *   <li>If a task throws, its transaction commits (as a region left by an exception does), the
 *       queue stops handing out tasks, the tasks already running finish, and {@link #run()} rethrows
 *       the first exception. Tasks that never started stay queued: a later {@code run()} runs them.
 *       Every task is run at most once.</li>
 * </ul>
 */
public final class TransactionQueue {
    private final ArrayDeque<Runnable> pending = new ArrayDeque<>();
    private int running;
    private Throwable failure;

    /** Adds a task; from inside a transaction, when that transaction commits. */
    public void add(Runnable task) {
        if (task == null) {
            throw new NullPointerException("task");
        }
        Stm.afterCommit(() -> enqueue(task));
    }

    /** Tasks waiting to run. */
    public synchronized int size() {
        return pending.size();
    }

    /**
     * Runs every task, and every task they add, until none is left, on {@link Stm#segmentLimit()}
     * threads; the calling thread is one of the workers.
     *
     * @throws IllegalStateException if called inside a transaction (tasks are transactions of their own)
     */
    public void run() {
        run(Stm.segmentLimit());
    }

    /**
     * {@link #run()} on {@code threads} threads, the calling thread included (more threads than
     * segments wait for a free segment).
     *
     * @throws IllegalArgumentException if {@code threads} is less than 1
     */
    public void run(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        if (Stm.inTransaction()) {
            throw new IllegalStateException("TransactionQueue.run() inside a transaction");
        }
        synchronized (this) {
            failure = null;
        }
        int helpers = threads - 1;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < helpers; i++) {
            Thread t = new Thread(this::work, "stm-agent transaction queue " + (i + 1));
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        work();
        boolean interrupted = false;
        for (Thread t : workers) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers finish their tasks either way
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable thrown;
        synchronized (this) {
            thrown = failure;
        }
        if (thrown != null) {
            throw Sneaky.<RuntimeException>rethrow(thrown);
        }
    }

    private synchronized void enqueue(Runnable task) {
        pending.addLast(task);
        notifyAll();
    }

    private void work() {
        while (true) {
            Runnable task = next();
            if (task == null) {
                return;
            }
            try {
                Stm.atomic(task);
            } catch (Throwable thrown) {
                fail(thrown);
            } finally {
                finished();
            }
        }
    }

    /** The next task, waiting while others run (they may add more); null when all is done. */
    private synchronized Runnable next() {
        while (true) {
            if (failure != null) {
                return null;
            }
            Runnable task = pending.pollFirst();
            if (task != null) {
                running++;
                return task;
            }
            if (running == 0) {
                return null;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private synchronized void finished() {
        running--;
        notifyAll();
    }

    private synchronized void fail(Throwable thrown) {
        if (failure == null) {
            failure = thrown;
        }
        notifyAll();
    }
}
