package programs;

/**
 * A volatile flag read inside a synchronized loop terminates the loop once another thread sets
 * it: outside any lock, inside a region on another lock, and with the loop outside the region.
 */
public final class VolatileFlag {
    private final Object lock = new Object();
    private final Object otherLock = new Object();
    private volatile boolean stop;
    private long spins;

    void spinInside() {
        synchronized (lock) {
            while (!stop) {
                spins++;
            }
        }
    }

    void spinOutside() {
        while (!stop) {
            synchronized (lock) {
                spins++;
            }
        }
    }

    void run(Runnable spinner, boolean setUnderLock) throws InterruptedException {
        stop = false;
        Thread t = new Thread(spinner, "spinner");
        t.setUncaughtExceptionHandler(Run::uncaught);
        t.start();
        Thread.sleep(30);
        if (setUnderLock) {
            synchronized (otherLock) {
                stop = true;
            }
        } else {
            stop = true;
        }
        Run.join(t);
    }

    public static void main(String[] args) throws InterruptedException {
        Run.startWatchdog();
        VolatileFlag p = new VolatileFlag();
        p.run(p::spinInside, false);
        p.run(p::spinInside, true);
        p.run(p::spinOutside, false);
        p.run(p::spinOutside, true);
        synchronized (p.lock) {
            Run.check(p.spins > 0, "never spun");
        }
        System.out.println("volatile flag: 4 loops stopped ok");
    }
}
