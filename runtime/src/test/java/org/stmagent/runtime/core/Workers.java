package org.stmagent.runtime.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on their own threads, all released at once, and waits for them with a deadline.
 *
 * <p>A task that throws, or a run that does not finish in time, fails with an {@link AssertionError}
 * naming what went wrong (with the stuck threads' stacks), so a livelock or a deadlock in the engine
 * fails the test instead of hanging the build. Threads are daemons: a stuck one cannot keep the JVM
 * alive. No JUnit dependency, so the child-JVM checks use it too.
 */
public final class Workers {
    private final String name;
    private final List<Runnable> tasks = new ArrayList<>();

    public Workers(String name) {
        this.name = name;
    }

    /** Adds a task; returns this for chaining. */
    public Workers add(Runnable task) {
        tasks.add(task);
        return this;
    }

    /** Adds {@code count} tasks made by {@code factory} from their index. */
    public Workers add(int count, java.util.function.IntFunction<Runnable> factory) {
        for (int i = 0; i < count; i++) {
            tasks.add(factory.apply(i));
        }
        return this;
    }

    /** Starts every task, waits up to {@code timeoutSeconds} for all of them, and rethrows the first failure. */
    public void run(long timeoutSeconds) {
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Runnable task = tasks.get(i);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    task.run();
                } catch (Throwable t) {
                    failures.add(t);
                }
            }, name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted while waiting for workers", e);
        }
        StringBuilder stuck = new StringBuilder();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                stuck.append("\n  ").append(thread.getName()).append(" in state ").append(thread.getState());
                for (StackTraceElement frame : thread.getStackTrace()) {
                    stuck.append("\n    at ").append(frame);
                }
                thread.interrupt();
            }
        }
        if (stuck.length() > 0) {
            AssertionError error = new AssertionError(name + ": workers did not finish within "
                    + timeoutSeconds + " s:" + stuck);
            failures.forEach(error::addSuppressed);
            throw error;
        }
        Throwable first = failures.poll();
        if (first != null) {
            AssertionError error = new AssertionError(name + ": a worker failed: " + first, first);
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }
}
