package programs;

/**
 * long and double values are never torn: writers inside synchronized store values whose two
 * 32-bit halves are equal; readers check the halves, inside synchronized for plain fields and
 * array elements, and outside any lock for volatile fields.
 */
public final class NoTearing {
    private static final int WRITERS = 2;
    private static final int READERS = 2;
    private static final int ROUNDS = 20_000;
    private static final long BOTH_HALVES = 0x0000_0001_0000_0001L;

    private final Object lock = new Object();
    private long plainLong = BOTH_HALVES;
    private double plainDouble = Double.longBitsToDouble(BOTH_HALVES);
    private volatile long volatileLong = BOTH_HALVES;
    private volatile double volatileDouble = Double.longBitsToDouble(BOTH_HALVES);
    private final long[] longs = new long[4];
    private final double[] doubles = new double[4];
    private static long staticLong = BOTH_HALVES;

    static boolean whole(long v) {
        return (int) v == (int) (v >>> 32);
    }

    static boolean whole(double d) {
        return whole(Double.doubleToRawLongBits(d));
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        NoTearing p = new NoTearing();
        for (int i = 0; i < 4; i++) {
            p.longs[i] = BOTH_HALVES;
            p.doubles[i] = Double.longBitsToDouble(BOTH_HALVES);
        }
        Run.threads(WRITERS + READERS, t -> {
            if (t < WRITERS) {
                for (int i = 1; i <= ROUNDS; i++) {
                    // alternate between values that differ in both halves
                    long v = ((i & 1) == 0 ? i : 0x3FF0_0000 | i) * BOTH_HALVES;
                    synchronized (p.lock) {
                        p.plainLong = v;
                        p.plainDouble = Double.longBitsToDouble(v);
                        p.volatileLong = v;
                        p.volatileDouble = Double.longBitsToDouble(v);
                        p.longs[i & 3] = v;
                        p.doubles[i & 3] = Double.longBitsToDouble(v);
                        staticLong = v;
                    }
                }
                return;
            }
            for (int i = 0; i < ROUNDS; i++) {
                long vl = p.volatileLong;
                double vd = p.volatileDouble;
                Run.check(whole(vl) && whole(vd), "torn volatile " + Long.toHexString(vl));
                synchronized (p.lock) {
                    Run.check(whole(p.plainLong) && whole(p.plainDouble) && whole(p.longs[i & 3])
                            && whole(p.doubles[i & 3]) && whole(staticLong),
                            "torn value inside synchronized " + Long.toHexString(p.plainLong));
                }
            }
        });
        System.out.println("no tearing: " + READERS * ROUNDS * 2 + " reads ok");
    }
}
