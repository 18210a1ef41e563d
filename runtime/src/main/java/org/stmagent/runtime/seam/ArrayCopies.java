package org.stmagent.runtime.seam;

import java.lang.reflect.Array;

import org.stmagent.runtime.core.Segment;

/**
 * {@code array.clone()} and {@code System.arraycopy} inside a transaction, element by element
 * through the barriers, with the JDK's exceptions. A clone is a new object of the transaction, so
 * it is recorded as allocated and filled without orecs.
 */
final class ArrayCopies {
    private ArrayCopies() {
    }

    static Object cloneArray(Object array, Segment s, int site) {
        int length = Array.getLength(array); // NullPointerException as clone() on null
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        s.recordAllocation(copy);
        copyElements(array, 0, copy, 0, length, s, site);
        return copy;
    }

    static void arraycopy(Object src, int srcPos, Object dst, int dstPos, int length, Segment s, int site) {
        // The JDK's own null and type checks: a zero-length copy validates both arrays.
        System.arraycopy(src, 0, dst, 0, 0);
        int srcLength = Array.getLength(src);
        int dstLength = Array.getLength(dst);
        if (srcPos < 0 || dstPos < 0 || length < 0
                || (long) srcPos + length > srcLength || (long) dstPos + length > dstLength) {
            throw new ArrayIndexOutOfBoundsException("arraycopy: range [" + srcPos + ", " + ((long) srcPos + length)
                    + ") of length " + srcLength + " to [" + dstPos + ", " + ((long) dstPos + length)
                    + ") of length " + dstLength + " is out of bounds");
        }
        if (src == dst && srcPos < dstPos) {
            for (int i = length - 1; i >= 0; i--) {
                copyElement(src, srcPos + i, dst, dstPos + i, s, site);
            }
        } else {
            copyElements(src, srcPos, dst, dstPos, length, s, site);
        }
    }

    private static void copyElements(Object src, int srcPos, Object dst, int dstPos, int length, Segment s, int site) {
        for (int i = 0; i < length; i++) {
            copyElement(src, srcPos + i, dst, dstPos + i, s, site);
        }
    }

    private static void copyElement(Object src, int from, Object dst, int to, Segment s, int site) {
        if (src instanceof Object[]) {
            Barriers.storeRef((Object[]) dst, to, Barriers.loadRef((Object[]) src, from, s, site), s, site);
        } else if (src instanceof int[]) {
            Barriers.storeInt((int[]) dst, to, Barriers.loadInt((int[]) src, from, s, site), s, site);
        } else if (src instanceof long[]) {
            Barriers.storeLong((long[]) dst, to, Barriers.loadLong((long[]) src, from, s, site), s, site);
        } else if (src instanceof byte[] || src instanceof boolean[]) {
            Barriers.storeByte(dst, to, Barriers.loadByte(src, from, s, site), s, site);
        } else if (src instanceof char[]) {
            Barriers.storeChar((char[]) dst, to, Barriers.loadChar((char[]) src, from, s, site), s, site);
        } else if (src instanceof short[]) {
            Barriers.storeShort((short[]) dst, to, Barriers.loadShort((short[]) src, from, s, site), s, site);
        } else if (src instanceof double[]) {
            Barriers.storeDouble((double[]) dst, to, Barriers.loadDouble((double[]) src, from, s, site), s, site);
        } else {
            Barriers.storeFloat((float[]) dst, to, Barriers.loadFloat((float[]) src, from, s, site), s, site);
        }
    }
}
