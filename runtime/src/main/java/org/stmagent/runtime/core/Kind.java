package org.stmagent.runtime.core;

import org.agrona.UnsafeApi;

/** The nine kinds of transactional location, and raw memory access by kind for write-back. */
public final class Kind {
    public static final byte BOOLEAN = 0;
    public static final byte BYTE = 1;
    public static final byte CHAR = 2;
    public static final byte SHORT = 3;
    public static final byte INT = 4;
    public static final byte LONG = 5;
    public static final byte FLOAT = 6;
    public static final byte DOUBLE = 7;
    public static final byte REFERENCE = 8;

    private Kind() {
    }

    /** The kind of a field of {@code type}. */
    public static byte of(Class<?> type) {
        if (!type.isPrimitive()) {
            return REFERENCE;
        }
        if (type == int.class) {
            return INT;
        }
        if (type == long.class) {
            return LONG;
        }
        if (type == boolean.class) {
            return BOOLEAN;
        }
        if (type == byte.class) {
            return BYTE;
        }
        if (type == char.class) {
            return CHAR;
        }
        if (type == short.class) {
            return SHORT;
        }
        return type == float.class ? FLOAT : DOUBLE;
    }

    /** Reads a primitive location as raw bits (floats and doubles as their raw bit patterns). */
    static long loadBits(Object holder, long offset, byte kind) {
        switch (kind) {
            case BOOLEAN: return UnsafeApi.getBoolean(holder, offset) ? 1 : 0;
            case BYTE: return UnsafeApi.getByte(holder, offset);
            case CHAR: return UnsafeApi.getChar(holder, offset);
            case SHORT: return UnsafeApi.getShort(holder, offset);
            case INT: return UnsafeApi.getInt(holder, offset);
            case LONG: return UnsafeApi.getLongVolatile(holder, offset);
            case FLOAT: return Float.floatToRawIntBits(UnsafeApi.getFloat(holder, offset));
            case DOUBLE: return Double.doubleToRawLongBits(UnsafeApi.getDoubleVolatile(holder, offset));
            default: throw new IllegalArgumentException("not a primitive kind: " + kind);
        }
    }

    /** Stores raw bits with release ordering; 64-bit values are written whole, never torn. */
    public static void storeBits(Object holder, long offset, byte kind, long bits) {
        switch (kind) {
            case BOOLEAN: UnsafeApi.putBooleanRelease(holder, offset, bits != 0); break;
            case BYTE: UnsafeApi.putByteRelease(holder, offset, (byte) bits); break;
            case CHAR: UnsafeApi.putCharRelease(holder, offset, (char) bits); break;
            case SHORT: UnsafeApi.putShortRelease(holder, offset, (short) bits); break;
            case INT: UnsafeApi.putIntRelease(holder, offset, (int) bits); break;
            case LONG: UnsafeApi.putLongRelease(holder, offset, bits); break;
            case FLOAT: UnsafeApi.putFloatRelease(holder, offset, Float.intBitsToFloat((int) bits)); break;
            case DOUBLE: UnsafeApi.putDoubleRelease(holder, offset, Double.longBitsToDouble(bits)); break;
            default: throw new IllegalArgumentException("not a primitive kind: " + kind);
        }
    }

    static Object loadReference(Object holder, long offset) {
        return UnsafeApi.getReference(holder, offset);
    }

    public static void storeReference(Object holder, long offset, Object value) {
        UnsafeApi.putReferenceRelease(holder, offset, value);
    }
}
