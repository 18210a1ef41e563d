package programs.outside;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Left alone by the agent (excluded) and declared pure: lets a transaction wait, mid-attempt, until
 * another thread has committed a write, and counts attempts in a way no rollback undoes.
 */
public final class Handoff {
    private static final Semaphore REQUESTS = new Semaphore(0);
    private static final Semaphore WRITTEN = new Semaphore(0);
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    private Handoff() {
    }

    /** Asks the writer thread for one write and waits until it has committed it. */
    public static void letTheWriterCommit() {
        REQUESTS.release();
        WRITTEN.acquireUninterruptibly();
    }

    /** The writer thread: waits for a request. */
    public static void awaitRequest() {
        REQUESTS.acquireUninterruptibly();
    }

    /** The writer thread: its write has committed. */
    public static void written() {
        WRITTEN.release();
    }

    /** Counts an attempt; returns its number since the last {@link #resetAttempts()}. */
    public static int attempt() {
        return ATTEMPTS.incrementAndGet();
    }

    public static void resetAttempts() {
        ATTEMPTS.set(0);
    }
}
