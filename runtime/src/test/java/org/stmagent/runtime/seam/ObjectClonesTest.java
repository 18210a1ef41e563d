package org.stmagent.runtime.seam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.stats.Sites;

/** {@code Object.clone()} inside a transaction copies what the transaction sees. */
class ObjectClonesTest {
    static class Base implements Cloneable {
        long inherited = 1;
    }

    static final class Pair extends Base {
        int count = 2;
        Object ref = "before";
    }

    static final class NotCloneable {
        int x;
    }

    private static final long COUNT = FieldAddresses.instanceOffset(Pair.class, "count");
    private static final long REF = FieldAddresses.instanceOffset(Pair.class, "ref");
    private static final long INHERITED = FieldAddresses.instanceOffset(Pair.class, "inherited");

    @Test
    void theCopyHoldsTheTransactionsOwnWritesAndTheOriginalIsUntouchedUntilCommit() {
        Pair original = new Pair();
        Object[] copy = new Object[1];
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.writeInt(original, 20, COUNT, s, Sites.UNKNOWN);
            Barriers.writeRef(original, "after", REF, s, Sites.UNKNOWN);
            Barriers.writeLong(original, 10L, INHERITED, s, Sites.UNKNOWN);
            try {
                copy[0] = Barriers.cloneObject(original, s, Sites.UNKNOWN);
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
            assertEquals(2, original.count, "buffered until commit");
        });
        Pair p = (Pair) copy[0];
        assertNotSame(original, p);
        assertSame(Pair.class, p.getClass());
        assertEquals(20, p.count);
        assertEquals("after", p.ref);
        assertEquals(10L, p.inherited);
    }

    @Test
    void aClassThatIsNotCloneableIsRefusedAsTheJdkRefusesIt() {
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            assertThrows(CloneNotSupportedException.class,
                    () -> Barriers.cloneObject(new NotCloneable(), s, Sites.UNKNOWN));
        });
    }
}
