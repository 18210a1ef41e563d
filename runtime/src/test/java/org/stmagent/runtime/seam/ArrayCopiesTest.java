package org.stmagent.runtime.seam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.stats.Sites;

/** {@code clone()} and {@code System.arraycopy} on arrays inside transactions. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ArrayCopiesTest {

    private static void inTransaction(Consumer<Segment> body) {
        Stm.atomic(() -> body.accept(Barriers.current()));
    }

    @Test
    void cloneSeesTheTransactionsOwnBufferedWrites() {
        int[] a = {1, 2, 3};
        int[][] copy = new int[1][];
        inTransaction(s -> {
            Barriers.storeInt(a, 1, 20, s, Sites.UNKNOWN);
            copy[0] = (int[]) Barriers.cloneArray(a, s, Sites.UNKNOWN);
        });
        assertNotSame(a, copy[0]);
        assertArrayEquals(new int[] {1, 20, 3}, copy[0]);
    }

    @Test
    void cloneKeepsTheComponentTypeOfEveryKind() {
        Object[] arrays = {new boolean[] {true, false}, new byte[] {1, 2}, new char[] {'a', 'b'},
            new short[] {3, 4}, new long[] {5, 6}, new float[] {1.5f}, new double[] {2.5}, new String[] {"x", null}};
        Object[] clones = new Object[arrays.length];
        inTransaction(s -> {
            for (int i = 0; i < arrays.length; i++) {
                clones[i] = Barriers.cloneArray(arrays[i], s, Sites.UNKNOWN);
            }
        });
        for (int i = 0; i < arrays.length; i++) {
            assertEquals(arrays[i].getClass(), clones[i].getClass());
            assertEquals(java.util.Arrays.deepToString(new Object[] {arrays[i]}),
                    java.util.Arrays.deepToString(new Object[] {clones[i]}));
        }
    }

    @Test
    void arraycopyCommitsTheCopiedRange() {
        long[] src = {1, 2, 3, 4};
        long[] dst = new long[6];
        inTransaction(s -> Barriers.arraycopy(src, 1, dst, 2, 3, s, Sites.UNKNOWN));
        assertArrayEquals(new long[] {0, 0, 2, 3, 4, 0}, dst);
    }

    @Test
    void overlappingCopiesWithinOneArrayBehaveAsThroughATemporary() {
        int[] forward = {1, 2, 3, 4, 5};
        int[] backward = {1, 2, 3, 4, 5};
        inTransaction(s -> {
            Barriers.arraycopy(forward, 0, forward, 1, 4, s, Sites.UNKNOWN);
            Barriers.arraycopy(backward, 1, backward, 0, 4, s, Sites.UNKNOWN);
        });
        assertArrayEquals(new int[] {1, 1, 2, 3, 4}, forward);
        assertArrayEquals(new int[] {2, 3, 4, 5, 5}, backward);
    }

    @Test
    void arraycopyThrowsWhatTheJdkThrows() {
        int[] ints = new int[3];
        inTransaction(s -> {
            assertThrows(NullPointerException.class, () -> Barriers.arraycopy(null, 0, ints, 0, 1, s, Sites.UNKNOWN));
            assertThrows(ArrayStoreException.class, () -> Barriers.arraycopy(new long[3], 0, ints, 0, 1, s, Sites.UNKNOWN));
            assertThrows(ArrayStoreException.class, () -> Barriers.arraycopy("not an array", 0, ints, 0, 1, s, Sites.UNKNOWN));
            assertThrows(ArrayIndexOutOfBoundsException.class, () -> Barriers.arraycopy(ints, 2, ints, 0, 2, s, Sites.UNKNOWN));
            assertThrows(ArrayIndexOutOfBoundsException.class, () -> Barriers.arraycopy(ints, 0, ints, 0, -1, s, Sites.UNKNOWN));
        });
    }

    @Test
    void referenceCopiesStopAtTheFirstElementOfTheWrongType() {
        Object[] src = {"a", "b", 3, "d"};
        String[] dst = new String[4];
        inTransaction(s -> assertThrows(ArrayStoreException.class, () -> Barriers.arraycopy(src, 0, dst, 0, 4, s, Sites.UNKNOWN)));
        assertArrayEquals(new String[] {"a", "b", null, null}, dst);
    }
}
