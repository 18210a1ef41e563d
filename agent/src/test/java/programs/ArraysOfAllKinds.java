package programs;

import java.util.Arrays;

/**
 * Arrays of every element kind (boolean, byte, char, short, int, long, float, double, references,
 * multi-dimensional) changed inside synchronized: amounts move between elements, elements swap,
 * so every sum and count is conserved. Also clone, System.arraycopy (overlapping), Arrays.sort and
 * arrays created inside the region; long and double elements with odd bit patterns (negative zero,
 * subnormals, the extremes) are only swapped and sorted, so their raw bits must all survive.
 *
 * <p>{@code --no-locks} gives every block a fresh monitor: sums and counts then break.
 */
public final class ArraysOfAllKinds {
    private static final int N = 8;
    private static final int THREADS = 4;
    private static final int ROUNDS = 10_000;

    private static boolean locks = true;
    private static final long[] LONG_BITS = {Long.MIN_VALUE, -1L, 0x0123_4567_89AB_CDEFL, 0xFEDC_BA98_7654_3210L,
        1L, Long.MAX_VALUE, 0x8000_0000_0000_0001L, 0x5555_5555_AAAA_AAAAL};
    private static final long[] DOUBLE_BITS = {Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(Double.MIN_VALUE),
        Double.doubleToRawLongBits(-Double.MAX_VALUE), Double.doubleToRawLongBits(Double.MIN_NORMAL),
        Double.doubleToRawLongBits(1.0 / 3), Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY),
        0x000F_FFFF_FFFF_FFFFL, 0x8000_0000_0000_0007L};

    private final Object lock = new Object();
    private final long[] longBits = LONG_BITS.clone();
    private final double[] doubleBits = new double[N];
    private final boolean[] flags = new boolean[N];
    private final byte[] bytes = new byte[N];
    private final char[] chars = new char[N];
    private final short[] shorts = new short[N];
    private final int[] ints = new int[N];
    private final long[] longs = new long[N];
    private final float[] floats = new float[N];
    private final double[] doubles = new double[N];
    private final Integer[] boxes = new Integer[N];
    private final int[][] grid = new int[N][N];
    private final String[][] names = new String[2][N];
    private long[] rotating = new long[N];
    private long copies;

    ArraysOfAllKinds() {
        for (int i = 0; i < N; i++) {
            flags[i] = (i & 1) == 0;
            bytes[i] = 10;
            chars[i] = (char) ('a' + i);
            shorts[i] = 1000;
            ints[i] = 100_000;
            longs[i] = 1L << 40;
            floats[i] = 1000f;
            doubles[i] = 1e6;
            boxes[i] = i;
            for (int j = 0; j < N; j++) {
                grid[i][j] = 50;
            }
            names[0][i] = "n" + i;
            rotating[i] = i;
            doubleBits[i] = Double.longBitsToDouble(DOUBLE_BITS[i]);
        }
    }

    Object lock() {
        return locks ? lock : new Object();
    }

    void step(int a, int b, int amount) {
        synchronized (lock()) {
            boolean f = flags[a];
            flags[a] = flags[b];
            flags[b] = f;
            if (bytes[a] >= amount % 8) {
                bytes[a] -= (byte) (amount % 8);
                bytes[b] += (byte) (amount % 8);
            }
            char c = chars[a];
            chars[a] = chars[b];
            chars[b] = c;
            shorts[a] -= (short) amount;
            shorts[b] += (short) amount;
            ints[a] -= amount;
            ints[b] += amount;
            longs[a] -= (long) amount << 20;
            longs[b] += (long) amount << 20;
            floats[a] -= amount;
            floats[b] += amount;
            doubles[a] -= amount;
            doubles[b] += amount;
            Integer box = boxes[a];
            boxes[a] = boxes[b];
            boxes[b] = box;
            grid[a][b] -= amount;
            grid[b][a] += amount;
            String name = names[0][a];
            names[0][a] = names[0][b];
            names[0][b] = name;
            names[1][a] = name;
            long bits = longBits[a];
            longBits[a] = longBits[b];
            longBits[b] = bits;
            double odd = doubleBits[a];
            doubleBits[a] = doubleBits[b];
            doubleBits[b] = odd;
        }
    }

    /** Sorts shared arrays in place: the order changes, the set of values does not. */
    void sort() {
        synchronized (lock()) {
            Arrays.sort(longBits);
            Arrays.sort(boxes);
            Arrays.sort(doubleBits);
        }
    }

    void copyAndRotate() {
        synchronized (lock()) {
            int[] copy = ints.clone();
            long sum = 0;
            for (int v : copy) {
                sum += v;
            }
            Run.check(sum == (long) N * 100_000, "clone sum " + sum);
            double[] d = new double[N];
            System.arraycopy(doubles, 0, d, 0, N);
            double ds = 0;
            for (double v : d) {
                ds += v;
            }
            Run.check(ds == N * 1e6, "arraycopy sum " + ds);
            long first = rotating[0];
            System.arraycopy(rotating, 1, rotating, 0, N - 1);
            rotating[N - 1] = first;
            long[][] fresh = new long[2][N];
            fresh[1] = rotating.clone();
            rotating = fresh[1];
            copies++;
        }
    }

    void check() {
        synchronized (lock()) {
            checkBits();
            int trues = 0;
            long byteSum = 0;
            long charSum = 0;
            long shortSum = 0;
            long intSum = 0;
            long longSum = 0;
            float floatSum = 0;
            double doubleSum = 0;
            long boxSum = 0;
            long gridSum = 0;
            long rotSum = 0;
            for (int i = 0; i < N; i++) {
                trues += flags[i] ? 1 : 0;
                byteSum += bytes[i];
                charSum += chars[i];
                shortSum += shorts[i];
                intSum += ints[i];
                longSum += longs[i];
                floatSum += floats[i];
                doubleSum += doubles[i];
                boxSum += boxes[i];
                for (int j = 0; j < N; j++) {
                    gridSum += grid[i][j];
                }
                Run.check(names[0][i] != null && names[0][i].length() == 2, "name " + names[0][i]);
                rotSum += rotating[i];
            }
            Run.check(trues == N / 2, "trues " + trues);
            Run.check(byteSum == 10L * N, "bytes " + byteSum);
            Run.check(charSum == N * 'a' + N * (N - 1) / 2, "chars " + charSum);
            Run.check(shortSum == 1000L * N, "shorts " + shortSum);
            Run.check(intSum == 100_000L * N, "ints " + intSum);
            Run.check(longSum == (long) N << 40, "longs " + longSum);
            Run.check(floatSum == 1000f * N, "floats " + floatSum);
            Run.check(doubleSum == 1e6 * N, "doubles " + doubleSum);
            Run.check(boxSum == N * (N - 1) / 2, "boxes " + boxSum);
            Run.check(gridSum == 50L * N * N, "grid " + gridSum);
            Run.check(rotSum == N * (N - 1) / 2, "rotating " + rotSum);
        }
    }

    private void checkBits() {
        long[] longs = longBits.clone();
        long[] doubles = new long[N];
        for (int i = 0; i < N; i++) {
            doubles[i] = Double.doubleToRawLongBits(doubleBits[i]);
        }
        Run.check(sameSet(longs, LONG_BITS), "long bits " + Arrays.toString(longs));
        Run.check(sameSet(doubles, DOUBLE_BITS), "double bits " + Arrays.toString(doubles));
    }

    private static boolean sameSet(long[] seen, long[] expected) {
        long[] a = seen.clone();
        long[] b = expected.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        return Arrays.equals(a, b);
    }

    public static void main(String[] args) {
        locks = !(args.length > 0 && args[0].equals("--no-locks"));
        Run.startWatchdog();
        ArraysOfAllKinds p = new ArraysOfAllKinds();
        Run.threads(THREADS, t -> {
            int r = 0x5851F42D * (t + 1);
            for (int i = 0; i < ROUNDS; i++) {
                r = Run.next(r);
                int a = (r >>> 1) % N;
                r = Run.next(r);
                int b = (r >>> 1) % N;
                p.step(a, b, 1 + (r >>> 24) % 9);
                if (i % 16 == 0) {
                    p.copyAndRotate();
                    p.check();
                }
                if (i % 64 == 0) {
                    p.sort();
                }
            }
        });
        p.check();
        long expectedCopies = (long) THREADS * ((ROUNDS + 15) / 16);
        synchronized (p.lock()) {
            Run.check(p.copies == expectedCopies, "copies " + p.copies);
        }
        System.out.println("arrays: " + THREADS * ROUNDS + " steps, " + p.copies + " copies, sums ok");
    }
}
