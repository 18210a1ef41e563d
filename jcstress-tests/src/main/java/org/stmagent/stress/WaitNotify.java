package org.stmagent.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * wait/notify hand-off on a converted monitor: the waiter is woken by the notify, never left to
 * its timeout. The wait is bounded (2 s) so a lost wake-up shows as an outcome instead of a hang.
 */
public class WaitNotify {
    private WaitNotify() {
    }

    static final long BOUND_MS = 2_000;

    @JCStressTest
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "value handed off, waiter woken in time")
    @Outcome(expect = FORBIDDEN, desc = "r1: value seen; r2: 0 = woken only by the timeout (lost wake-up)")
    @State
    public static class HandOff {
        int value;
        boolean ready;

        @Actor
        public void waiter(II_Result r) {
            long deadline = System.nanoTime() + BOUND_MS * 1_000_000L;
            boolean intime = true;
            synchronized (this) {
                while (!ready) {
                    long left = (deadline - System.nanoTime()) / 1_000_000L;
                    if (left <= 0) {
                        intime = false;
                        break;
                    }
                    try {
                        wait(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                r.r1 = value;
            }
            r.r2 = intime ? 1 : 0;
        }

        @Actor
        public void notifier() {
            synchronized (this) {
                value = 1;
                ready = true;
                notifyAll();
            }
        }
    }
}
