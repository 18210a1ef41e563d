package org.stmagent.instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.util.CheckClassAdapter;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.runtime.seam.JdkTwins;

/**
 * The twins of JDK collection methods, as class files: one static method taking the receiver first
 * and the segment last, every non-final field through a barrier, every call linked at run time,
 * counters as commutative increments, and the code the twins cannot copy refused.
 */
class JdkTwinWriterTest {
    private final JdkTwinWriter writer =
            new JdkTwinWriter(RewritePolicy.of(name -> false), ClassFileLocator.of(ClassLoader.getSystemClassLoader()));

    @Test
    void hashMapGetBecomesOneStaticMethodWithBarriersAndLinkedCalls() throws Exception {
        ClassNode twin = twinOf("java/util/HashMap", "get", "(Ljava/lang/Object;)Ljava/lang/Object;");
        assertEquals("java/util/HashMap" + JdkTwins.CLASS_SUFFIX, twin.name);
        MethodNode method = method(twin, JdkTwins.METHOD);
        assertEquals("(Ljava/util/HashMap;Ljava/lang/Object;L" + RuntimeSeam.SEGMENT + ";)Ljava/lang/Object;",
                method.desc);
        assertEquals(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, method.access);
        assertTrue(indys(method).stream().anyMatch(i -> i.name.equals("getNode")), "getNode is linked");
        assertNoPlainAccessToNonFinalFields(method);
        assertNotNull(method(twin, "<clinit>"), "field addresses are set when the class is defined");
        assertVerifies(twin);
    }

    @Test
    void insertingCountsSizeAndModCountAsCommutativeIncrements() throws Exception {
        MethodNode putVal = method(twinOf("java/util/HashMap", "putVal",
                "(ILjava/lang/Object;Ljava/lang/Object;ZZ)Ljava/lang/Object;"), JdkTwins.METHOD);
        List<String> counters = new ArrayList<>();
        for (AbstractInsnNode insn : putVal.instructions) {
            if (insn instanceof MethodInsnNode m && m.name.equals(RuntimeSeam.ADD_TO_COUNTER.name())) {
                counters.add(m.name);
            }
        }
        assertEquals(2, counters.size(), "++modCount and ++size");
        assertNoPlainAccessToNonFinalFields(putVal);
    }

    @Test
    void aConstructorThatReadsTheMapRunsItsSuperConstructorsTwin() throws Exception {
        ClassNode twin = twinOf("java/util/ArrayList", "<init>", "(Ljava/util/Collection;)V");
        MethodNode init = method(twin, JdkTwins.METHOD);
        assertEquals("(Ljava/util/ArrayList;Ljava/util/Collection;L" + RuntimeSeam.SEGMENT + ";)V", init.desc);
        assertTrue(indys(init).stream().anyMatch(i -> i.name.equals("initialize")), "super() is linked");
        for (AbstractInsnNode insn : init.instructions) {
            assertFalse(insn instanceof MethodInsnNode m && m.name.equals("<init>") && m.owner.equals("java/util/AbstractList"),
                    "no constructor runs on an object already built");
        }
        assertVerifies(twin);
    }

    @Test
    void superCloneCopiesTheObjectThroughTheBarriers() throws Exception {
        MethodNode clone = method(twinOf("java/util/AbstractMap", "clone", "()Ljava/lang/Object;"), JdkTwins.METHOD);
        boolean copies = false;
        for (AbstractInsnNode insn : clone.instructions) {
            copies |= insn instanceof MethodInsnNode m && m.name.equals(RuntimeSeam.CLONE_OBJECT.name());
            assertFalse(insn instanceof MethodInsnNode m && m.owner.equals("java/lang/Object") && m.name.equals("clone"),
                    "Object.clone would copy memory around the transaction's writes");
        }
        assertTrue(copies);
    }

    @Test
    void codeATwinCannotCopyIsRefusedAndAbstractMethodsHaveNone() throws Exception {
        RewriteException e = assertThrows(RewriteException.class,
                () -> writer.twinClass("java/lang/Integer", "<init>", "(I)V"));
        assertTrue(e.getMessage().contains("java/lang/Number"), "Number has no twins: " + e.getMessage());
        assertNull(writer.twinClass("java/util/AbstractMap", "entrySet", "()Ljava/util/Set;"));
    }

    @Test
    void collectionsAndTheirNestsAreCoveredSynchronizedClassesAreNot() {
        assertTrue(JdkTwinWriter.covers("java/util/HashMap"));
        assertTrue(JdkTwinWriter.covers("java/util/HashMap$Node"));
        assertTrue(JdkTwinWriter.covers("java/lang/StringBuilder"));
        assertFalse(JdkTwinWriter.covers("java/util/Vector"));
        assertFalse(JdkTwinWriter.covers("java/util/Hashtable"));
        assertFalse(JdkTwinWriter.covers("java/lang/StringBuffer"));
        assertFalse(JdkTwinWriter.covers("java/util/concurrent/ConcurrentHashMap"));
    }

    private ClassNode twinOf(String owner, String name, String descriptor) throws RewriteException {
        byte[] classFile = writer.twinClass(owner, name, descriptor);
        assertNotNull(classFile);
        ClassNode node = new ClassNode();
        new ClassReader(classFile).accept(node, 0);
        return node;
    }

    private static MethodNode method(ClassNode c, String name) {
        return c.methods.stream().filter(m -> m.name.equals(name)).findFirst().orElse(null);
    }

    private static List<InvokeDynamicInsnNode> indys(MethodNode m) {
        List<InvokeDynamicInsnNode> out = new ArrayList<>();
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof InvokeDynamicInsnNode indy && indy.bsm.getOwner().equals(RuntimeSeam.JDK_CALLS)) {
                out.add(indy);
            }
        }
        return out;
    }

    /** Final fields may be read as they are; anything else of the JDK's goes through a barrier. */
    private static void assertNoPlainAccessToNonFinalFields(MethodNode m) throws Exception {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof FieldInsnNode f && f.owner.startsWith("java/") && !f.owner.endsWith(JdkTwins.CLASS_SUFFIX)) {
                assertTrue(f.getOpcode() == Opcodes.GETFIELD || f.getOpcode() == Opcodes.GETSTATIC,
                        "no plain write: " + f.owner + "." + f.name);
                Field field = Class.forName(f.owner.replace('/', '.')).getDeclaredField(f.name);
                assertTrue(Modifier.isFinal(field.getModifiers()), f.owner + "." + f.name + " is final");
            }
        }
    }

    /** ASM's verifier (types checked by name, not loaded) finds nothing wrong. */
    private static void assertVerifies(ClassNode twin) {
        StringWriter problems = new StringWriter();
        ClassWriter w = new ClassWriter(0);
        twin.accept(w);
        CheckClassAdapter.verify(new ClassReader(w.toByteArray()), ClassLoader.getSystemClassLoader(), false,
                new PrintWriter(problems));
        assertEquals("", problems.toString());
    }
}
