package programs;

import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;

/** What the self-checking programs share: running threads with a deadline, and failing loudly. */
final class Run {
    /** A program that has not finished by then is stuck: a lost wake-up or a deadlock. */
    static final long DEADLINE_MILLIS = 10_000;

    private Run() {
    }

    /**
     * Ends the program with status 3 and every thread's stack if it is still running a little after
     * the deadline, also when the main thread itself is stuck.
     */
    static void startWatchdog() {
        Thread dog = new Thread(() -> {
            try {
                Thread.sleep(DEADLINE_MILLIS + 2_000);
            } catch (InterruptedException e) {
                return;
            }
            StringBuilder where = new StringBuilder();
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                where.append('\n').append(thread.getName()).append(' ').append(thread.getState());
                for (StackTraceElement e : stack) {
                    where.append("\n    at ").append(e);
                }
            });
            System.out.println("FAILED: still running after " + (DEADLINE_MILLIS + 2_000) + " ms" + where);
            System.out.flush();
            Runtime.getRuntime().halt(3);
        }, "watchdog");
        dog.setDaemon(true);
        dog.start();
    }

    /** Runs {@code body(0..n-1)} on {@code n} threads and waits for all of them. */
    static void threads(int n, IntConsumer body) {
        threads(n, body, null);
    }

    /** As {@link #threads(int, IntConsumer)}, counting {@code go} down once every thread has started. */
    static void threads(int n, IntConsumer body, CountDownLatch go) {
        Thread[] threads = new Thread[n];
        for (int t = 0; t < n; t++) {
            int id = t;
            threads[t] = new Thread(() -> body.accept(id), "worker-" + t);
            threads[t].setUncaughtExceptionHandler(Run::uncaught);
        }
        for (Thread thread : threads) {
            thread.start();
        }
        if (go != null) {
            go.countDown();
        }
        join(threads);
    }

    /** Waits for every thread, failing the program if one is still running at the deadline. */
    static void join(Thread... threads) {
        long end = System.currentTimeMillis() + DEADLINE_MILLIS;
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, end - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                fail("interrupted while joining");
            }
            if (thread.isAlive()) {
                StringBuilder where = new StringBuilder();
                for (StackTraceElement e : thread.getStackTrace()) {
                    where.append("\n    at ").append(e);
                }
                fail(thread.getName() + " still running after " + DEADLINE_MILLIS + " ms" + where);
            }
        }
    }

    static void uncaught(Thread thread, Throwable e) {
        e.printStackTrace();
        fail("uncaught " + e + " in " + thread.getName());
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            fail(what);
        }
    }

    /** Prints the failure and stops the JVM at once, with status 2. */
    static void fail(String what) {
        System.out.println("FAILED: " + what);
        System.out.flush();
        Runtime.getRuntime().halt(2);
    }

    /** A small per-thread pseudo-random step (xorshift), so workers call no JDK code in their regions. */
    static int next(int x) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        return x;
    }
}
