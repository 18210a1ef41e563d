package org.stmagent.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

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
            assertEquals(0, Barriers.loadByte(a, 0, s));
            assertEquals(1, Barriers.loadByte(a, 1, s));
            Barriers.storeByte(a, 0, (byte) 1, s);
            Barriers.storeByte(a, 1, (byte) 0, s);
            assertEquals(1, Barriers.loadByte(a, 0, s));
            assertEquals(0, Barriers.loadByte(a, 1, s));
        });

        assertArrayEquals(new boolean[] {true, false, false}, a);
    }

    @Test
    void booleanArraysStoreOnlyTheLowestBit() {
        boolean[] a = new boolean[4];

        inTransaction(s -> {
            Barriers.storeByte(a, 0, (byte) 2, s);
            Barriers.storeByte(a, 1, (byte) 3, s);
            Barriers.storeByte(a, 2, (byte) -1, s);
            Barriers.storeByte(a, 3, (byte) 0xFE, s);
            assertEquals(0, Barriers.loadByte(a, 0, s));
            assertEquals(1, Barriers.loadByte(a, 1, s));
            assertEquals(1, Barriers.loadByte(a, 2, s));
            assertEquals(0, Barriers.loadByte(a, 3, s));
        });

        assertArrayEquals(new boolean[] {false, true, true, false}, a);
    }

    @Test
    void byteArrays() {
        byte[] a = {1, 2, 3, 4, 5, 6, 7, 8, 9};

        inTransaction(s -> {
            assertEquals(3, Barriers.loadByte(a, 2, s));
            Barriers.storeByte(a, 2, (byte) -3, s);
            Barriers.storeByte(a, 3, (byte) 127, s);
            Barriers.storeByte(a, 8, (byte) -128, s);
            assertEquals(-3, Barriers.loadByte(a, 2, s));
            assertEquals(127, Barriers.loadByte(a, 3, s));
            assertEquals(2, Barriers.loadByte(a, 1, s), "a neighbour in the same word is untouched");
        });

        assertArrayEquals(new byte[] {1, 2, -3, 127, 5, 6, 7, 8, -128}, a);
    }

    @Test
    void charArrays() {
        char[] a = {'a', 'b', 'c', 'd', 'e'};

        inTransaction(s -> {
            assertEquals('b', Barriers.loadChar(a, 1, s));
            Barriers.storeChar(a, 1, '\uffff', s);
            Barriers.storeChar(a, 4, 'z', s);
            assertEquals('\uffff', Barriers.loadChar(a, 1, s));
            assertEquals('z', Barriers.loadChar(a, 4, s));
        });

        assertArrayEquals(new char[] {'a', '\uffff', 'c', 'd', 'z'}, a);
    }

    @Test
    void shortArrays() {
        short[] a = {10, 20, 30, 40, 50};

        inTransaction(s -> {
            assertEquals(30, Barriers.loadShort(a, 2, s));
            Barriers.storeShort(a, 2, Short.MIN_VALUE, s);
            Barriers.storeShort(a, 3, Short.MAX_VALUE, s);
            assertEquals(Short.MIN_VALUE, Barriers.loadShort(a, 2, s));
            assertEquals(Short.MAX_VALUE, Barriers.loadShort(a, 3, s));
        });

        assertArrayEquals(new short[] {10, 20, Short.MIN_VALUE, Short.MAX_VALUE, 50}, a);
    }

    @Test
    void intArrays() {
        int[] a = {1, 2, 3};

        inTransaction(s -> {
            assertEquals(2, Barriers.loadInt(a, 1, s));
            Barriers.storeInt(a, 0, Integer.MIN_VALUE, s);
            Barriers.storeInt(a, 1, -1, s);
            assertEquals(Integer.MIN_VALUE, Barriers.loadInt(a, 0, s));
            assertEquals(-1, Barriers.loadInt(a, 1, s));
            assertEquals(3, Barriers.loadInt(a, 2, s));
        });

        assertArrayEquals(new int[] {Integer.MIN_VALUE, -1, 3}, a);
    }

    @Test
    void longArrays() {
        long[] a = {1, 2, 3};

        inTransaction(s -> {
            assertEquals(3, Barriers.loadLong(a, 2, s));
            Barriers.storeLong(a, 2, Long.MIN_VALUE, s);
            Barriers.storeLong(a, 0, -1L, s);
            assertEquals(Long.MIN_VALUE, Barriers.loadLong(a, 2, s));
            assertEquals(-1L, Barriers.loadLong(a, 0, s));
        });

        assertArrayEquals(new long[] {-1L, 2, Long.MIN_VALUE}, a);
    }

    @Test
    void floatArrays() {
        float[] a = {1.5f, 2.5f, 3.5f};

        inTransaction(s -> {
            assertEquals(2.5f, Barriers.loadFloat(a, 1, s));
            Barriers.storeFloat(a, 1, Float.NaN, s);
            Barriers.storeFloat(a, 2, -0.0f, s);
            assertEquals(Float.NaN, Barriers.loadFloat(a, 1, s));
            assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(Barriers.loadFloat(a, 2, s)));
        });

        assertEquals(1.5f, a[0]);
        assertEquals(Float.NaN, a[1]);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(a[2]));
    }

    @Test
    void doubleArrays() {
        double[] a = {1.25, 2.25};

        inTransaction(s -> {
            assertEquals(1.25, Barriers.loadDouble(a, 0, s));
            Barriers.storeDouble(a, 0, Double.MAX_VALUE, s);
            Barriers.storeDouble(a, 1, Double.NEGATIVE_INFINITY, s);
            assertEquals(Double.MAX_VALUE, Barriers.loadDouble(a, 0, s));
            assertEquals(Double.NEGATIVE_INFINITY, Barriers.loadDouble(a, 1, s));
        });

        assertArrayEquals(new double[] {Double.MAX_VALUE, Double.NEGATIVE_INFINITY}, a);
    }

    @Test
    void referenceArrays() {
        Object first = new Object();
        Object replacement = new Object();
        Object[] a = {first, null, "x"};

        inTransaction(s -> {
            assertSame(first, Barriers.loadRef(a, 0, s));
            assertNull(Barriers.loadRef(a, 1, s));
            Barriers.storeRef(a, 0, null, s);
            Barriers.storeRef(a, 1, replacement, s);
            assertNull(Barriers.loadRef(a, 0, s));
            assertSame(replacement, Barriers.loadRef(a, 1, s));
        });

        assertNull(a[0]);
        assertSame(replacement, a[1]);
        assertEquals("x", a[2]);
    }

    @Test
    void referenceArraysOfASubtypeAcceptItsInstancesAndNull() {
        Number[] numbers = new Integer[2];

        inTransaction(s -> {
            Barriers.storeRef(numbers, 0, 42, s);
            Barriers.storeRef(numbers, 1, null, s);
        });

        assertEquals(42, numbers[0]);
        assertNull(numbers[1]);
    }

    @Test
    void storingAWrongTypeThrowsArrayStoreExceptionAndLeavesTheArrayAlone() {
        Object[] strings = new String[] {"kept"};

        assertThrows(ArrayStoreException.class, () -> inTransaction(s -> Barriers.storeRef(strings, 0, 1, s)));
        assertThrows(ArrayStoreException.class,
                () -> inTransaction(s -> Barriers.storeRef(new Integer[1], 0, "not an Integer", s)));

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
            assertOutOfBounds(s -> Barriers.loadByte(z, bad, s));
            assertOutOfBounds(s -> Barriers.storeByte(z, bad, (byte) 1, s));
            assertOutOfBounds(s -> Barriers.loadByte(b, bad, s));
            assertOutOfBounds(s -> Barriers.storeByte(b, bad, (byte) 1, s));
            assertOutOfBounds(s -> Barriers.loadChar(c, bad, s));
            assertOutOfBounds(s -> Barriers.storeChar(c, bad, 'x', s));
            assertOutOfBounds(s -> Barriers.loadShort(sh, bad, s));
            assertOutOfBounds(s -> Barriers.storeShort(sh, bad, (short) 1, s));
            assertOutOfBounds(s -> Barriers.loadInt(i, bad, s));
            assertOutOfBounds(s -> Barriers.storeInt(i, bad, 1, s));
            assertOutOfBounds(s -> Barriers.loadLong(j, bad, s));
            assertOutOfBounds(s -> Barriers.storeLong(j, bad, 1L, s));
            assertOutOfBounds(s -> Barriers.loadFloat(f, bad, s));
            assertOutOfBounds(s -> Barriers.storeFloat(f, bad, 1f, s));
            assertOutOfBounds(s -> Barriers.loadDouble(d, bad, s));
            assertOutOfBounds(s -> Barriers.storeDouble(d, bad, 1d, s));
            assertOutOfBounds(s -> Barriers.loadRef(r, bad, s));
            assertOutOfBounds(s -> Barriers.storeRef(r, bad, "x", s));
        }

        assertArrayEquals(new boolean[2], z);
        assertArrayEquals(new byte[2], b);
        assertArrayEquals(new long[2], j);
        assertArrayEquals(new Object[2], r);
    }

    @Test
    void aNullArrayThrowsNullPointerException() {
        assertThrows(NullPointerException.class, () -> inTransaction(s -> Barriers.loadLong(null, 0, s)));
        assertThrows(NullPointerException.class, () -> inTransaction(s -> Barriers.storeInt(null, 0, 1, s)));
        assertThrows(NullPointerException.class, () -> inTransaction(s -> Barriers.loadByte(null, 0, s)));
        assertThrows(NullPointerException.class, () -> inTransaction(s -> Barriers.storeRef(null, 0, "x", s)));
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
                    Barriers.storeByte(bytes, t, (byte) (Barriers.loadByte(bytes, t, s) + 1), s);
                    Barriers.storeShort(shorts, t, (short) (Barriers.loadShort(shorts, t, s) + 1), s);
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
