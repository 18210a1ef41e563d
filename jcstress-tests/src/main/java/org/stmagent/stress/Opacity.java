package org.stmagent.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.stmagent.annotations.Atomic;
import org.stmagent.stressaux.Outside;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * Opacity: no attempt, not even one that later aborts and is retried, sees a broken invariant.
 * Every attempt that sees one reports it through {@link Outside#witness}, whose write is not
 * transactional and so survives the abort; the arbiter reports the count.
 */
public class Opacity {
    private Opacity() {
    }

    /** Invariant x == y; the writer moves both, the observer reads x, lingers, reads y. */
    @JCStressTest
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "no attempt saw x != y")
    @Outcome(expect = FORBIDDEN, desc = "r1: attempts that saw x != y; r2: committed result saw it")
    @State
    public static class SynchronizedInvariant {
        int x;
        int y;
        final int[] seen = new int[1];
        int committedSaw;

        @Actor
        public synchronized void writer() {
            x++;
            y++;
        }

        @Actor
        public void observer() {
            int broken;
            synchronized (this) {
                int a = x;
                for (int k = 0; k < 20; k++) {
                    Thread.onSpinWait();
                }
                int b = y;
                broken = a != b ? 1 : 0;
                if (broken != 0) {
                    Outside.witness(seen);
                }
            }
            committedSaw = broken;
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = seen[0];
            r.r2 = committedSaw;
        }
    }

    /**
     * Invariant: {@code index} always names a slot of {@code table} that exists, and the two are
     * replaced together. A torn snapshot would index the short table with a large index and throw
     * ArrayIndexOutOfBoundsException: a spurious exception, forbidden.
     */
    @JCStressTest
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "no attempt saw a mismatched pair")
    @Outcome(expect = FORBIDDEN, desc = "r1: attempts that saw it; r2: spurious exceptions escaped")
    @State
    public static class AtomicNoSpuriousException {
        int[] table = new int[1];
        int index;
        final int[] seen = new int[1];
        int escaped;

        @Atomic
        void grow() {
            int n = table.length + 4;
            int[] bigger = new int[n];
            index = n - 1;
            table = bigger;
        }

        @Atomic
        void shrink() {
            // the table first, the index later: with no validation they can come from different commits
            int[] t = table;
            for (int k = 0; k < 20; k++) {
                Thread.onSpinWait();
            }
            int i = index;
            if (i >= t.length) {
                Outside.witness(seen);
            }
            t[i] = 1; // throws if the pair is torn
        }

        @Actor
        public void grower() {
            grow();
        }

        @Actor
        public void user() {
            try {
                shrink();
            } catch (ArrayIndexOutOfBoundsException e) {
                escaped++;
            }
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r1 = seen[0];
            r.r2 = escaped;
        }
    }
}
