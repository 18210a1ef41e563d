package programs;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.stmagent.annotations.Atomic;

/**
 * Hangs for a while under the agent, the way the watchdog reports: an {@code @Atomic} method made
 * inevitable by its output spins until another thread sets a flag, and that thread's region must
 * become inevitable (it prints too) before it can set it. An atomic method is one step, so it keeps
 * the inevitable token to its end (a monitor region would give it back after its output). With
 * real monitors for the setter's region ({@code monitors=lock}) nothing waits and the spinner sees
 * the flag at once; with regions as transactions the setter waits for the token until the spinner
 * gives up, after a few seconds, so the program ends.
 */
public final class WatchdogHang {
    private static final long GIVE_UP_MILLIS = 4_000;

    private final Object setterLock = new Object();
    private final CountDownLatch spinning = new CountDownLatch(1);
    private volatile boolean set;
    private boolean sawFlag;

    @Atomic
    void spin() {
        System.out.println("spinner: waiting for the flag");
        spinning.countDown();
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GIVE_UP_MILLIS);
        while (!set && System.nanoTime() - giveUp < 0) {
            Thread.onSpinWait();
        }
        sawFlag = set;
    }

    void setFlag() {
        synchronized (setterLock) {
            System.out.println("setter: setting the flag");
            set = true;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Run.startWatchdog();
        WatchdogHang p = new WatchdogHang();
        Thread spinner = new Thread(p::spin, "spinner");
        Thread setter = new Thread(() -> {
            try {
                p.spinning.await();
            } catch (InterruptedException e) {
                Run.fail("interrupted");
            }
            p.setFlag();
        }, "setter");
        spinner.setUncaughtExceptionHandler(Run::uncaught);
        setter.setUncaughtExceptionHandler(Run::uncaught);
        spinner.start();
        setter.start();
        Run.join(spinner, setter);
        System.out.println(p.sawFlag ? "watchdog hang: the spinner saw the flag" : "watchdog hang: the spinner gave up");
    }
}
