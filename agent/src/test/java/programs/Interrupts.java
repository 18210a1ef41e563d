package programs;

/**
 * Interrupts and timeouts of {@code wait} inside synchronized: a waiting thread that is
 * interrupted gets InterruptedException with its flag cleared and carries on inside the region; a
 * thread interrupted before it waits gets it at once; timed waits return after their timeout;
 * {@code wait}/{@code notify} on a monitor not held throw IllegalMonitorStateException.
 */
public final class Interrupts {
    private static final int WAITERS = 4;

    private final Object lock = new Object();
    private int waiting;
    private int interrupted;
    private int flagStillSet;
    private int continued;

    void waitUntilInterrupted() {
        synchronized (lock) {
            waiting++;
            lock.notifyAll();
            try {
                while (true) {
                    lock.wait();
                }
            } catch (InterruptedException e) {
                interrupted++;
                if (Thread.currentThread().isInterrupted()) {
                    flagStillSet++;
                }
            }
            continued++; // still inside the region
            lock.notifyAll();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Run.startWatchdog();
        Interrupts p = new Interrupts();
        for (int round = 0; round < 3; round++) {
            Thread[] waiters = new Thread[WAITERS];
            for (int i = 0; i < WAITERS; i++) {
                waiters[i] = new Thread(p::waitUntilInterrupted, "waiter-" + i);
                waiters[i].setUncaughtExceptionHandler(Run::uncaught);
                waiters[i].start();
            }
            int target = (round + 1) * WAITERS;
            synchronized (p.lock) {
                while (p.waiting < target) {
                    p.lock.wait();
                }
            }
            for (Thread w : waiters) {
                w.interrupt();
            }
            Run.join(waiters);
            synchronized (p.lock) {
                Run.check(p.interrupted == target && p.continued == target && p.flagStillSet == 0,
                        "interrupted " + p.interrupted + " continued " + p.continued + " flag still set "
                                + p.flagStillSet + ", expected " + target);
            }
        }

        // interrupted before it waits: wait throws at once, the flag is cleared
        Thread.currentThread().interrupt();
        boolean threw = false;
        synchronized (p.lock) {
            try {
                p.lock.wait(5_000);
            } catch (InterruptedException e) {
                threw = true;
            }
        }
        Run.check(threw && !Thread.interrupted(), "pending interrupt: threw " + threw);

        // timed waits return after their timeout, with nobody notifying
        long t0 = System.nanoTime();
        synchronized (p.lock) {
            p.lock.wait(100);
        }
        long t1 = System.nanoTime();
        synchronized (p.lock) {
            p.lock.wait(50, 500_000);
        }
        long t2 = System.nanoTime();
        Run.check((t1 - t0) >= 95_000_000L && (t1 - t0) < 2_000_000_000L, "wait(100) took " + (t1 - t0) / 1_000_000 + " ms");
        Run.check((t2 - t1) >= 45_000_000L && (t2 - t1) < 2_000_000_000L, "wait(50, 500000) took " + (t2 - t1) / 1_000_000 + " ms");

        // monitors not held
        int illegal = 0;
        try {
            p.lock.wait(1);
        } catch (IllegalMonitorStateException e) {
            illegal++;
        }
        Object other = new Object();
        synchronized (other) {
            try {
                p.lock.notify();
            } catch (IllegalMonitorStateException e) {
                illegal++;
            }
            try {
                p.lock.wait(1);
            } catch (IllegalMonitorStateException e) {
                illegal++;
            }
        }
        Run.check(illegal == 3, illegal + " IllegalMonitorStateExceptions, expected 3");
        System.out.println("interrupts: " + 3 * WAITERS + " waiters interrupted, timeouts and illegal states ok");
    }
}
