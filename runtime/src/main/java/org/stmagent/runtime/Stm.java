package org.stmagent.runtime;

import java.util.function.Supplier;

import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.core.SegmentPool;
import org.stmagent.runtime.core.ThreadContext;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * The programmatic API: run code as a transaction without the agent's rewriting, and ask about the
 * transaction a thread is in.
 *
 * <p>Inside {@link #atomic(Runnable)} every access to shared data must go through a barrier: code
 * rewritten by the agent does so by itself; hand-written code calls {@link Barriers} with
 * {@link Barriers#current()}.
 */
public final class Stm {
    private Stm() {
    }

    /**
     * Runs {@code body} as one transaction: it appears to run alone, and is retried from the start if
     * it conflicts with another. Inside a transaction it joins the enclosing one (flat nesting). An
     * exception leaving {@code body} commits its effects and propagates.
     */
    public static void atomic(Runnable body) {
        Segment segment = ThreadContext.descriptor();
        if (segment.running()) {
            body.run();
            return;
        }
        segment.begin();
        while (true) {
            try {
                body.run();
            } catch (Throwable thrown) {
                Barriers.afterThrowable(segment, thrown);
                continue;
            }
            if (segment.commitOrRestart()) {
                return;
            }
        }
    }

    /** {@link #atomic(Runnable)}, returning the body's result. */
    public static <T> T atomic(Supplier<T> body) {
        Segment segment = ThreadContext.descriptor();
        if (segment.running()) {
            return body.get();
        }
        segment.begin();
        while (true) {
            T result;
            try {
                result = body.get();
            } catch (Throwable thrown) {
                Barriers.afterThrowable(segment, thrown);
                continue;
            }
            if (segment.commitOrRestart()) {
                return result;
            }
        }
    }

    /**
     * pypy-stm's {@code exclusive_atomic}: like {@link #atomic(Runnable)}, but refuses to nest.
     *
     * @throws NestedTransactionException if the thread is already in a transaction, or in a region
     *         running under its real lock
     */
    public static void exclusiveAtomic(Runnable body) {
        if (inTransaction() || ThreadContext.descriptor().inPlainRun()) {
            throw new NestedTransactionException(); // a region running under its real lock nests too
        }
        atomic(body);
    }

    /** {@link #exclusiveAtomic(Runnable)}, returning the body's result. */
    public static <T> T exclusiveAtomic(Supplier<T> body) {
        if (inTransaction() || ThreadContext.descriptor().inPlainRun()) {
            throw new NestedTransactionException(); // a region running under its real lock nests too
        }
        return atomic(body);
    }

    /** The segment limit: how many transactions can run at once. */
    public static int segmentLimit() {
        return SegmentPool.instance().limit();
    }

    /** Whether the calling thread is inside a transaction. */
    public static boolean inTransaction() {
        return Barriers.current() != null;
    }

    /**
     * Whether the calling thread's transaction is inevitable: it can no longer be rolled back, so
     * what it does from here on happens exactly once. False outside a transaction.
     */
    public static boolean isInevitable() {
        Segment segment = Barriers.current();
        return segment != null && segment.isInevitable();
    }

    /**
     * Runs {@code action} once, after the calling thread's transaction commits (never if every
     * attempt is rolled back, never twice); outside a transaction, runs it now. For work that must
     * happen exactly once, such as handing a result to another thread.
     */
    public static void afterCommit(Runnable action) {
        Segment segment = Barriers.current();
        if (segment == null) {
            action.run();
        } else {
            segment.deferUntilCommit(action);
        }
    }

    /**
     * Runs {@code action} if the calling thread's running attempt is rolled back (once per rolled
     * back attempt that registered it; a commit drops it); outside a transaction, does nothing.
     * Actions run newest first, outside any transaction, before the next attempt starts: for
     * undoing what an attempt did outside the STM's view.
     */
    public static void afterAbort(Runnable action) {
        Segment segment = Barriers.current();
        if (segment != null) {
            segment.deferUntilAbort(action);
        }
    }

    /**
     * Makes the calling thread's transaction inevitable: from here on it cannot abort, so it may do
     * irrevocable work. At most one transaction is inevitable at a time; this may wait for another
     * to finish. Outside a transaction it does nothing.
     */
    public static void becomeInevitable() {
        Segment segment = Barriers.current();
        if (segment != null && !segment.isInevitable()) {
            segment.becomeInevitable(Sites.ofCaller("Stm.becomeInevitable()"));
        }
    }
}
