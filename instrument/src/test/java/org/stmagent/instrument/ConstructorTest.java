package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stmagent.instrument.RewritingLoader.call;
import static org.stmagent.instrument.RewritingLoader.create;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.stmagent.instrument.internal.seam.RuntimeSeam;

class ConstructorTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 2_000;

    private final RewritingLoader loader = new RewritingLoader();

    @Test
    void constructorInsideATransactionSeesItsWritesAndWritesOtherObjectsThroughBarriers() throws Throwable {
        Class<?> type = loader.fixture("Constructing");
        call(type, "reset");
        Object c = create(type);
        assertEquals(2L, call(c, "addChild"));
        assertEquals("1,3,1", call(c, "totals"));
        Threads.run(THREADS, () -> {
            for (int k = 0; k < ROUNDS; k++) {
                assertEquals(2L, call(c, "addChild"));
            }
            return null;
        });
        long n = THREADS * ROUNDS + 1;
        assertEquals(n + "," + 3 * n + "," + n, call(c, "totals"));
    }

    @Test
    void theArgumentsOfTheSuperCallAreComputedThroughBarriers() throws Throwable {
        Object c = create(loader.fixture("Constructing"));
        assertEquals(0L, call(c, "weightSeenBySuper"), "super(...) got the weight the transaction had just written");
        assertEquals(0L, call(c, "weightSeenByBothSplits"), "a delegating constructor with both splits");
        assertTrue(asksForTheTransaction("Constructing$FromParent"));
        Class<?> parentType = loader.fixture("Constructing$Parent");
        Object parent = parentType.getConstructor().newInstance();
        parentType.getField("weight").set(parent, 7L);
        Object plain = loader.fixture("Constructing$FromParent").getConstructor(parentType).newInstance(parent);
        assertEquals(7L, loader.fixture("Constructing$Base").getDeclaredField("given").get(plain), "outside: as written");
    }

    @Test
    void constructorOutsideTransactionsRunsAsWritten() throws Throwable {
        Class<?> parentType = loader.fixture("Constructing$Parent");
        Class<?> child = loader.fixture("Constructing$Child");
        Object parent = parentType.getConstructor().newInstance();
        child.getConstructor(parentType, long.class).newInstance(parent, 5L);
        assertEquals(5L, parentType.getField("weight").get(parent));
        assertEquals(1L, parentType.getField("children").get(parent));
    }

    @Test
    void onlyConstructorsThatTouchSharedStateGetATransactionalPath() throws Throwable {
        assertTrue(asksForTheTransaction("Constructing$Child"));
        assertFalse(asksForTheTransaction("Constructing$OwnFieldsOnly"));
    }

    private boolean asksForTheTransaction(String fixture) {
        loader.fixture(fixture);
        ClassNode c = new ClassNode();
        new ClassReader(loader.rewritten.get(RewritingLoader.FIXTURES + fixture)).accept(c, 0);
        for (MethodNode m : c.methods) {
            if (m.name.equals("<init>")) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof MethodInsnNode call && call.owner.equals(RuntimeSeam.BARRIERS)
                            && call.name.equals("current")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
