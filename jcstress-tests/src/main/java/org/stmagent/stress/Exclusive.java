package org.stmagent.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.stmagent.annotations.Atomic;
import org.stmagent.runtime.NestedTransactionException;
import org.stmagent.runtime.Stm;
import org.stmagent.stressaux.Outside;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * {@code Stm.exclusiveAtomic} refuses to nest: called inside a running region it throws
 * {@link NestedTransactionException} and never runs its body, while the enclosing region still
 * commits its effects exactly once.
 */
public class Exclusive {
    private Exclusive() {
    }

    @JCStressTest
    @Outcome(id = "2, 2, 0", expect = ACCEPTABLE, desc = "both regions committed once, both refused, no refused body ran")
    @Outcome(expect = FORBIDDEN, desc = "r1: x; r2: refusals; r3: runs of a refused body")
    @State
    public static class NestingRefused {
        int x;
        int refusedInside;
        int refusedOutside;
        /** Counted through Outside, so a run in an attempt that later aborts is counted too. */
        final int[] bodyRuns = new int[1];

        void body() {
            Outside.witness(bodyRuns);
        }

        /** The refusal leaves this region as an exception: the region commits, then it propagates. */
        @Atomic
        void bumpThenNest() {
            x++;
            Stm.exclusiveAtomic(this::body);
        }

        /** The refusal is caught inside the region, which goes on and commits. */
        @Actor
        public void insideSynchronized() {
            synchronized (this) {
                x++;
                try {
                    Stm.exclusiveAtomic(this::body);
                } catch (NestedTransactionException e) {
                    refusedInside++;
                }
            }
        }

        @Actor
        public void outsideAtomic() {
            try {
                bumpThenNest();
            } catch (NestedTransactionException e) {
                refusedOutside++;
            }
        }

        @Arbiter
        public void arbiter(III_Result r) {
            r.r1 = x;
            r.r2 = refusedInside + refusedOutside;
            r.r3 = bodyRuns[0];
        }
    }
}
