package org.stmagent.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.I_Result;
import org.stmagent.annotations.Atomic;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** Lock semantics of regions: exceptions and nesting (BRIEF 3.3). */
public class Regions {
    private Regions() {
    }

    /**
     * An exception leaving a region commits that region's effects exactly once and propagates
     * exactly once per call.
     */
    @JCStressTest
    @Outcome(id = "2, 2, 2", expect = ACCEPTABLE, desc = "both regions committed once, both exceptions seen")
    @Outcome(expect = FORBIDDEN, desc = "r1: x; r2: y; r3: exceptions caught")
    @State
    public static class ExceptionCommitsOnce {
        int x;
        int y;
        int caught1;
        int caught2;

        synchronized void bumpAndThrow() {
            x++;
            y++;
            throw new IllegalStateException("leaves the region");
        }

        @Actor
        public void actor1() {
            try {
                bumpAndThrow();
            } catch (IllegalStateException e) {
                caught1++;
            }
        }

        @Actor
        public void actor2() {
            try {
                bumpAndThrow();
            } catch (IllegalStateException e) {
                caught2++;
            }
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = x;
            r.r2 = y;
            r.r3 = caught1 + caught2;
        }
    }

    /**
     * Inner regions (another monitor, a reentered monitor, an {@code @Atomic} method) flatten into
     * the outermost one: their effects become visible only with the outer region's, all together.
     */
    @JCStressTest
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "nothing yet")
    @Outcome(id = "4", expect = ACCEPTABLE, desc = "everything")
    @Outcome(expect = FORBIDDEN, desc = "an inner region's effects seen alone")
    @State
    public static class NestedFlatten {
        final Object inner = new Object();
        int outerBefore;
        int innerMonitor;
        int innerAtomic;
        int outerAfter;

        @Atomic
        void atomicPart() {
            innerAtomic = 1;
        }

        @Actor
        public void writer() {
            synchronized (this) {
                outerBefore = 1;
                synchronized (inner) {
                    synchronized (this) {
                        innerMonitor = 1;
                    }
                }
                atomicPart();
                for (int k = 0; k < 20; k++) {
                    Thread.onSpinWait();
                }
                outerAfter = 1;
            }
        }

        @Actor
        public void reader(I_Result r) {
            synchronized (this) {
                r.r1 = outerBefore + innerMonitor + innerAtomic + outerAfter;
            }
        }
    }
}
