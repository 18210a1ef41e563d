package org.stmagent.runtime.seam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.core.TransactionAbort;
import org.stmagent.runtime.stats.AbortCause;
import org.stmagent.runtime.stats.Sites;

/** The field barriers of every kind, instance and static, in one thread. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FieldBarriersTest {

    static class Base {
        long inherited = 5;
    }

    static final class Holder extends Base {
        boolean z;
        byte b = 1;
        char c = 'a';
        short s = 2;
        int i = 3;
        long j = 4;
        float f = 5.5f;
        double d = 6.25;
        Object ref = "initial";
        volatile long volatileLong = 7;
        volatile Object volatileRef;
    }

    static final class Statics {
        static boolean z;
        static byte b;
        static char c;
        static short s;
        static int i;
        static long j;
        static float f;
        static double d;
        static Object ref;
    }

    private static final long Z = FieldAddresses.instanceOffset(Holder.class, "z");
    private static final long B = FieldAddresses.instanceOffset(Holder.class, "b");
    private static final long C = FieldAddresses.instanceOffset(Holder.class, "c");
    private static final long S = FieldAddresses.instanceOffset(Holder.class, "s");
    private static final long I = FieldAddresses.instanceOffset(Holder.class, "i");
    private static final long J = FieldAddresses.instanceOffset(Holder.class, "j");
    private static final long F = FieldAddresses.instanceOffset(Holder.class, "f");
    private static final long D = FieldAddresses.instanceOffset(Holder.class, "d");
    private static final long REF = FieldAddresses.instanceOffset(Holder.class, "ref");
    private static final long VOLATILE_LONG = FieldAddresses.instanceOffset(Holder.class, "volatileLong");
    private static final long VOLATILE_REF = FieldAddresses.instanceOffset(Holder.class, "volatileRef");
    private static final long INHERITED = FieldAddresses.instanceOffset(Holder.class, "inherited");

    @Test
    void aFieldOfNullThrowsNullPointerExceptionInsideATransaction() {
        Holder missing = null;
        int[] caught = new int[1];
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            assertThrows(NullPointerException.class, () -> Barriers.readInt(missing, I, s, Sites.UNKNOWN));
            assertThrows(NullPointerException.class, () -> Barriers.readRef(missing, REF, s, Sites.UNKNOWN));
            assertThrows(NullPointerException.class, () -> Barriers.writeLong(missing, 1L, J, s, Sites.UNKNOWN));
            assertThrows(NullPointerException.class, () -> Barriers.writeRef(missing, "x", REF, s, Sites.UNKNOWN));
            caught[0]++;
        });
        assertEquals(1, caught[0], "the transaction went on after each exception, and committed once");
    }

    @Test
    void eachInstanceFieldKindReadsItsValueThenItsOwnWriteThenCommits() {
        Holder h = new Holder();
        Object newRef = new Object();

        Stm.atomic(() -> {
            Segment s = Barriers.current();
            assertFalse(Barriers.readBoolean(h, Z, s, Sites.UNKNOWN));
            assertEquals(1, Barriers.readByte(h, B, s, Sites.UNKNOWN));
            assertEquals('a', Barriers.readChar(h, C, s, Sites.UNKNOWN));
            assertEquals(2, Barriers.readShort(h, S, s, Sites.UNKNOWN));
            assertEquals(3, Barriers.readInt(h, I, s, Sites.UNKNOWN));
            assertEquals(4L, Barriers.readLong(h, J, s, Sites.UNKNOWN));
            assertEquals(5.5f, Barriers.readFloat(h, F, s, Sites.UNKNOWN));
            assertEquals(6.25, Barriers.readDouble(h, D, s, Sites.UNKNOWN));
            assertEquals("initial", Barriers.readRef(h, REF, s, Sites.UNKNOWN));

            Barriers.writeBoolean(h, true, Z, s, Sites.UNKNOWN);
            Barriers.writeByte(h, (byte) -128, B, s, Sites.UNKNOWN);
            Barriers.writeChar(h, '\uffff', C, s, Sites.UNKNOWN);
            Barriers.writeShort(h, Short.MIN_VALUE, S, s, Sites.UNKNOWN);
            Barriers.writeInt(h, Integer.MIN_VALUE, I, s, Sites.UNKNOWN);
            Barriers.writeLong(h, Long.MIN_VALUE, J, s, Sites.UNKNOWN);
            Barriers.writeFloat(h, -0.0f, F, s, Sites.UNKNOWN);
            Barriers.writeDouble(h, Double.MIN_VALUE, D, s, Sites.UNKNOWN);
            Barriers.writeRef(h, newRef, REF, s, Sites.UNKNOWN);

            assertTrue(Barriers.readBoolean(h, Z, s, Sites.UNKNOWN));
            assertEquals(-128, Barriers.readByte(h, B, s, Sites.UNKNOWN));
            assertEquals('\uffff', Barriers.readChar(h, C, s, Sites.UNKNOWN));
            assertEquals(Short.MIN_VALUE, Barriers.readShort(h, S, s, Sites.UNKNOWN));
            assertEquals(Integer.MIN_VALUE, Barriers.readInt(h, I, s, Sites.UNKNOWN));
            assertEquals(Long.MIN_VALUE, Barriers.readLong(h, J, s, Sites.UNKNOWN));
            assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(Barriers.readFloat(h, F, s, Sites.UNKNOWN)));
            assertEquals(Double.MIN_VALUE, Barriers.readDouble(h, D, s, Sites.UNKNOWN));
            assertSame(newRef, Barriers.readRef(h, REF, s, Sites.UNKNOWN));
        });

        assertTrue(h.z);
        assertEquals(-128, h.b);
        assertEquals('\uffff', h.c);
        assertEquals(Short.MIN_VALUE, h.s);
        assertEquals(Integer.MIN_VALUE, h.i);
        assertEquals(Long.MIN_VALUE, h.j);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(h.f));
        assertEquals(Double.MIN_VALUE, h.d);
        assertSame(newRef, h.ref);
    }

    @Test
    void aLaterWriteToTheSameFieldReplacesTheEarlierOne() {
        Holder h = new Holder();

        long seen = Stm.atomic(() -> {
            Segment s = Barriers.current();
            for (long v = 10; v <= 20; v++) {
                Barriers.writeLong(h, v, J, s, Sites.UNKNOWN);
            }
            Barriers.writeRef(h, null, REF, s, Sites.UNKNOWN);
            return Barriers.readLong(h, J, s, Sites.UNKNOWN);
        });

        assertEquals(20, seen);
        assertEquals(20, h.j);
        assertNull(h.ref);
    }

    @Test
    void neighbouringFieldsOfOneObjectKeepTheirOwnValues() {
        Holder h = new Holder();

        Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.writeByte(h, (byte) 11, B, s, Sites.UNKNOWN);
            Barriers.writeShort(h, (short) 22, S, s, Sites.UNKNOWN);
            Barriers.writeChar(h, 'x', C, s, Sites.UNKNOWN);
            Barriers.writeBoolean(h, true, Z, s, Sites.UNKNOWN);
            assertEquals(11, Barriers.readByte(h, B, s, Sites.UNKNOWN));
            assertEquals(22, Barriers.readShort(h, S, s, Sites.UNKNOWN));
            assertEquals('x', Barriers.readChar(h, C, s, Sites.UNKNOWN));
            assertEquals(3, Barriers.readInt(h, I, s, Sites.UNKNOWN), "an unwritten field beside written ones");
        });

        assertEquals(11, h.b);
        assertEquals(22, h.s);
        assertEquals('x', h.c);
        assertTrue(h.z);
        assertEquals(3, h.i);
        assertEquals(4, h.j);
    }

    @Test
    void volatileAndInheritedFieldsGoThroughTheSameBarriers() {
        Holder h = new Holder();
        String published = "published";

        Stm.atomic(() -> {
            Segment s = Barriers.current();
            assertEquals(7, Barriers.readLong(h, VOLATILE_LONG, s, Sites.UNKNOWN));
            assertEquals(5, Barriers.readLong(h, INHERITED, s, Sites.UNKNOWN));
            Barriers.writeLong(h, 70, VOLATILE_LONG, s, Sites.UNKNOWN);
            Barriers.writeRef(h, published, VOLATILE_REF, s, Sites.UNKNOWN);
            Barriers.writeLong(h, 50, INHERITED, s, Sites.UNKNOWN);
            assertEquals(70, Barriers.readLong(h, VOLATILE_LONG, s, Sites.UNKNOWN));
            assertEquals(50, Barriers.readLong(h, INHERITED, s, Sites.UNKNOWN));
        });

        assertEquals(70, h.volatileLong);
        assertSame(published, h.volatileRef);
        assertEquals(50, h.inherited);
        assertEquals(FieldAddresses.instanceOffset(Base.class, "inherited"), INHERITED);
    }

    @Test
    void eachStaticFieldKindReadsItsOwnWriteAndCommits() {
        Object base = FieldAddresses.staticBase(Statics.class, "j");
        assertNotNull(base);
        Object value = new Object();

        Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.writeBoolean(staticBase("z"), true, staticOffset("z"), s, Sites.UNKNOWN);
            Barriers.writeByte(staticBase("b"), (byte) 8, staticOffset("b"), s, Sites.UNKNOWN);
            Barriers.writeChar(staticBase("c"), 'q', staticOffset("c"), s, Sites.UNKNOWN);
            Barriers.writeShort(staticBase("s"), (short) 16, staticOffset("s"), s, Sites.UNKNOWN);
            Barriers.writeInt(staticBase("i"), 32, staticOffset("i"), s, Sites.UNKNOWN);
            Barriers.writeLong(staticBase("j"), 64L, staticOffset("j"), s, Sites.UNKNOWN);
            Barriers.writeFloat(staticBase("f"), 1.5f, staticOffset("f"), s, Sites.UNKNOWN);
            Barriers.writeDouble(staticBase("d"), 2.5, staticOffset("d"), s, Sites.UNKNOWN);
            Barriers.writeRef(staticBase("ref"), value, staticOffset("ref"), s, Sites.UNKNOWN);

            assertTrue(Barriers.readBoolean(staticBase("z"), staticOffset("z"), s, Sites.UNKNOWN));
            assertEquals(8, Barriers.readByte(staticBase("b"), staticOffset("b"), s, Sites.UNKNOWN));
            assertEquals('q', Barriers.readChar(staticBase("c"), staticOffset("c"), s, Sites.UNKNOWN));
            assertEquals(16, Barriers.readShort(staticBase("s"), staticOffset("s"), s, Sites.UNKNOWN));
            assertEquals(32, Barriers.readInt(staticBase("i"), staticOffset("i"), s, Sites.UNKNOWN));
            assertEquals(64L, Barriers.readLong(staticBase("j"), staticOffset("j"), s, Sites.UNKNOWN));
            assertEquals(1.5f, Barriers.readFloat(staticBase("f"), staticOffset("f"), s, Sites.UNKNOWN));
            assertEquals(2.5, Barriers.readDouble(staticBase("d"), staticOffset("d"), s, Sites.UNKNOWN));
            assertSame(value, Barriers.readRef(staticBase("ref"), staticOffset("ref"), s, Sites.UNKNOWN));
        });

        assertTrue(Statics.z);
        assertEquals(8, Statics.b);
        assertEquals('q', Statics.c);
        assertEquals(16, Statics.s);
        assertEquals(32, Statics.i);
        assertEquals(64L, Statics.j);
        assertEquals(1.5f, Statics.f);
        assertEquals(2.5, Statics.d);
        assertSame(value, Statics.ref);
    }

    @Test
    void writesOfAnAbortedAttemptAreDiscarded() {
        Holder h = new Holder();
        AtomicInteger attempts = new AtomicInteger();

        long seenOnRetry = Stm.atomic(() -> {
            Segment s = Barriers.current();
            long before = Barriers.readLong(h, J, s, Sites.UNKNOWN);
            if (attempts.incrementAndGet() == 1) {
                Barriers.writeLong(h, 999, J, s, Sites.UNKNOWN);
                Barriers.writeRef(h, "doomed", REF, s, Sites.UNKNOWN);
                throw TransactionAbort.of(AbortCause.OTHER);
            }
            return before;
        });

        assertEquals(2, attempts.get());
        assertEquals(4, seenOnRetry, "the retry reads the value from before the aborted attempt");
        assertEquals(4, h.j);
        assertEquals("initial", h.ref);
    }

    @Test
    void barriersOutsideAndInsideATransactionSeeTheRightSegment() {
        assertNull(Barriers.current());
        assertFalse(Stm.inTransaction());
        Stm.atomic(() -> {
            assertNotNull(Barriers.current());
            assertTrue(Stm.inTransaction());
        });
        assertNull(Barriers.current());
    }

    @Test
    void fieldAddressesRejectMissingAndMismatchedFields() {
        assertThrows(NoSuchFieldError.class, () -> FieldAddresses.instanceOffset(Holder.class, "missing"));
        assertThrows(IncompatibleClassChangeError.class, () -> FieldAddresses.instanceOffset(Statics.class, "j"));
        assertThrows(IncompatibleClassChangeError.class, () -> FieldAddresses.staticOffset(Holder.class, "j"));
        assertThrows(IncompatibleClassChangeError.class, () -> FieldAddresses.staticBase(Holder.class, "j"));
    }

    private static Object staticBase(String name) {
        return FieldAddresses.staticBase(Statics.class, name);
    }

    private static long staticOffset(String name) {
        return FieldAddresses.staticOffset(Statics.class, name);
    }
}
