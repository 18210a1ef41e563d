package programs;

/**
 * {@code notify()} (not {@code notifyAll}) wakes one of many equivalent waiters: a pool of
 * permits handed between threads. No wake-up is lost (the program finishes), no more permits are
 * ever in use than exist, and every permit comes back.
 */
public final class NotifyOne {
    private static final int THREADS = 6;
    private static final int PERMITS = 2;
    private static final int ROUNDS = 3_000;

    private int permits = PERMITS;
    private int inUse;
    private int maxInUse;
    private long granted;

    synchronized void acquire() throws InterruptedException {
        while (permits == 0) {
            wait();
        }
        permits--;
        inUse++;
        granted++;
        maxInUse = Math.max(maxInUse, inUse);
        Run.check(inUse <= PERMITS, inUse + " permits in use");
    }

    synchronized void release() {
        inUse--;
        permits++;
        notify();
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        NotifyOne pool = new NotifyOne();
        Run.threads(THREADS, t -> {
            try {
                for (int i = 0; i < ROUNDS; i++) {
                    pool.acquire();
                    pool.release();
                }
            } catch (InterruptedException e) {
                Run.fail("interrupted");
            }
        });
        long expected = (long) THREADS * ROUNDS;
        synchronized (pool) {
            Run.check(pool.permits == PERMITS && pool.inUse == 0 && pool.granted == expected
                    && pool.maxInUse <= PERMITS,
                    "permits " + pool.permits + " in use " + pool.inUse + " granted " + pool.granted
                            + " max " + pool.maxInUse);
        }
        System.out.println("notify one: " + expected + " grants, " + PERMITS + " permits back ok");
    }
}
