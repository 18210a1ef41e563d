package org.stmagent.instrument.internal.rewrite;

import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Class files older than Java 9 may assign their own final fields outside the initializer (cglib's
 * generated proxies set a {@code static final} field from a helper that {@code <clinit>} calls). The
 * rewriter raises such a class to Java 11 for its constants, where the JVM refuses those writes with
 * {@code IllegalAccessError}; so those fields lose their {@code final} flag, and only those.
 */
final class LegacyFinalWrites implements Opcodes {
    /** The first class file version whose final fields the JVM guards against writes elsewhere (Java 9). */
    static final int GUARDED_FROM = V9;

    private LegacyFinalWrites() {
    }

    /** Clears {@code final} on the fields of {@code c} that its own code writes outside their initializer. */
    static void relax(ClassNode c) {
        Set<String> writtenElsewhere = new HashSet<>();
        for (MethodNode m : c.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof FieldInsnNode f && f.owner.equals(c.name) && writesOutsideInitializer(f, m)) {
                    writtenElsewhere.add(f.name + f.desc);
                }
            }
        }
        for (FieldNode f : c.fields) {
            if (writtenElsewhere.contains(f.name + f.desc)) {
                f.access &= ~ACC_FINAL;
            }
        }
    }

    private static boolean writesOutsideInitializer(FieldInsnNode f, MethodNode m) {
        return f.getOpcode() == PUTSTATIC && !m.name.equals("<clinit>")
                || f.getOpcode() == PUTFIELD && !m.name.equals("<init>");
    }
}
