package org.stmagent.stress;

import java.util.concurrent.atomic.AtomicInteger;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.stmagent.annotations.Atomic;
import org.stmagent.stressaux.Outside;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Inevitable transactions: a call into code that is not rewritten (I/O-like) happens exactly once
 * per committed region, never repeated by a retry, and two such regions never run it at once.
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
}
