package programs;

/**
 * Exceptions leaving synchronized regions: the region's effects are kept exactly once and the
 * caller sees the exception (type and message). Also exceptions caught inside an outer region,
 * {@code finally} inside a region, and exceptions thrown by the JVM (division by zero, array index,
 * an element or a field of null, read and written) inside a region.
 */
public final class ExceptionsInSynchronized {
    private static final int THREADS = 4;
    private static final int CALLS = 6_000;

    static final class Failure extends Exception {
        final int k;

        Failure(int k) {
            super("k=" + k);
            this.k = k;
        }
    }

    private long sum;
    private long outer;
    private long caughtInside;
    private long innerEffects;
    private long finallies;
    private long tries;
    private final int[] slots = new int[4];
    private long jvmFailures;

    synchronized void addThenMaybeFail(int k) {
        sum += k;
        if (k % 3 == 0) {
            throw new IllegalStateException("k=" + k);
        }
    }

    void addThenMaybeFailChecked(int k) throws Failure {
        synchronized (this) {
            sum += k;
            if (k % 3 == 1) {
                throw new Failure(k);
            }
        }
    }

    synchronized void failInside() {
        innerEffects++;
        throw new UnsupportedOperationException("inner");
    }

    void catchInside() {
        synchronized (this) {
            outer++;
            try {
                failInside();
            } catch (UnsupportedOperationException e) {
                caughtInside++;
            }
        }
    }

    void withFinally(int k) {
        synchronized (this) {
            try {
                tries++;
                if ((k & 1) == 0) {
                    throw new IllegalArgumentException();
                }
            } finally {
                finallies++;
            }
        }
    }

    int jvmFailure(int k) {
        synchronized (this) {
            jvmFailures++;
            ExceptionsInSynchronized nobody = k < 0 ? this : null;
            switch ((k / 10) % 5) {
                case 0:
                    return 10 / (k - k);
                case 1:
                    return slots[k];
                case 2:
                    int[] none = k < 0 ? slots : null;
                    return none[0];
                case 3:
                    return (int) nobody.sum; // a field of null, read
                default:
                    nobody.tries = k; // a field of null, written
                    return 0;
            }
        }
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        ExceptionsInSynchronized p = new ExceptionsInSynchronized();
        long[] caught = new long[THREADS];
        Run.threads(THREADS, t -> {
            long n = 0;
            for (int k = 1; k <= CALLS; k++) {
                try {
                    p.addThenMaybeFail(k);
                } catch (IllegalStateException e) {
                    Run.check(e.getMessage().equals("k=" + k), "wrong message " + e.getMessage());
                    n++;
                }
                try {
                    p.addThenMaybeFailChecked(k);
                } catch (Failure e) {
                    Run.check(e.k == k, "wrong failure " + e.k);
                    n++;
                }
                p.catchInside();
                try {
                    p.withFinally(k);
                } catch (IllegalArgumentException e) {
                    n++;
                }
                if (k % 10 == 0) {
                    try {
                        p.jvmFailure(k + 4);
                        Run.fail("no exception");
                    } catch (ArithmeticException | ArrayIndexOutOfBoundsException | NullPointerException e) {
                        n++;
                    }
                }
            }
            caught[t] = n;
        });
        long expectedSum = THREADS * 2 * ((long) CALLS * (CALLS + 1) / 2);
        long perThread = CALLS / 3 + (CALLS + 2) / 3 + CALLS / 2 + CALLS / 10;
        long caughtTotal = 0;
        for (long c : caught) {
            Run.check(c == perThread, "a thread caught " + c + ", expected " + perThread);
            caughtTotal += c;
        }
        long calls = (long) THREADS * CALLS;
        synchronized (p) {
            Run.check(p.sum == expectedSum, "sum " + p.sum + ", expected " + expectedSum);
            Run.check(p.outer == calls && p.caughtInside == calls && p.innerEffects == calls,
                    "outer " + p.outer + " caught inside " + p.caughtInside + " inner " + p.innerEffects);
            Run.check(p.tries == calls && p.finallies == calls, "tries " + p.tries + " finallies " + p.finallies);
            Run.check(p.jvmFailures == calls / 10, "jvm failures " + p.jvmFailures);
        }
        System.out.println("exceptions: sum " + p.sum + ", " + caughtTotal + " caught ok");
    }
}
