package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.stmagent.instrument.RewritingLoader.call;
import static org.stmagent.instrument.RewritingLoader.create;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.stmagent.instrument.internal.seam.RuntimeSeam;

class FieldAndArrayBarrierTest {
    private final RewritingLoader loader = new RewritingLoader();

    @Test
    void everyFieldKindKeepsItsValueThroughBarriers() throws Throwable {
        Class<?> type = loader.fixture("Fields");
        call(type, "resetStatics");
        Object fields = create(type, 7);
        call(fields, "bumpAll");
        call(fields, "bumpAll");
        assertEquals("false,2,2,2,2,17179869184,1.0,0.5,xx,2,7,2,2199023255552,3.0,v2", call(fields, "describe"));
    }

    @Test
    void onlyVolatileFieldsAreAnnouncedToTheRuntime() throws Throwable {
        loader.fixture("Fields");
        ClassNode c = new ClassNode();
        new ClassReader(loader.rewritten.get(RewritingLoader.FIXTURES + "Fields")).accept(c, 0);
        MethodNode bump = c.methods.stream().filter(m -> m.name.equals("$stm$bumpAll")).findFirst().orElseThrow();
        java.util.List<String> calls = new java.util.ArrayList<>();
        for (AbstractInsnNode insn : bump.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals(RuntimeSeam.BARRIERS)) {
                calls.add(call.name);
            }
        }
        // volatileCount++: the read announced before its barrier, the write followed by the publishing call
        int read = calls.indexOf("beforeVolatileRead");
        assertEquals(1, calls.stream().filter("beforeVolatileRead"::equals).count(), calls::toString);
        assertEquals(1, calls.stream().filter("afterVolatileWrite"::equals).count(), calls::toString);
        assertEquals("readLong", calls.get(read + 1), calls::toString);
        assertEquals("writeLong", calls.get(calls.indexOf("afterVolatileWrite") - 1), calls::toString);
    }

    @Test
    void codeOutsideTransactionsRunsAsWritten() throws Throwable {
        Object fields = create(loader.fixture("Fields"), 1);
        assertEquals(1, call(fields, "plainIncrement"));
        assertEquals(2, call(fields, "plainIncrement"));
    }

    @Test
    void everyArrayKindKeepsItsValueThroughBarriers() throws Throwable {
        Object arrays = create(loader.fixture("ArrayElements"));
        call(arrays, "bumpAll", 1);
        call(arrays, "bumpAll", 1);
        call(arrays, "bumpAll", 3);
        assertEquals("false,2,2,2,2,68719476736,1.0,0.25,3,6,4", call(arrays, "describe", 1));
        assertEquals("true,1,1,1,1,34359738368,0.5,0.125,2,6,4", call(arrays, "describe", 3));
    }

    @Test
    void arrayStoreOfTheWrongTypeThrowsArrayStoreException() throws Throwable {
        Object arrays = create(loader.fixture("ArrayElements"));
        Object[] strings = new String[1];
        assertThrows(ArrayStoreException.class, () -> call(arrays, "storeInto", strings, 0, 42));
        call(arrays, "storeInto", strings, 0, "ok");
        assertEquals("ok", strings[0]);
    }

    @Test
    void indexOutOfBoundsThrowsAsTheOriginal() throws Throwable {
        Object arrays = create(loader.fixture("ArrayElements"));
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> call(arrays, "readAt", new int[2], 2));
        assertThrows(NullPointerException.class, () -> call(arrays, "readAt", null, 0));
        assertEquals(5, call(arrays, "readAt", new int[] {4, 5}, 1));
    }

    @Test
    void staticFieldOfAClassFirstUsedInATransactionIsInitialisedOnce() throws Throwable {
        Class<?> statics = loader.fixture("Statics");
        assertEquals(42, call(statics, "readLate"));
        assertEquals(42, call(statics, "readLate"));
    }

    @Test
    void cloneAndArraycopyGoThroughTheBarriersWithoutInevitability() throws Throwable {
        loader.fixture("ArrayCopying");
        ClassNode c = new ClassNode();
        new ClassReader(loader.rewritten.get(RewritingLoader.FIXTURES + "ArrayCopying")).accept(c, 0);
        int clones = 0;
        int copies = 0;
        for (MethodNode m : c.methods) {
            if (!m.name.startsWith("$stm$")) {
                continue;
            }
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof MethodInsnNode call) {
                    assertFalse(call.name.equals("becomeInevitable"), m.name + " becomes inevitable");
                    assertFalse(call.name.equals("clone") || call.name.equals("arraycopy")
                            && call.owner.equals("java/lang/System"), m.name + " calls " + call.owner + "." + call.name);
                    clones += call.name.equals("cloneArray") ? 1 : 0;
                    copies += call.name.equals("arraycopy") && call.owner.equals(RuntimeSeam.BARRIERS) ? 1 : 0;
                }
            }
        }
        assertEquals(3, clones);
        assertEquals(4, copies);
    }

    @Test
    void cloneAndArraycopyInsideATransactionSeeItsOwnWritesAndConflicts() throws Throwable {
        Object a = create(loader.fixture("ArrayCopying"));
        assertArrayEquals(new int[] {7, 2, 3, 4}, (int[]) call(a, "writeThenClone", 7));
        call(a, "restore");
        String[] strings = {"x", "y"};
        String[] copy = (String[]) call(a, "cloneStrings", (Object) strings);
        assertArrayEquals(strings, copy);
        assertNotSame(strings, copy);
        Threads.run(4, () -> {
            for (int k = 0; k < 3_000; k++) {
                call(a, "rotate");
                assertEquals(10, call(a, "sumOfClone"));
                assertEquals(10, call(a, "sumOfCopy"));
            }
            return null;
        });
        assertEquals(10, call(a, "sumOfClone"));
    }

    @Test
    void arraycopyInsideATransactionThrowsAsSystemArraycopy() throws Throwable {
        Object a = create(loader.fixture("ArrayCopying"));
        assertThrows(ArrayStoreException.class, () -> call(a, "copy", new int[2], 0, new long[2], 0, 1));
        assertThrows(ArrayStoreException.class, () -> call(a, "copy", new Object[] {1}, 0, new String[1], 0, 1));
        assertThrows(NullPointerException.class, () -> call(a, "copy", null, 0, new int[2], 0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> call(a, "copy", new int[2], 1, new int[2], 0, 2));
        int[] overlap = {1, 2, 3, 4};
        call(a, "copy", overlap, 0, overlap, 1, 3);
        assertArrayEquals(new int[] {1, 1, 2, 3}, overlap);
    }
}
