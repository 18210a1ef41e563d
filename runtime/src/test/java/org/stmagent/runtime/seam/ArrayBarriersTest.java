package org.stmagent.runtime.seam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.core.Workers;
import org.stmagent.runtime.stats.Sites;

/** The array element barriers of every kind, and the JVM's exceptions, in one thread. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArrayBarriersTest {

    /** Runs {@code body} in a transaction with its segment. */
    private static void inTransaction(Consumer<Segment> body) {
        Stm.atomic(() -> body.accept(Barriers.current()));
    }

    @Test
    void booleanArraysReadAndWriteThroughTheByteBarriers() {
        boolean[] a = {false, true, false};

        inTransaction(s -> {
            assertEquals(0, Barriers.loadByte(a, 0, s, Sites.UNKNOWN));
            assertEquals(1, Barriers.loadByte(a, 1, s, Sites.UNKNOWN));
            Barriers.storeByte(a, 0, (byte) 1, s, Sites.UNKNOWN);
            Barriers.storeByte(a, 1, (byte) 0, s, Sites.UNKNOWN);
            assertEquals(1, Barriers.loadByte(a, 0, s, Sites.UNKNOWN));
            assertEquals(0, Barriers.loadByte(a, 1, s, Sites.UNKNOWN));
        });

        assertArrayEquals(new boolean[] {true, false, false}, a);
    }

    @Test
    void booleanArraysStoreOnlyTheLowestBit() {
        boolean[] a = new boolean[4];

        inTransaction(s -> {
            Barriers.storeByte(a, 0, (byte) 2, s, Sites.UNKNOWN);
            Barriers.storeByte(a, 1, (byte) 3, s, Sites.UNKNOWN);
            Barriers.storeByte(a, 2, (byte) -1, s, Sites.UNKNOWN);
            Barriers.storeByte(a, 3, (byte) 0xFE, s, Sites.UNKNOWN);
            assertEquals(0, Barriers.loadByte(a, 0, s, Sites.UNKNOWN));
            assertEquals(1, Barriers.loadByte(a, 1, s, Sites.UNKNOWN));
            assertEquals(1, Barriers.loadByte(a, 2, s, Sites.UNKNOWN));
            assertEquals(0, Barriers.loadByte(a, 3, s, Sites.UNKNOWN));
        });

        assertArrayEquals(new boolean[] {false, true, true, false}, a);
    }

    @Test
    void byteArrays() {
        byte[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};

        inTransaction(s -> {
            assertEquals(3, Barriers.loadByte(a, 2, s, Sites.UNKNOWN));
            Barriers.storeByte(a, 2, (byte) -3, s, Sites.UNKNOWN);
            Barriers.storeByte(a, 3, (byte) 127, s, Sites.UNKNOWN);
            Barriers.storeByte(a, 8, (byte) -128, s, Sites.UNKNOWN);
            assertEquals(-3, Barriers.loadByte(a, 2, s, Sites.UNKNOWN));
            assertEquals(127, Barriers.loadByte(a, 3, s, Sites.UNKNOWN));
            assertEquals(2, Barriers.loadByte(a, 1, s, Sites.UNKNOWN), "a neighbour in the same word is untouched");
        });

        assertArrayEquals(new byte[] {1, 2, -3, 127, 5, 6, 7, 8, -128}, a);
    }

    @Test
    void charArrays() {
        char[] a = {'a', 'b', 'c', 'd', 'e'};

        inTransaction(s -> {
            assertEquals('b', Barriers.loadChar(a, 1, s, Sites.UNKNOWN));
            Barriers.storeChar(a, 1, '\uffff', s, Sites.UNKNOWN);
            Barriers.storeChar(a, 4, 'z', s, Sites.UNKNOWN);
            assertEquals('\uffff', Barriers.loadChar(a, 1, s, Sites.UNKNOWN));
            assertEquals('z', Barriers.loadChar(a, 4, s, Sites.UNKNOWN));
        });

        assertArrayEquals(new char[] {'a', '\uffff', 'c', 'd', 'z'}, a);
    }

    @Test
    void shortArrays() {
        short[] a = {10, 20, 30, 40, 50};

        inTransaction(s -> {
            assertEquals(30, Barriers.loadShort(a, 2, s, Sites.UNKNOWN));
            Barriers.storeShort(a, 2, Short.MIN_VALUE, s, Sites.UNKNOWN);
            Barriers.storeShort(a, 3, Short.MAX_VALUE, s, Sites.UNKNOWN);
            assertEquals(Short.MIN_VALUE, Barriers.loadShort(a, 2, s, Sites.UNKNOWN));
            assertEquals(Short.MAX_VALUE, Barriers.loadShort(a, 3, s, Sites.UNKNOWN));
        });

        assertArrayEquals(new short[] {10, 20, Short.MIN_VALUE, Short.MAX_VALUE, 50}, a);
    }

    @Test
    void intArrays() {
        int[] a = {1, 2, 3};

        inTransaction(s -> {
            assertEquals(2, Barriers.loadInt(a, 1, s, Sites.UNKNOWN));
            Barriers.storeInt(a, 0, Integer.MIN_VALUE, s, Sites.UNKNOWN);
            Barriers.storeInt(a, 1, -1, s, Sites.UNKNOWN);
            assertEquals(Integer.MIN_VALUE, Barriers.loadInt(a, 0, s, Sites.UNKNOWN));
            assertEquals(-1, Barriers.loadInt(a, 1, s, Sites.UNKNOWN));
            assertEquals(3, Barriers.loadInt(a, 2, s, Sites.UNKNOWN));
        });

        assertArrayEquals(new int[] {Integer.MIN_VALUE, -1, 3}, a);
    }

    @Test
    void longArrays() {
        long[] a = {1, 2, 3};

        inTransaction(s -> {
            assertEquals(3, Barriers.loadLong(a, 2, s, Sites.UNKNOWN));
            Barriers.storeLong(a, 2, Long.MIN_VALUE, s, Sites.UNKNOWN);
            Barriers.storeLong(a, 0, -1L, s, Sites.UNKNOWN);
            assertEquals(Long.MIN_VALUE, Barriers.loadLong(a, 2, s, Sites.UNKNOWN));
            assertEquals(-1L, Barriers.loadLong(a, 0, s, Sites.UNKNOWN));
        });

        assertArrayEquals(new long[] {-1L, 2, Long.MIN_VALUE}, a);
    }

    @Test
    void floatArrays() {
        float[] a = {1.5f, 2.5f, 3.5f};

        inTransaction(s -> {
            assertEquals(2.5f, Barriers.loadFloat(a, 1, s, Sites.UNKNOWN));
            Barriers.storeFloat(a, 1, Float.NaN, s, Sites.UNKNOWN);
            Barriers.storeFloat(a, 2, -0.0f, s, Sites.UNKNOWN);
            assertEquals(Float.NaN, Barriers.loadFloat(a, 1, s, Sites.UNKNOWN));
            assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(Barriers.loadFloat(a, 2, s, Sites.UNKNOWN)));
        });

        assertEquals(1.5f, a[0]);
        assertEquals(Float.NaN, a[1]);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(a[2]));
    }

    @Test
    void doubleArrays() {
        double[] a = {1.25, 2.25};

        inTransaction(s -> {
            assertEquals(1.25, Barriers.loadDouble(a, 0, s, Sites.UNKNOWN));
            Barriers.storeDouble(a, 0, Double.MAX_VALUE, s, Sites.UNKNOWN);
            Barriers.storeDouble(a, 1, Double.NEGATIVE_INFINITY, s, Sites.UNKNOWN);
            assertEquals(Double.MAX_VALUE, Barriers.loadDouble(a, 0, s, Sites.UNKNOWN));
            assertEquals(Double.NEGATIVE_INFINITY, Barriers.loadDouble(a, 1, s, Sites.UNKNOWN));
        });

        assertArrayEquals(new double[] {Double.MAX_VALUE, Double.NEGATIVE_INFINITY}, a);
    }

    @Test
    void referenceArrays() {
        Object first = new Object();
        Object replacement = new Object();
        Object[] a = {first, null, "x"};

        inTransaction(s -> {
            assertSame(first, Barriers.loadRef(a, 0, s, Sites.UNKNOWN));
            assertNull(Barriers.loadRef(a, 1, s, Sites.UNKNOWN));
            Barriers.storeRef(a, 0, null, s, Sites.UNKNOWN);
            Barriers.storeRef(a, 1, replacement, s, Sites.UNKNOWN);
            assertNull(Barriers.loadRef(a, 0, s, Sites.UNKNOWN));
            assertSame(replacement, Barriers.loadRef(a, 1, s, Sites.UNKNOWN));
        });

        assertNull(a[0]);
        assertSame(replacement, a[1]);
        assertEquals("x", a[2]);
    }

    @Test
    void referenceArraysOfASubtypeAcceptItsInstancesAndNull() {
        Number[] numbers = new Integer[2];

        inTransaction(s -> {
            Barriers.storeRef(numbers, 0, 42, s, Sites.UNKNOWN);
            Barriers.storeRef(numbers, 1, null, s, Sites.UNKNOWN);
        });

        assertEquals(42, numbers[0]);
        assertNull(numbers[1]);
    }

    @Test
    void storingAWrongTypeThrowsArrayStoreExceptionAndLeavesTheArrayAlone() {
        Object[] strings = new String[] {"kept"};

        assertThrows(ArrayStoreException.class, () -> inTransaction(s -> Barriers.storeRef(strings, 0, 1, s, Sites.UNKNOWN)));
        assertThrows(ArrayStoreException.class,
                () -> inTransaction(s -> Barriers.storeRef(new Integer[1], 0, "not an Integer", s, Sites.UNKNOWN)));

        assertEquals("kept", strings[0]);
    }

    @Test
    void everyLoadAndStoreChecksItsIndex() {
        boolean[] z = new boolean[2];
        byte[] b = new byte[2];
        char[] c = new char[2];
        short[] sh = new short[2];
        int[] i = new int[2];
        long[] j = new long[2];
        float[] f = new float[2];
        double[] d = new double[2];
        Object[] r = new Object[2];

        for (int bad : new int[] {-1, 2, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            assertOutOfBounds(s -> Barriers.loadByte(z, bad, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.storeByte(z, bad, (byte) 1, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.loadByte(b, bad, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.storeByte(b, bad, (byte) 1, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.loadChar(c, bad, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.storeChar(c, bad, 'x', s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.loadShort(sh, bad, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.storeShort(sh, bad, (short) 1, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.loadInt(i, bad, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.storeInt(i, bad, 1, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.loadLong(j, bad, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.storeLong(j, bad, 1L, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.loadFloat(f, bad, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.storeFloat(f, bad, 1f, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.loadDouble(d, bad, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.storeDouble(d, bad, 1d, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.loadRef(r, bad, s, Sites.UNKNOWN));
            assertOutOfBounds(s -> Barriers.storeRef(r, bad, "x", s, Sites.UNKNOWN));
        }

        assertArrayEquals(new boolean[2], z);
        assertArrayEquals(new byte[2], b);
        assertArrayEquals(new long[2], j);
        assertArrayEquals(new Object[2], r);
    }

    @Test
    void aNullArrayThrowsNullPointerException() {
        assertThrows(NullPointerException.class, () -> inTransaction(s -> Barriers.loadLong(null, 0, s, Sites.UNKNOWN)));
        assertThrows(NullPointerException.class, () -> inTransaction(s -> Barriers.storeInt(null, 0, 1, s, Sites.UNKNOWN)));
        assertThrows(NullPointerException.class, () -> inTransaction(s -> Barriers.loadByte(null, 0, s, Sites.UNKNOWN)));
        assertThrows(NullPointerException.class, () -> inTransaction(s -> Barriers.storeRef(null, 0, "x", s, Sites.UNKNOWN)));
    }

    @Test
    void adjacentSmallElementsWrittenByConcurrentTransactionsKeepEveryWrite() {
        byte[] bytes = new byte[8];
        short[] shorts = new short[4];
        int rounds = 20_000;

        Workers workers = new Workers("adjacent-elements");
        workers.add(4, t -> () -> {
            for (int n = 0; n < rounds; n++) {
                inTransaction(s -> {
                    Barriers.storeByte(bytes, t, (byte) (Barriers.loadByte(bytes, t, s, Sites.UNKNOWN) + 1), s, Sites.UNKNOWN);
                    Barriers.storeShort(shorts, t, (short) (Barriers.loadShort(shorts, t, s, Sites.UNKNOWN) + 1), s, Sites.UNKNOWN);
                });
            }
        });
        workers.run(50);

        for (int t = 0; t < 4; t++) {
            assertEquals((byte) rounds, bytes[t], "byte " + t);
            assertEquals((short) rounds, shorts[t], "short " + t);
        }
        for (int t = 4; t < 8; t++) {
            assertEquals(0, bytes[t], "untouched byte " + t);
        }
    }

    private static void assertOutOfBounds(Consumer<Segment> access) {
        Executable executable = () -> inTransaction(access);
        assertThrows(ArrayIndexOutOfBoundsException.class, executable);
    }
}
