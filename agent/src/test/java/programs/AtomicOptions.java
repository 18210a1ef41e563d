package programs;

import org.stmagent.annotations.Atomic;
import org.stmagent.runtime.RetryLimitExceededException;
import org.stmagent.runtime.RetrySafeThreadLocal;

import programs.outside.Handoff;

/**
 * The options of {@code @Atomic} under the agent: failure atomicity (also after an irrevocable
 * call), the retry limit, the same limit read from Deuce's annotation, and a thread-local and a
 * clock read inside retried transactions. A writer thread commits to {@code x} whenever an attempt
 * asks it to ({@link Handoff}), so the attempt that read {@code x} before cannot commit.
 * Prints one line per check; exits with status 2 if one fails.
 */
public final class AtomicOptions {
    private static final RetrySafeThreadLocal<Integer> STEPS = RetrySafeThreadLocal.withInitialValue(() -> 0);

    private long balance = 100;
    private long x;
    private long y;
    private long stamp;
    private boolean failed;

    public static void main(String[] args) {
        AtomicOptions o = new AtomicOptions();
        Thread writer = new Thread(() -> {
            while (true) {
                Handoff.awaitRequest();
                o.bumpX();
                Handoff.written();
            }
        }, "writer");
        writer.setDaemon(true);
        writer.start();

        o.check("rollback on exception", thrown(() -> o.withdraw(500)) instanceof IllegalStateException && o.balance() == 100);
        o.check("rollback after an irrevocable call", thrown(() -> o.withdrawAfterFlush(10)) instanceof IllegalStateException
                && o.balance() == 100);
        o.check("retry limit", givesUpAfter(3, o::readThenLose) && o.y() == 0);
        o.check("deuce retry limit", givesUpAfter(2, o::readThenLoseDeuce) && o.y() == 0);
        Handoff.resetAttempts();
        o.countStep();
        o.check("retry-safe thread-local", Handoff.attempt() == 4 && STEPS.get() == 1 && o.stamp() > 0);
        System.exit(o.failed ? 2 : 0);
    }

    @Atomic(rollbackOnException = true)
    void withdraw(long amount) {
        balance -= amount;
        if (balance < 0) {
            throw new IllegalStateException("overdrawn");
        }
    }

    @Atomic(rollbackOnException = true)
    void withdrawAfterFlush(long amount) {
        balance -= amount;
        System.out.flush(); // irrevocable: the transaction goes inevitable here
        throw new IllegalStateException("refused after the flush");
    }

    @Atomic(retries = 2)
    void readThenLose() {
        long seen = x;
        Handoff.attempt();
        Handoff.letTheWriterCommit();
        y = seen + 1;
    }

    @org.deuce.Atomic(retries = 1)
    void readThenLoseDeuce() {
        long seen = x;
        Handoff.attempt();
        Handoff.letTheWriterCommit();
        y = seen + 1;
    }

    /** Loses twice, then commits: the thread-local counts one step, and the clock read is no irrevocable call. */
    @Atomic
    void countStep() {
        STEPS.set(STEPS.get() + 1);
        long now = System.nanoTime();
        long seen = x;
        if (Handoff.attempt() <= 2) {
            Handoff.letTheWriterCommit();
        }
        stamp = now + seen - seen;
    }

    @Atomic
    void bumpX() {
        x++;
    }

    synchronized long balance() {
        return balance;
    }

    synchronized long y() {
        return y;
    }

    synchronized long stamp() {
        return stamp;
    }

    private static boolean givesUpAfter(int attempts, Runnable call) {
        Handoff.resetAttempts();
        Throwable t = thrown(call);
        return t instanceof RetryLimitExceededException e && e.attempts() == attempts && Handoff.attempt() == attempts + 1;
    }

    private static Throwable thrown(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void check(String what, boolean ok) {
        System.out.println(what + (ok ? " ok" : " FAILED"));
        failed |= !ok;
    }
}
