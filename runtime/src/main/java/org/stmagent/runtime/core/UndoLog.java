package org.stmagent.runtime.core;

import java.util.Arrays;

/**
 * The values an inevitable transaction overwrote in place, kept only for a transaction that must be
 * able to roll back even after going inevitable (an {@code @Atomic} method with
 * {@code rollbackOnException}). It still holds every orec involved when it restores them, so no
 * other transaction ever saw the values undone.
 */
final class UndoLog {
    private Object[] holder = new Object[16];
    private long[] offset = new long[16];
    private byte[] kind = new byte[16];
    private long[] bits = new long[16];
    private Object[] reference = new Object[16];
    private int size;

    /** Saves what a location holds now, before it is written in place. */
    void save(Object target, long targetOffset, byte targetKind) {
        int n = size;
        if (n == holder.length) {
            grow();
        }
        holder[n] = target;
        offset[n] = targetOffset;
        kind[n] = targetKind;
        if (targetKind == Kind.REFERENCE) {
            reference[n] = Kind.loadReference(target, targetOffset);
        } else {
            bits[n] = Kind.loadBits(target, targetOffset, targetKind);
        }
        size = n + 1;
    }

    /** Puts every saved value back, newest first, so a location written twice gets its oldest value. */
    void restore() {
        for (int i = size - 1; i >= 0; i--) {
            if (kind[i] == Kind.REFERENCE) {
                Kind.storeReference(holder[i], offset[i], reference[i]);
            } else {
                Kind.storeBits(holder[i], offset[i], kind[i], bits[i]);
            }
        }
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(holder, 0, size, null);
            Arrays.fill(reference, 0, size, null);
            size = 0;
        }
    }

    private void grow() {
        int n = holder.length * 2;
        holder = Arrays.copyOf(holder, n);
        offset = Arrays.copyOf(offset, n);
        kind = Arrays.copyOf(kind, n);
        bits = Arrays.copyOf(bits, n);
        reference = Arrays.copyOf(reference, n);
    }
}
