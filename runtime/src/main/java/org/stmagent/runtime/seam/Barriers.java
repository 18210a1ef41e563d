package org.stmagent.runtime.seam;

import org.agrona.UnsafeApi;
import org.stmagent.runtime.RetryLimitExceededException;
import org.stmagent.runtime.core.AdaptiveSites;
import org.stmagent.runtime.core.Kind;
import org.stmagent.runtime.core.MonitorConditions;
import org.stmagent.runtime.core.Orecs;
import org.stmagent.runtime.core.RunningThreads;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.core.ThreadContext;
import org.stmagent.runtime.core.TransactionAbort;

/**
 * The seam between rewritten bytecode and the STM: every method here is static, and its arguments
 * come in the order the replaced instruction leaves them on the operand stack, followed by the
 * {@link Segment} of the running transaction (which rewritten code carries in a local variable, so a
 * barrier never looks up a thread-local).
 *
 * <ul>
 *   <li>{@code readX(holder, offset, segment)} replaces GETFIELD/GETSTATIC; for a static field the
 *       holder is {@link FieldAddresses#staticFieldBase}.</li>
 *   <li>{@code writeX(holder, value, offset, segment)} replaces PUTFIELD/PUTSTATIC.</li>
 *   <li>{@code loadX(array, index, segment)} and {@code storeX(array, index, value, segment)} replace
 *       the array element instructions; {@code Byte} serves both {@code byte[]} and {@code boolean[]}
 *       as BALOAD/BASTORE do.</li>
 * </ul>
 *
 * Transaction control for rewritten atomic regions: {@link #current()}, {@link #begin()},
 * {@link #commit(Segment)}, {@link #afterThrowable(Segment, Throwable)}; monitors and
 * {@code wait}/{@code notify} inside transactions; {@link #becomeInevitable(Segment)} before
 * irrevocable calls; {@link #allocated(Object, Segment)} after a constructor returns.
 */
public final class Barriers {
    private static final long BYTE_BASE = UnsafeApi.arrayBaseOffset(byte[].class);
    private static final long BOOLEAN_BASE = UnsafeApi.arrayBaseOffset(boolean[].class);
    private static final long CHAR_BASE = UnsafeApi.arrayBaseOffset(char[].class);
    private static final long SHORT_BASE = UnsafeApi.arrayBaseOffset(short[].class);
    private static final long INT_BASE = UnsafeApi.arrayBaseOffset(int[].class);
    private static final long LONG_BASE = UnsafeApi.arrayBaseOffset(long[].class);
    private static final long FLOAT_BASE = UnsafeApi.arrayBaseOffset(float[].class);
    private static final long DOUBLE_BASE = UnsafeApi.arrayBaseOffset(double[].class);
    private static final long REF_BASE = UnsafeApi.arrayBaseOffset(Object[].class);
    private static final int REF_SHIFT = Integer.numberOfTrailingZeros(UnsafeApi.arrayIndexScale(Object[].class));

    private Barriers() {
    }

    // ---------------------------------------------------------------- transaction control

    /** The running transaction's segment on this thread, or {@code null} outside transactions. */
    public static Segment current() {
        if (!RunningThreads.mayBeRunning(Thread.currentThread())) {
            return null; // the common case outside transactions: no thread-local look-up
        }
        return ThreadContext.running();
    }

    /** Starts an outermost transaction on this thread (waits for a free segment if needed). */
    public static Segment begin() {
        return ThreadContext.descriptor().begin();
    }

    /**
     * Starts an outermost transaction for a {@code synchronized} block or method that has no plain
     * copy: like {@link #begin()}, but it stands for the monitor the region enters, as
     * {@link #beginUnlessPlain} does (the monitor's signal word keeps it apart from plain runs).
     */
    public static Segment beginRegion() {
        return ThreadContext.descriptor().beginRegion();
    }

    /**
     * Starts an outermost transaction for an {@code @Atomic} method with options: an attempt rolled
     * back after {@code retries} retries ends it with {@link RetryLimitExceededException}
     * ({@code Integer.MAX_VALUE}: never), and with {@code rollbackOnException} an exception leaving
     * it rolls it back instead of committing.
     */
    public static Segment beginAtomic(int retries, boolean rollbackOnException) {
        return ThreadContext.descriptor().begin(retries, rollbackOnException);
    }

    /**
     * A {@code synchronized} method of original code called outside transactions: begins its
     * transaction like {@link #begin()}, or returns null when the method is to run plainly, under
     * its real lock ({@link AdaptiveSites}); the caller then runs its original code and calls
     * {@link #endPlain()} on every way out.
     */
    public static Segment beginUnlessPlain(Object monitor, int site) {
        return ThreadContext.descriptor().beginUnlessPlain(monitor, site);
    }

    /**
     * A {@code monitorenter} in plain code (the original code a plain run executes), after the real
     * lock is taken: the monitor joins plain mode, so transactions keep away from it while the
     * thread is inside. Pair it with {@link #endPlain()} after the {@code monitorexit}.
     */
    public static void enterPlainMonitor(Object monitor, int site) {
        ThreadContext.descriptor().enterPlainMonitor(monitor, site);
    }

    /** The end of a plain run that {@link #beginUnlessPlain} or {@link #enterPlainMonitor} began. */
    public static void endPlain() {
        ThreadContext.descriptor().endPlain();
    }

    /**
     * After a rolled-back attempt of a transaction {@link #beginUnlessPlain} began: true, with the
     * transaction ended, when the method is to run plainly now (its monitor switched to plain mode).
     */
    public static boolean leaveForPlain(Segment segment) {
        return segment.leaveForPlain();
    }

    /**
     * Commits the transaction. Returns {@code true} when it committed (the segment is released);
     * {@code false} when it was rolled back and a new attempt has started: run the region again.
     */
    public static boolean commit(Segment segment) {
        return segment.commitOrRestart();
    }

    /**
     * Called with whatever a region's body threw. A {@link TransactionAbort} rolls the attempt back
     * and starts the next one (return, and run the region again). Any other throwable commits the
     * region's effects and is rethrown, as it would leave a monitor; if that commit fails, the
     * attempt restarts instead (return). A transaction begun with {@code rollbackOnException} is
     * rolled back instead, and the throwable rethrown.
     */
    public static void afterThrowable(Segment segment, Throwable thrown) {
        if (thrown instanceof TransactionAbort) {
            segment.restartAfter((TransactionAbort) thrown);
        } else if (segment.rollsBackOnException()) {
            segment.abandon();
            throw Sneaky.<RuntimeException>rethrow(thrown);
        } else if (segment.commitOrRestart()) {
            throw Sneaky.<RuntimeException>rethrow(thrown);
        }
    }

    /**
     * At the start of a class initialiser: detaches the thread's transaction, so the initialiser
     * runs outside it, as the JVM runs it once and for good. Pass the result to {@link #resume}
     * on every way out of the initialiser.
     */
    public static Segment suspend() {
        if (!RunningThreads.mayBeRunning(Thread.currentThread())) {
            return null;
        }
        return ThreadContext.suspend();
    }

    /** At the end of a class initialiser: reattaches what {@link #suspend()} detached (or nothing). */
    public static void resume(Segment suspended) {
        ThreadContext.resume(suspended);
    }

    /** Makes the transaction inevitable before an action that cannot be rolled back. */
    public static void becomeInevitable(Segment segment, int site) {
        segment.becomeInevitable(site);
    }

    /**
     * Before a call through a type that is not rewritten, whose receiver decides what runs (see
     * {@link ReceiverCalls}): makes the transaction inevitable unless the receiver's method is
     * rewritten or an immutable value's. {@code method} is the name followed by the descriptor.
     */
    public static void beforeCallOn(Object receiver, String method, Segment segment, int site) {
        if (!segment.readyForIrrevocableCalls() && ReceiverCalls.needsInevitability(receiver, method)) {
            segment.becomeInevitable(site);
        }
    }

    /** Before a read of a volatile field (see {@link Segment#beforeVolatileRead}). */
    public static void beforeVolatileRead(Segment segment, int site) {
        segment.beforeVolatileRead(site);
    }

    /** After a write to a volatile field: a monitor region publishes it (see {@link Segment#publishVolatileWrite}). */
    public static void afterVolatileWrite(Segment segment, int site) {
        segment.publishVolatileWrite(site);
    }

    /** Records an object the transaction just constructed: writes to it need no orec. */
    public static void allocated(Object object, Segment segment) {
        segment.recordAllocation(object);
    }

    // ---------------------------------------------------------------- monitors, wait and notify

    /** A converted MONITORENTER inside a transaction: records ownership for wait/notify. */
    public static void monitorEnter(Object monitor, Segment segment) {
        segment.monitors().enter(monitor);
        segment.readMonitorWord(monitor);
    }

    /** A converted MONITOREXIT inside a transaction. */
    public static void monitorExit(Object monitor, Segment segment) {
        segment.monitors().exit(monitor);
    }

    public static void waitOn(Object monitor, Segment segment) throws InterruptedException {
        MonitorConditions.await(monitor, 0L, 0, segment);
    }

    public static void waitOn(Object monitor, long millis, Segment segment) throws InterruptedException {
        MonitorConditions.await(monitor, millis, 0, segment);
    }

    public static void waitOn(Object monitor, long millis, int nanos, Segment segment) throws InterruptedException {
        MonitorConditions.await(monitor, millis, nanos, segment);
    }

    /**
     * {@code Thread.holdsLock} inside a transaction: true for a converted monitor the transaction
     * holds, as for a monitor the thread really holds.
     */
    public static boolean holdsLock(Object monitor, Segment segment) {
        if (monitor == null) {
            throw new NullPointerException();
        }
        return segment.monitors().holds(monitor) || Thread.holdsLock(monitor);
    }

    public static void notifyOn(Object monitor, Segment segment) {
        MonitorConditions.notify(monitor, false, segment);
    }

    public static void notifyAllOn(Object monitor, Segment segment) {
        MonitorConditions.notify(monitor, true, segment);
    }

    // ---------------------------------------------------------------- fields (instance and static)

    public static boolean readBoolean(Object holder, long offset, Segment s, int site) {
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        long pre = Orecs.get(orec);
        boolean value = UnsafeApi.getBoolean(holder, offset);
        if (s.validRead(orec, pre, location, site)) {
            return value;
        }
        return s.readBits(holder, offset, Kind.BOOLEAN, site) != 0;
    }

    public static byte readByte(Object holder, long offset, Segment s, int site) {
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        long pre = Orecs.get(orec);
        byte value = UnsafeApi.getByte(holder, offset);
        if (s.validRead(orec, pre, location, site)) {
            return value;
        }
        return (byte) s.readBits(holder, offset, Kind.BYTE, site);
    }

    public static char readChar(Object holder, long offset, Segment s, int site) {
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        long pre = Orecs.get(orec);
        char value = UnsafeApi.getChar(holder, offset);
        if (s.validRead(orec, pre, location, site)) {
            return value;
        }
        return (char) s.readBits(holder, offset, Kind.CHAR, site);
    }

    public static short readShort(Object holder, long offset, Segment s, int site) {
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        long pre = Orecs.get(orec);
        short value = UnsafeApi.getShort(holder, offset);
        if (s.validRead(orec, pre, location, site)) {
            return value;
        }
        return (short) s.readBits(holder, offset, Kind.SHORT, site);
    }

    public static int readInt(Object holder, long offset, Segment s, int site) {
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        long pre = Orecs.get(orec);
        int value = UnsafeApi.getInt(holder, offset);
        if (s.validRead(orec, pre, location, site)) {
            return value;
        }
        return (int) s.readBits(holder, offset, Kind.INT, site);
    }

    /** {@code holder.field += delta} on a counter field inside a JDK collection's twin; returns the new value. */
    public static int addToCounter(Object holder, int delta, long offset, Segment s, int site) {
        return s.addToCounter(holder, offset, delta, site);
    }

    /** Any other read of a counter field (see {@link #addToCounter}). */
    public static int readCounter(Object holder, long offset, Segment s, int site) {
        s.settleCounter(holder, offset, site);
        return readInt(holder, offset, s, site);
    }

    /** Any other write of a counter field (see {@link #addToCounter}). */
    public static void writeCounter(Object holder, int value, long offset, Segment s, int site) {
        s.settleCounter(holder, offset, site);
        writeInt(holder, value, offset, s, site);
    }

    public static long readLong(Object holder, long offset, Segment s, int site) {
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        long pre = Orecs.get(orec);
        long value = UnsafeApi.getLongOpaque(holder, offset);
        if (s.validRead(orec, pre, location, site)) {
            return value;
        }
        return s.readBits(holder, offset, Kind.LONG, site);
    }

    public static float readFloat(Object holder, long offset, Segment s, int site) {
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        long pre = Orecs.get(orec);
        float value = UnsafeApi.getFloat(holder, offset);
        if (s.validRead(orec, pre, location, site)) {
            return value;
        }
        return Float.intBitsToFloat((int) s.readBits(holder, offset, Kind.FLOAT, site));
    }

    public static double readDouble(Object holder, long offset, Segment s, int site) {
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        long pre = Orecs.get(orec);
        double value = UnsafeApi.getDoubleOpaque(holder, offset);
        if (s.validRead(orec, pre, location, site)) {
            return value;
        }
        return Double.longBitsToDouble(s.readBits(holder, offset, Kind.DOUBLE, site));
    }

    public static Object readRef(Object holder, long offset, Segment s, int site) {
        int location = Orecs.hash(holder, offset);
        int orec = Orecs.orecOf(location);
        long pre = Orecs.get(orec);
        Object value = UnsafeApi.getReference(holder, offset);
        if (s.validRead(orec, pre, location, site)) {
            return value;
        }
        return s.readReference(holder, offset, site);
    }

    public static void writeBoolean(Object holder, boolean value, long offset, Segment s, int site) {
        s.writeBits(holder, offset, Kind.BOOLEAN, value ? 1 : 0, site);
    }

    public static void writeByte(Object holder, byte value, long offset, Segment s, int site) {
        s.writeBits(holder, offset, Kind.BYTE, value, site);
    }

    public static void writeChar(Object holder, char value, long offset, Segment s, int site) {
        s.writeBits(holder, offset, Kind.CHAR, value, site);
    }

    public static void writeShort(Object holder, short value, long offset, Segment s, int site) {
        s.writeBits(holder, offset, Kind.SHORT, value, site);
    }

    public static void writeInt(Object holder, int value, long offset, Segment s, int site) {
        s.writeBits(holder, offset, Kind.INT, value, site);
    }

    public static void writeLong(Object holder, long value, long offset, Segment s, int site) {
        s.writeBits(holder, offset, Kind.LONG, value, site);
    }

    public static void writeFloat(Object holder, float value, long offset, Segment s, int site) {
        s.writeBits(holder, offset, Kind.FLOAT, Float.floatToRawIntBits(value), site);
    }

    public static void writeDouble(Object holder, double value, long offset, Segment s, int site) {
        s.writeBits(holder, offset, Kind.DOUBLE, Double.doubleToRawLongBits(value), site);
    }

    public static void writeRef(Object holder, Object value, long offset, Segment s, int site) {
        s.writeReference(holder, offset, value, site);
    }

    // ---------------------------------------------------------------- array elements

    /** BALOAD: {@code array} is a {@code byte[]} or a {@code boolean[]}. */
    public static byte loadByte(Object array, int index, Segment s, int site) {
        long offset;
        if (array instanceof boolean[]) {
            offset = BOOLEAN_BASE + checkIndex(index, ((boolean[]) array).length);
        } else {
            offset = BYTE_BASE + checkIndex(index, ((byte[]) array).length);
        }
        return readByte(array, offset, s, site);
    }

    public static char loadChar(char[] array, int index, Segment s, int site) {
        return readChar(array, CHAR_BASE + ((long) checkIndex(index, array.length) << 1), s, site);
    }

    public static short loadShort(short[] array, int index, Segment s, int site) {
        return readShort(array, SHORT_BASE + ((long) checkIndex(index, array.length) << 1), s, site);
    }

    public static int loadInt(int[] array, int index, Segment s, int site) {
        return readInt(array, INT_BASE + ((long) checkIndex(index, array.length) << 2), s, site);
    }

    public static long loadLong(long[] array, int index, Segment s, int site) {
        return readLong(array, LONG_BASE + ((long) checkIndex(index, array.length) << 3), s, site);
    }

    public static float loadFloat(float[] array, int index, Segment s, int site) {
        return readFloat(array, FLOAT_BASE + ((long) checkIndex(index, array.length) << 2), s, site);
    }

    public static double loadDouble(double[] array, int index, Segment s, int site) {
        return readDouble(array, DOUBLE_BASE + ((long) checkIndex(index, array.length) << 3), s, site);
    }

    public static Object loadRef(Object[] array, int index, Segment s, int site) {
        return readRef(array, REF_BASE + ((long) checkIndex(index, array.length) << REF_SHIFT), s, site);
    }

    /** BASTORE: a {@code boolean[]} keeps only the lowest bit, as the JVM does. */
    public static void storeByte(Object array, int index, byte value, Segment s, int site) {
        if (array instanceof boolean[]) {
            long offset = BOOLEAN_BASE + checkIndex(index, ((boolean[]) array).length);
            s.writeBits(array, offset, Kind.BOOLEAN, value & 1, site);
        } else {
            s.writeBits(array, BYTE_BASE + checkIndex(index, ((byte[]) array).length), Kind.BYTE, value, site);
        }
    }

    public static void storeChar(char[] array, int index, char value, Segment s, int site) {
        s.writeBits(array, CHAR_BASE + ((long) checkIndex(index, array.length) << 1), Kind.CHAR, value, site);
    }

    public static void storeShort(short[] array, int index, short value, Segment s, int site) {
        s.writeBits(array, SHORT_BASE + ((long) checkIndex(index, array.length) << 1), Kind.SHORT, value, site);
    }

    public static void storeInt(int[] array, int index, int value, Segment s, int site) {
        s.writeBits(array, INT_BASE + ((long) checkIndex(index, array.length) << 2), Kind.INT, value, site);
    }

    public static void storeLong(long[] array, int index, long value, Segment s, int site) {
        s.writeBits(array, LONG_BASE + ((long) checkIndex(index, array.length) << 3), Kind.LONG, value, site);
    }

    public static void storeFloat(float[] array, int index, float value, Segment s, int site) {
        s.writeBits(array, FLOAT_BASE + ((long) checkIndex(index, array.length) << 2), Kind.FLOAT,
                Float.floatToRawIntBits(value), site);
    }

    public static void storeDouble(double[] array, int index, double value, Segment s, int site) {
        s.writeBits(array, DOUBLE_BASE + ((long) checkIndex(index, array.length) << 3), Kind.DOUBLE,
                Double.doubleToRawLongBits(value), site);
    }

    /** AASTORE, with the JVM's {@link ArrayStoreException} check. */
    public static void storeRef(Object[] array, int index, Object value, Segment s, int site) {
        long offset = REF_BASE + ((long) checkIndex(index, array.length) << REF_SHIFT);
        if (value != null && !array.getClass().getComponentType().isInstance(value)) {
            throw new ArrayStoreException(value.getClass().getName());
        }
        s.writeReference(array, offset, value, site);
    }

    /** {@code array.clone()} on an array, reading every element transactionally. */
    public static Object cloneArray(Object array, Segment s, int site) {
        return ArrayCopies.cloneArray(array, s, site);
    }

    /** {@code System.arraycopy}, element by element through the barriers, with the JDK's exceptions. */
    /** {@code super.clone()} reaching {@code Object.clone()} inside a transaction (see {@link ObjectClones}). */
    public static Object cloneObject(Object original, Segment s, int site) throws CloneNotSupportedException {
        return ObjectClones.cloneObject(original, s, site);
    }

    public static void arraycopy(Object src, int srcPos, Object dst, int dstPos, int length, Segment s, int site) {
        ArrayCopies.arraycopy(src, srcPos, dst, dstPos, length, s, site);
    }

    private static int checkIndex(int index, int length) {
        if (index < 0 || index >= length) {
            throw new ArrayIndexOutOfBoundsException("Index " + index + " out of bounds for length " + length);
        }
        return index;
    }
}
