package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * The watchdog reports, once, a thread that waits for the inevitable transaction and a transaction
 * that runs on, past a short threshold, with the threads, the site and the stacks; and nothing for
 * short transactions or for a transaction blocked in a wait of the program's own.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WatchdogTest {
    private static final long THRESHOLD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long LOOK_EVERY_MILLIS = 20;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Watchdog watchdog = new Watchdog(SegmentPool.instance(), THRESHOLD_NANOS,
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void aThreadWaitingForTheTokenIsReportedOnceWithTheHolderTheSiteAndBothStacks() throws InterruptedException {
        int site = Sites.register("org.example.Holder", "hold", "Holder.java", 42, "call Holder.hold", null);
        CountDownLatch inevitable = new CountDownLatch(1);
        AtomicBoolean release = new AtomicBoolean();
        Thread holder = new Thread(() -> Stm.atomic(() -> {
            Barriers.current().becomeInevitable(site);
            inevitable.countDown();
            spinUntil(release); // running, not blocked: waiters cannot take the token over
        }), "watchdog-holder");
        Thread waiter = new Thread(() -> Stm.atomic(Stm::becomeInevitable), "watchdog-waiter");
        holder.start();
        inevitable.await();
        waiter.start();
        try {
            lookUntil(() -> text().contains("thread \"watchdog-waiter\" has waited"), 10_000);
            lookFor(300); // more looks: nothing is reported twice
        } finally {
            release.set(true);
            holder.join();
            waiter.join();
        }

        String text = text();
        assertEquals(1, count(text, "stm-agent watchdog: thread \"watchdog-waiter\" has waited "), text);
        assertTrue(text.contains("for the inevitable token"), text);
        assertTrue(text.contains("the inevitable transaction is thread \"watchdog-holder\" (RUNNABLE) for "
                + "call Holder.hold at org.example.Holder.hold(Holder.java:42)"), text);
        assertTrue(text.contains("  \"watchdog-waiter\" ("), "the waiter's stack: " + text);
        assertTrue(text.contains("  \"watchdog-holder\" ("), "the holder's stack: " + text);
        assertTrue(text.contains("org.stmagent.runtime.core.WatchdogTest.spinUntil(WatchdogTest.java:"), "the holder's frames: " + text);
        assertTrue(text.contains("exclude=org.example.Holder"), "advice naming the site's class: " + text);
        assertEquals(1, count(text, "stm-agent watchdog: thread \"watchdog-holder\" has run one transaction for "),
                "the holder's own transaction, once: " + text);
    }

    @Test
    void aTransactionRunningPastTheThresholdIsReportedOnceWithItsAttempt() throws InterruptedException {
        AtomicBoolean release = new AtomicBoolean();
        Thread spinner = new Thread(() -> Stm.atomic(() -> spinUntil(release)), "watchdog-spinner");
        spinner.start();
        try {
            lookUntil(() -> text().contains("\"watchdog-spinner\" has run"), 10_000);
            lookFor(300);
        } finally {
            release.set(true);
            spinner.join();
        }

        String text = text();
        assertEquals(1, count(text, "stm-agent watchdog: thread \"watchdog-spinner\" has run one transaction for "), text);
        assertTrue(text.contains("in its first attempt, optimistic"), text);
        assertTrue(text.contains("raise watchdog (now watchdog=0.2)"), text);
    }

    @Test
    void shortTransactionsAreNotReported() throws InterruptedException {
        long[] counter = new long[1];
        AtomicBoolean stop = new AtomicBoolean();
        Workers workers = new Workers("watchdog-short");
        workers.add(2, t -> () -> {
            while (!stop.get()) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    Barriers.storeLong(counter, 0, Barriers.loadLong(counter, 0, s, Sites.UNKNOWN) + 1, s, Sites.UNKNOWN);
                });
            }
        });
        Thread stopper = new Thread(() -> {
            lookFor(3 * TimeUnit.NANOSECONDS.toMillis(THRESHOLD_NANOS));
            stop.set(true);
        });
        stopper.start();
        workers.run(30);
        stopper.join();

        assertTrue(counter[0] > 0);
        assertEquals("", text());
    }

    /** A region waiting in the program's own wait is not a hang of the runtime: see {@link Watchdog}. */
    @Test
    void aTransactionBlockedInAWaitOfTheProgramsOwnIsNotReported() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread blocked = new Thread(() -> Stm.atomic(() -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }), "watchdog-blocked");
        blocked.start();
        entered.await();
        try {
            lookFor(3 * TimeUnit.NANOSECONDS.toMillis(THRESHOLD_NANOS));
        } finally {
            release.countDown();
            blocked.join();
        }

        assertEquals("", text());
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private void lookUntil(java.util.function.BooleanSupplier done, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!done.getAsBoolean() && System.nanoTime() - deadline < 0) {
            lookOnce();
        }
        assertTrue(done.getAsBoolean(), "not reported in " + millis + " ms: " + text());
    }

    private void lookFor(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() - end < 0) {
            lookOnce();
        }
    }

    private void lookOnce() {
        watchdog.look(System.nanoTime());
        try {
            Thread.sleep(LOOK_EVERY_MILLIS);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static void spinUntil(AtomicBoolean release) {
        while (!release.get()) {
            Thread.onSpinWait();
        }
    }

    private static int count(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
