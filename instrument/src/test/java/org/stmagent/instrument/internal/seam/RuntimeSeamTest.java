package org.stmagent.instrument.internal.seam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Type;

class RuntimeSeamTest {
    @Test
    void everySeamMethodExistsInTheRuntimeWithItsDescriptor() throws Exception {
        assertTrue(RuntimeSeam.all().size() > 40);
        for (RuntimeSeam.Call call : RuntimeSeam.all()) {
            Class<?> owner = Class.forName(call.owner().replace('/', '.'));
            Method found = null;
            for (Method m : owner.getDeclaredMethods()) {
                if (m.getName().equals(call.name()) && Type.getMethodDescriptor(m).equals(call.descriptor())) {
                    found = m;
                }
            }
            if (found == null) {
                fail("no " + call.owner() + "." + call.name() + call.descriptor());
            }
            assertTrue(Modifier.isStatic(found.getModifiers()) && Modifier.isPublic(found.getModifiers()),
                    call + " is public static");
        }
    }

    @Test
    void stmAgentsOwnClassesAreRecognisedAndNoOthers() {
        for (Class<?> own : new Class<?>[] {RuntimeSeam.class, org.stmagent.runtime.Stm.class,
                org.stmagent.annotations.Atomic.class}) {
            assertTrue(RuntimeSeam.isOwnClass(Type.getInternalName(own)), own::getName);
        }
        assertTrue(RuntimeSeam.isOwnClass("org/stmagent/shaded/asm/ClassReader"));
        assertTrue(RuntimeSeam.isOwnClass("org/stmagent/agent/StmAgent"));
        assertTrue(!RuntimeSeam.isOwnClass("org/stmagent/samples/bank/Bank"));
        assertTrue(!RuntimeSeam.isOwnClass("org/objectweb/asm/ClassReader"));
    }

    @Test
    void namedRuntimeClassesExist() throws Exception {
        assertEquals(Error.class, Class.forName(RuntimeSeam.TRANSACTION_ABORT.replace('/', '.')).getSuperclass());
        assertEquals("L" + RuntimeSeam.SEGMENT + ";",
                Type.getDescriptor(Class.forName(RuntimeSeam.SEGMENT.replace('/', '.'))));
        assertTrue(Modifier.isPublic(Class.forName(RuntimeSeam.BARRIERS.replace('/', '.')).getModifiers()));
    }
}
