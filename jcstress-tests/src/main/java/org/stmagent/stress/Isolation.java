package org.stmagent.stress;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.openjdk.jcstress.infra.results.J_Result;
import org.stmagent.annotations.Atomic;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

/**
 * A region that updates several locations is seen whole or not at all by another region: fields of
 * every kind, statics, array elements of every kind, and long/double values never torn.
 */
public class Isolation {
    private Isolation() {
    }

    /** Nine instance fields, one of each kind; the reader counts how many hold the new value. */
    @JCStressTest
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "all old")
    @Outcome(id = "9", expect = ACCEPTABLE, desc = "all new")
    @Outcome(expect = FORBIDDEN, desc = "partial update seen")
    @State
    public static class Fields {
        static final Object NEW = new Object();
        byte b;
        short s;
        char c;
        int i;
        long l;
        float f;
        double d;
        boolean z;
        Object o;

        @Actor
        public synchronized void writer() {
            b = 1;
            s = 1;
            c = 1;
            i = 1;
            l = 1L;
            f = 1f;
            d = 1d;
            z = true;
            o = NEW;
        }

        @Actor
        public synchronized void reader(I_Result r) {
            int n = 0;
            n += b == 1 ? 1 : 0;
            n += s == 1 ? 1 : 0;
            n += c == 1 ? 1 : 0;
            n += i == 1 ? 1 : 0;
            n += l == 1L ? 1 : 0;
            n += f == 1f ? 1 : 0;
            n += d == 1d ? 1 : 0;
            n += z ? 1 : 0;
            n += o == NEW ? 1 : 0;
            r.r1 = n;
        }
    }

    /**
     * Static fields of every kind, all derived from one counter that every writer advances in one
     * {@code @Atomic} method; a reader checks they agree. Statics are shared by all states, so
     * writers race with writers too.
     */
    @JCStressTest
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "statics agree")
    @Outcome(id = "0", expect = FORBIDDEN, desc = "statics from different updates seen")
    @State
    public static class Statics {
        static long master;
        static byte b;
        static short s;
        static char c;
        static int i;
        static float f;
        static double d;
        static boolean z;
        static Long boxed = 0L;

        @Atomic
        static void advance() {
            long m = master + 1;
            b = (byte) m;
            s = (short) m;
            c = (char) m;
            i = (int) m;
            f = (float) (m & 0xFFFF);
            d = (double) m;
            z = (m & 1) == 1;
            boxed = m;
            master = m;
        }

        @Atomic
        static int agree() {
            long m = master;
            boolean ok = b == (byte) m && s == (short) m && c == (char) m && i == (int) m
                    && f == (float) (m & 0xFFFF) && d == (double) m && z == ((m & 1) == 1)
                    && boxed == m;
            return ok ? 1 : 0;
        }

        @Actor
        public void writer() {
            advance();
        }

        @Actor
        public void reader(I_Result r) {
            r.r1 = agree();
        }
    }

    /** Two elements of an array of each kind; the reader counts the elements holding the new value. */
    @JCStressTest
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "all old")
    @Outcome(id = "18", expect = ACCEPTABLE, desc = "all new")
    @Outcome(expect = FORBIDDEN, desc = "partial update seen")
    @State
    public static class ArrayElements {
        static final Object NEW = new Object();
        final byte[] b = new byte[2];
        final short[] s = new short[2];
        final char[] c = new char[2];
        final int[] i = new int[2];
        final long[] l = new long[2];
        final float[] f = new float[2];
        final double[] d = new double[2];
        final boolean[] z = new boolean[2];
        final Object[] o = new Object[2];

        @Actor
        public synchronized void writer() {
            for (int k = 0; k < 2; k++) {
                b[k] = 1;
                s[k] = 1;
                c[k] = 1;
                i[k] = 1;
                l[k] = 1L;
                f[k] = 1f;
                d[k] = 1d;
                z[k] = true;
                o[k] = NEW;
            }
        }

        @Actor
        public synchronized void reader(I_Result r) {
            int n = 0;
            for (int k = 0; k < 2; k++) {
                n += b[k] == 1 ? 1 : 0;
                n += s[k] == 1 ? 1 : 0;
                n += c[k] == 1 ? 1 : 0;
                n += i[k] == 1 ? 1 : 0;
                n += l[k] == 1L ? 1 : 0;
                n += f[k] == 1f ? 1 : 0;
                n += d[k] == 1d ? 1 : 0;
                n += z[k] ? 1 : 0;
                n += o[k] == NEW ? 1 : 0;
            }
            r.r1 = n;
        }
    }

    /** A long field, a double field and elements of long[] and double[] are never torn. */
    @JCStressTest
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "all old")
    @Outcome(id = "15", expect = ACCEPTABLE, desc = "all new")
    @Outcome(expect = FORBIDDEN, desc = "torn or partial")
    @State
    public static class LongDoubleNotTorn {
        static final long NEW = 0xFFFF_FFFF_FFFF_FFFFL;
        static final double NEW_D = Double.longBitsToDouble(0x7FEF_FFFF_FFFF_FFFFL);
        long l;
        double d;
        final long[] la = new long[1];
        final double[] da = new double[1];

        @Atomic
        void write() {
            l = NEW;
            d = NEW_D;
            la[0] = NEW;
            da[0] = NEW_D;
        }

        @Atomic
        int read() {
            // bit 0 per location: holds the new value; anything but 0 or NEW_x is torn (bit 4)
            int n = 0;
            long a = l;
            long b = Double.doubleToRawLongBits(d);
            long c = la[0];
            long e = Double.doubleToRawLongBits(da[0]);
            n |= a == NEW ? 1 : a == 0 ? 0 : 16;
            n |= b == 0x7FEF_FFFF_FFFF_FFFFL ? 2 : b == 0 ? 0 : 16;
            n |= c == NEW ? 4 : c == 0 ? 0 : 16;
            n |= e == 0x7FEF_FFFF_FFFF_FFFFL ? 8 : e == 0 ? 0 : 16;
            return n;
        }

        @Actor
        public void writer() {
            write();
        }

        @Actor
        public void reader(I_Result r) {
            r.r1 = read();
        }
    }

    /** A long counter advanced by +1 and read inside regions is never torn (high and low halves). */
    @JCStressTest
    @Outcome(id = "0", expect = ACCEPTABLE, desc = "old")
    @Outcome(id = "-1", expect = ACCEPTABLE, desc = "new")
    @Outcome(expect = FORBIDDEN, desc = "torn")
    @State
    public static class LongFieldSynchronized {
        long v;

        @Actor
        public synchronized void writer() {
            v = -1L;
        }

        @Actor
        public synchronized void reader(J_Result r) {
            r.r1 = v;
        }
    }
}
