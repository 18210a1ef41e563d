package org.stmagent.runtime.seam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.core.TransactionAbort;

class SeamNamesTest {
    @Test
    void classNamesAreTheClassesThemselves() {
        assertEquals(internalName(Barriers.class), SeamNames.BARRIERS);
        assertEquals(internalName(FieldAddresses.class), SeamNames.FIELD_ADDRESSES);
        assertEquals(internalName(JdkCalls.class), SeamNames.JDK_CALLS);
        assertEquals(internalName(Segment.class), SeamNames.SEGMENT);
        assertEquals(internalName(TransactionAbort.class), SeamNames.TRANSACTION_ABORT);
    }

    @Test
    void everyRuntimeClassIsInsideTheRuntimePackage() {
        for (Class<?> c : new Class<?>[] {Stm.class, Barriers.class, Segment.class}) {
            assertTrue(internalName(c).startsWith(SeamNames.RUNTIME_PACKAGE), c::getName);
        }
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
