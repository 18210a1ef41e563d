package org.stmagent.runtime.core;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code wait}, {@code notify} and {@code notifyAll} on monitors whose {@code synchronized} regions
 * became transactions.
 *
 * <p>A waiter joins the monitor's queue <em>before</em> its transaction commits, then commits,
 * blocks, and continues in a new, inevitable transaction. A notification is recorded in the
 * transaction and delivered only after it commits. So a notifier that commits after the waiter
 * always finds it in the queue: no lost wake-up. A waiter that was signalled but whose commit then
 * failed passes the signal on. A notifier writes the monitor's signal word, which every region
 * reads when it enters the monitor: a notifier cannot commit unseen while another region is
 * inside the monitor on its way to wait.
 */
public final class MonitorConditions {
    /** Queues exist only while someone waits; the map is guarded by its own lock. */
    private static final Map<Object, ArrayDeque<Waiter>> QUEUES = new IdentityHashMap<>();

    /** A notification recorded by a transaction, delivered after commit. */
    private static final class Notification {
        final Object monitor;
        final boolean all;

        Notification(Object monitor, boolean all) {
            this.monitor = monitor;
            this.all = all;
        }
    }

    private static final class Waiter {
        final Thread thread = Thread.currentThread();
        volatile boolean signalled;
    }

    private MonitorConditions() {
    }

    public static void await(Object monitor, long millis, int nanos, Segment segment) throws InterruptedException {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout value is negative");
        }
        if (nanos < 0 || nanos > 999_999) {
            throw new IllegalArgumentException("nanosecond timeout value out of range");
        }
        if (!segment.monitors().holds(monitor)) {
            monitor.wait(millis, nanos); // a real monitor held by the thread, or IllegalMonitorStateException
            return;
        }
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Waiter waiter = new Waiter();
        enqueue(monitor, waiter);
        boolean heldThrough;
        try {
            heldThrough = segment.monitorWords.suspendForWait(monitor);
        } catch (TransactionAbort abort) {
            leave(monitor, waiter, false);
            throw abort;
        }
        boolean interrupted = block(waiter, millis, nanos);
        leave(monitor, waiter, !interrupted);
        if (!heldThrough) {
            segment.monitorWords.resumeAfterWait();
        }
        segment.monitorWords.readMonitorWord(monitor);
        if (interrupted) {
            throw new InterruptedException();
        }
    }

    public static void notify(Object monitor, boolean all, Segment segment) {
        if (!segment.monitors().holds(monitor)) {
            if (all) {
                monitor.notifyAll();
            } else {
                monitor.notify();
            }
            return;
        }
        segment.monitorWords.writeMonitorWord(monitor);
        segment.monitorWords.deferNotification(new Notification(monitor, all));
    }

    /** Delivers a committed transaction's notifications, then forgets them. */
    static void deliver(List<Object> notifications) {
        if (notifications.isEmpty()) {
            return;
        }
        for (Object o : notifications) {
            Notification n = (Notification) o;
            signal(n.monitor, n.all);
        }
        notifications.clear();
    }

    /** Drops an aborted transaction's notifications. */
    static void forget(List<Object> notifications) {
        notifications.clear();
    }

    /** Parks until signalled, timed out or interrupted; returns whether it was an interrupt. */
    private static boolean block(Waiter waiter, long millis, int nanos) {
        long timeout = millis == 0 && nanos == 0 ? 0 : millis * 1_000_000L + nanos;
        long deadline = System.nanoTime() + timeout;
        while (!waiter.signalled) {
            if (Thread.interrupted()) {
                return true;
            }
            if (timeout == 0) {
                LockSupport.park(waiter);
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(waiter, left);
            }
        }
        return false;
    }

    private static void enqueue(Object monitor, Waiter waiter) {
        synchronized (QUEUES) {
            QUEUES.computeIfAbsent(monitor, m -> new ArrayDeque<>()).addLast(waiter);
        }
    }

    /**
     * Leaves the queue. A signal this waiter received but does not consume (its commit failed, or
     * it throws InterruptedException) goes on to the next waiter, as Object's contract requires.
     */
    private static void leave(Object monitor, Waiter waiter, boolean consumed) {
        boolean passOn;
        synchronized (QUEUES) {
            ArrayDeque<Waiter> queue = QUEUES.get(monitor);
            boolean wasQueued = queue != null && queue.remove(waiter);
            if (queue != null && queue.isEmpty()) {
                QUEUES.remove(monitor);
            }
            passOn = !wasQueued && waiter.signalled && !consumed;
        }
        if (passOn) {
            signal(monitor, false);
        }
    }

    /**
     * Wakes the first waiter, or all. The signalling thread's own waiter is skipped: a region that
     * notifies and then waits queues itself before its commit delivers the notification, which the
     * original only gave to threads already waiting.
     */
    private static void signal(Object monitor, boolean all) {
        Thread self = Thread.currentThread();
        synchronized (QUEUES) {
            ArrayDeque<Waiter> queue = QUEUES.get(monitor);
            if (queue == null) {
                return;
            }
            for (Iterator<Waiter> it = queue.iterator(); it.hasNext(); ) {
                Waiter next = it.next();
                if (next.thread == self) {
                    continue;
                }
                it.remove();
                next.signalled = true;
                LockSupport.unpark(next.thread);
                if (!all) {
                    break;
                }
            }
            if (queue.isEmpty()) {
                QUEUES.remove(monitor);
            }
        }
    }
}
