package org.stmagent.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/** Privatization and publication safety (BRIEF 3.4). */
public class PrivatizationSafety {
    private PrivatizationSafety() {
    }

    static final class Node {
        int value;
    }

    /**
     * One thread unlinks the node in a region, then writes and reads it with no lock. Another
     * increments the node if it is still linked. A late write-back of that increment over the
     * private write is forbidden.
     */
    @JCStressTest
    @Outcome(id = "100, 100", expect = ACCEPTABLE, desc = "private writes never overwritten")
    @Outcome(expect = FORBIDDEN, desc = "a transaction wrote to the node after it was privatized")
    @State
    public static class Unlink {
        Node shared = new Node();
        Node mine;

        @Actor
        public void privatizer(II_Result r) {
            Node n;
            synchronized (this) {
                n = shared;
                shared = null;
            }
            mine = n;
            n.value = 100;
            for (int k = 0; k < 20; k++) {
                Thread.onSpinWait();
            }
            r.r1 = n.value;
        }

        @Actor
        public void updater() {
            synchronized (this) {
                Node n = shared;
                if (n != null) {
                    n.value = n.value + 1;
                }
            }
        }

        @Arbiter
        public void arbiter(II_Result r) {
            r.r2 = mine.value;
        }
    }

    static final class Pair {
        int a;
        long b;
        int[] c;
    }

    /** An object built with no lock and published in a region is seen whole by a region that finds it. */
    @JCStressTest
    @Outcome(id = "-1", expect = ACCEPTABLE, desc = "not published yet")
    @Outcome(id = "7", expect = ACCEPTABLE, desc = "seen whole")
    @Outcome(expect = FORBIDDEN, desc = "seen partly built")
    @State
    public static class Publish {
        Pair shared;

        @Actor
        public void publisher() {
            Pair p = new Pair();
            p.a = 1;
            p.b = 2L;
            p.c = new int[] {4};
            synchronized (this) {
                shared = p;
            }
        }

        @Actor
        public void reader(org.openjdk.jcstress.infra.results.I_Result r) {
            synchronized (this) {
                Pair p = shared;
                r.r1 = p == null ? -1 : p.a + (int) p.b + (p.c == null ? 0 : p.c[0]);
            }
        }
    }
}
