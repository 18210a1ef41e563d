package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;

class ClassFileTest {
    private static final List<String> FIXTURES = List.of("Fields", "ArrayElements", "Counter", "Failing", "Buffer",
            "Callbacks", "Callbacks$Key", "Effects", "Statics", "Statics$Late", "Aliased", "Shapes",
            "Shapes$Shape", "Shapes$Base", "Shapes$Square", "Shapes$Scaled", "Shapes$Pair", "Shapes$Color");

    private final Instrumenter instrumenter = new Instrumenter(RewritePolicy.of(RewritingLoader.INCLUDED));

    private byte[] rewrite(String simpleName) throws RewriteException {
        return instrumenter.rewrite(RewritingLoader.original(RewritingLoader.FIXTURES + simpleName),
                ClassFileTest.class.getClassLoader());
    }

    @Test
    void everyRewrittenFixturePassesCheckClassAdapter() throws Exception {
        RewritingLoader loader = new RewritingLoader();
        for (String name : FIXTURES) {
            byte[] bytes = rewrite(name);
            StringWriter report = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(bytes), loader, false, new PrintWriter(report));
            assertEquals("", report.toString(), name);
            assertNotNull(loader.fixture(name), name + " loads and is verified by the JVM");
        }
    }

    @Test
    void originalsKeepTheirBodyAndTwinsUseBarriersOnly() throws Exception {
        ClassNode fields = read(rewrite("Fields"));
        MethodNode plain = method(fields, "plainIncrement", "()I");
        assertFalse(callsBarrier(plain, "read"), "no barrier outside transactions");
        assertTrue(calls(plain, "current"), "only the dispatch check");
        MethodNode twin = method(fields, "$stm$plainIncrement", "(Lorg/stmagent/runtime/core/Segment;)I");
        assertTrue((twin.access & Opcodes.ACC_SYNTHETIC) != 0);
        assertTrue(callsBarrier(twin, "readInt") && callsBarrier(twin, "writeInt"));
        for (MethodNode m : fields.methods) {
            if (m.name.startsWith("$stm$")) {
                for (AbstractInsnNode insn : m.instructions) {
                    if (insn instanceof FieldInsnNode f && !f.name.equals("fixed")) {
                        throw new AssertionError(m.name + " accesses " + f.name + " without a barrier");
                    }
                    int op = insn.getOpcode();
                    assertFalse(op >= Opcodes.IALOAD && op <= Opcodes.SALOAD, m.name);
                    assertFalse(op >= Opcodes.IASTORE && op <= Opcodes.SASTORE, m.name);
                }
            }
        }
    }

    @Test
    void rewrittenClassIsMarkedAndNotRewrittenAgain() throws Exception {
        byte[] once = rewrite("Counter");
        assertNull(instrumenter.rewrite(once, ClassFileTest.class.getClassLoader()));
    }

    @Test
    void stmAgentClassesAreLeftAlone() throws Exception {
        assertNull(instrumenter.rewrite(RewritingLoader.original("org/stmagent/instrument/Instrumenter"),
                ClassFileTest.class.getClassLoader()));
    }

    @Test
    void framesNeedNoHierarchyAnswersWhenNoTypesMerge() throws Exception {
        ClassFileLocator noHierarchy = name -> {
            throw new AssertionError("hierarchy lookup of " + name);
        };
        Instrumenter strict = new Instrumenter(RewritePolicy.of(n -> false));
        byte[] bytes = strict.rewrite(RewritingLoader.original(RewritingLoader.FIXTURES + "Statics$Late"), noHierarchy);
        assertNotNull(bytes);
        assertNotNull(read(bytes));
    }

    @Test
    void oldClassFileVersionIsRaisedForDynamicConstants() throws Exception {
        byte[] java8 = ClassFiles.withVersion(RewritingLoader.original(RewritingLoader.FIXTURES + "Statics$Late"),
                Opcodes.V1_8);
        ClassNode rewritten = read(instrumenter.rewrite(java8, ClassFileTest.class.getClassLoader()));
        assertEquals(Opcodes.V11, rewritten.version);
    }

    @Test
    void anOldClassThatSetsAFinalOutsideItsInitializerStillInitializesOnceRaised() throws Exception {
        byte[] old = ClassFiles.withFinalSetOutsideInitializer("org/stmagent/fixtures/Hooked");
        byte[] bytes = instrumenter.rewrite(old, ClassFileTest.class.getClassLoader());
        assertEquals(Opcodes.V11, read(bytes).version);
        Class<?> c = ClassFiles.define("org.stmagent.fixtures.Hooked", bytes);
        assertEquals("hooked", c.getMethod("value").invoke(null), "IllegalAccessError in <clinit> otherwise");
    }

    @Test
    void unbalancedMonitorsAreRefusedNamingTheClass() {
        byte[] odd = ClassFiles.unbalancedMonitor("org/stmagent/fixtures/Odd");
        RewriteException e = assertThrows(RewriteException.class,
                () -> instrumenter.rewrite(odd, ClassFileTest.class.getClassLoader()));
        assertEquals("org/stmagent/fixtures/Odd", e.className());
        assertTrue(e.getMessage().contains("org.stmagent.fixtures.Odd"), e.getMessage());
    }

    @Test
    void jsrSubroutinesAreInlined() throws Exception {
        byte[] old = ClassFiles.withSubroutine("org/stmagent/fixtures/Jsr");
        byte[] bytes = instrumenter.rewrite(old, ClassFileTest.class.getClassLoader());
        Class<?> c = ClassFiles.define("org.stmagent.fixtures.Jsr", bytes);
        assertEquals(7, c.getMethod("seven").invoke(null));
    }

    /**
     * The JIT compilers refuse a method holding a dynamic constant not yet resolved: every instance
     * field offset a twin loads is resolved by the class initialiser, so twins with cold branches
     * still compile.
     */
    @Test
    void theClassInitialiserResolvesEveryInstanceOffsetTheTwinsLoad() throws Exception {
        ClassNode fields = read(rewrite("Fields"));
        Set<Object> preloaded = new HashSet<>();
        Set<Object> used = new HashSet<>();
        for (MethodNode m : fields.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof ConstantDynamic d
                        && d.getBootstrapMethod().getName().equals("instanceOffsetBootstrap")) {
                    (m.name.equals("<clinit>") ? preloaded : used).add(d);
                }
            }
        }
        assertFalse(used.isEmpty());
        assertEquals(used, preloaded);
        assertNotNull(new RewritingLoader().fixture("Fields"), "the class still initialises");
    }

    private static ClassNode read(byte[] bytes) {
        ClassNode node = new ClassNode();
        new ClassReader(bytes).accept(node, 0);
        return node;
    }

    private static MethodNode method(ClassNode c, String name, String desc) {
        return c.methods.stream().filter(m -> m.name.equals(name) && m.desc.equals(desc)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + desc));
    }

    private static boolean callsBarrier(MethodNode m, String prefix) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof MethodInsnNode call && call.owner.equals("org/stmagent/runtime/seam/Barriers")
                    && call.name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean calls(MethodNode m, String name) {
        return callsBarrier(m, name);
    }
}
