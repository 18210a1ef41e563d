package org.stmagent.stress;

import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;
import org.stmagent.annotations.Atomic;
import org.stmagent.stressaux.Outside;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Inevitable transactions: a call into code that is not rewritten (I/O-like) happens exactly once
 * per committed region, never repeated by a retry, and two such regions never run it at once; a
 * region that does not conflict with the inevitable one runs and commits meanwhile.
 */
public class Irrevocable {
    private Irrevocable() {
    }

    @JCStressTest
    @Outcome(id = "2, 2, 0", expect = ACCEPTABLE, desc = "two commits, two calls, no overlap")
    @Outcome(expect = FORBIDDEN, desc = "r1: counter; r2: calls; r3: overlapping calls")
    @State
    public static class CallOncePerCommit {
        int counter;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();

        @Atomic
        void step() {
            counter++;
            Outside.irrevocable(calls, inside, overlaps);
        }

        @Actor
        public void actor1() {
            step();
        }

        @Actor
        public void actor2() {
            step();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = counter;
            r.r2 = calls.get();
            r.r3 = overlaps.get();
        }
    }

    /** The same with converted {@code synchronized}, the call made before the shared update. */
    @JCStressTest
    @Outcome(id = "2, 2, 0", expect = ACCEPTABLE, desc = "two commits, two calls, no overlap")
    @Outcome(expect = FORBIDDEN, desc = "r1: counter; r2: calls; r3: overlapping calls")
    @State
    public static class SynchronizedCallFirst {
        int counter;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();

        synchronized void step() {
            int c = counter;
            Outside.irrevocable(calls, inside, overlaps);
            counter = c + 1;
        }

        @Actor
        public void actor1() {
            step();
        }

        @Actor
        public void actor2() {
            step();
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = counter;
            r.r2 = calls.get();
            r.r3 = overlaps.get();
        }
    }

    /**
     * While one region is inevitable, a region that does not conflict with it still begins, runs
     * and commits. The inevitable region waits inside its irrevocable call for the other region to
     * have returned; that region shares no data with it, so it must not be held up. A runtime that
     * holds it up until the inevitable region ends makes the wait time out however long the bound
     * (later waits then give up at once); the bound is long (10 s) so that a pause of the JVM or
     * of the other actor's thread on a loaded machine is not taken for a hold-up. The inevitable region touches no shared field before the call: it holds no lock the other
     * region could run into, even through an ownership-record collision.
     */
    @JCStressTest
    @Outcome(id = "0, 1", expect = ACCEPTABLE, desc = "the other region had returned before the inevitable call")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "the other region ran and committed while this one was inevitable")
    @Outcome(id = "2, 1", expect = FORBIDDEN, desc = "held up: the other region did not return within 10 s (here or earlier in this JVM)")
    @Outcome(expect = FORBIDDEN, desc = "r1: 0 = before, 1 = during, 2 = held up; r2: the other region's update")
    @State
    public static class OthersProceed {
        static final long BOUND_MS = 10_000;

        final AtomicInteger otherReturned = new AtomicInteger();
        int other;

        @Atomic
        int inevitableWait() {
            return Outside.awaitSignal(otherReturned, BOUND_MS);
        }

        @Atomic
        void update() {
            other++;
        }

        @Actor
        public void inevitable(II_Result r) {
            r.r1 = inevitableWait();
        }

        @Actor
        public void nonConflicting() {
            update();
            otherReturned.set(1);
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r2 = other;
        }
    }
}
