package org.stmagent.stressaux;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Code the agent does not rewrite (outside {@code org.stmagent.stress.**}). Its writes go straight
 * to memory and survive an aborted attempt, so a test can count what every attempt did.
 *
 * <p>{@link #witness} is declared pure to the agent in run.sh ({@code pure=...Outside.witness}),
 * so calling it does not make a transaction inevitable and cannot hide what an attempt that later
 * aborts has seen. {@link #irrevocable} and {@link #awaitSignal} are not pure: a transaction
 * calling them becomes inevitable first, as for I/O.
 */
public final class Outside {
    private static volatile boolean timedOut;

    private Outside() {
    }

    /** Records, in a plain slot, that an attempt saw a broken invariant. */
    public static void witness(int[] slot) {
        slot[0]++;
    }

    /**
     * An I/O-like call: counted in {@code calls}; {@code inside} counts the callers currently in it,
     * and {@code overlaps} how many found another caller there.
     */
    public static void irrevocable(AtomicInteger calls, AtomicInteger inside, AtomicInteger overlaps) {
        calls.incrementAndGet();
        if (inside.incrementAndGet() > 1) {
            overlaps.incrementAndGet();
        }
        for (int i = 0; i < 50; i++) {
            Thread.onSpinWait();
        }
        if (inside.get() > 1) {
            overlaps.incrementAndGet();
        }
        inside.decrementAndGet();
    }

    /**
     * An irrevocable call that waits, at most {@code boundMillis}, for {@code signal} to be set:
     * 0 if it was set on entry, 1 if it was set during the wait, 2 if the wait timed out. After one
     * timeout in this JVM every later call returns 2 at once, so a run that would time out on each
     * call fails quickly instead of spending the bound every time.
     */
    public static int awaitSignal(AtomicInteger signal, long boundMillis) {
        if (signal.get() != 0) {
            return 0;
        }
        long deadline = System.nanoTime() + boundMillis * 1_000_000L;
        while (signal.get() == 0) {
            if (timedOut || System.nanoTime() - deadline > 0) {
                timedOut = true;
                return 2;
            }
            Thread.onSpinWait();
        }
        return 1;
    }
}
