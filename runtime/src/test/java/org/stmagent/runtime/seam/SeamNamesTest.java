package org.stmagent.runtime.seam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.Arrays;

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
        assertEquals(internalName(Stm.class), SeamNames.STM);
    }

    @Test
    void pureApiNamesPublicMethodsOfPublicRuntimeClasses() throws Exception {
        for (String pattern : SeamNames.PURE_API.split(SeamNames.PATTERN_SEPARATOR)) {
            int dot = pattern.lastIndexOf('.');
            Class<?> owner = Class.forName(pattern.substring(0, dot));
            String method = pattern.substring(dot + 1);
            assertTrue(Modifier.isPublic(owner.getModifiers()), pattern);
            assertTrue(internalName(owner).startsWith(SeamNames.RUNTIME_PACKAGE), pattern);
            assertTrue(method.equals("*") || Arrays.stream(owner.getMethods()).anyMatch(m -> m.getName().equals(method)),
                    pattern);
        }
    }

    @Test
    void everyRuntimeClassIsInsideTheRuntimePackage() {
        for (Class<?> c : new Class<?>[] {Stm.class, Barriers.class, Segment.class}) {
            assertTrue(internalName(c).startsWith(SeamNames.RUNTIME_PACKAGE), c::getName);
        }
    }

    @Test
    void ownPackagesArePackagePrefixesAndHoldTheRuntime() {
        String[] prefixes = SeamNames.OWN_PACKAGES.split(SeamNames.PATTERN_SEPARATOR);
        assertTrue(Arrays.asList(prefixes).contains(SeamNames.RUNTIME_PACKAGE));
        for (String prefix : prefixes) {
            assertTrue(prefix.matches("org/stmagent/[a-z]+/"), prefix);
        }
    }

    private static String internalName(Class<?> type) {
        return type.getName().replace('.', '/');
    }
}
