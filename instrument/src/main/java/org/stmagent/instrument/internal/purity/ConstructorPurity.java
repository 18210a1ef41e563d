package org.stmagent.instrument.internal.purity;

import java.util.HashMap;
import java.util.Map;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.stmagent.instrument.internal.analysis.ClassFileReader;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;

/**
 * Whether a JDK constructor only builds its own object from its arguments: it stores into its own
 * fields values computed from its arguments, constants and final statics, and calls only such
 * constructors ({@code HashMap$Node(int, K, V, Node)}, {@code HashMap$KeySet(HashMap)}). Such a
 * constructor may run as it is inside a transaction: the object is the transaction's own. One that
 * reads another object ({@code HashMap$HashIterator()} reads the map) runs as a twin instead.
 */
public final class ConstructorPurity implements Opcodes {
    private final TypeHierarchy hierarchy;
    private final Map<String, Boolean> known = new HashMap<>();

    public ConstructorPurity(TypeHierarchy hierarchy) {
        this.hierarchy = hierarchy;
    }

    public boolean isPure(String owner, String descriptor) {
        if (owner.equals("java/lang/Object")) {
            return true;
        }
        String key = owner + descriptor;
        Boolean pure = known.get(key);
        if (pure == null) {
            known.put(key, false); // a constructor that (indirectly) calls itself is not pure
            pure = analyse(owner, descriptor);
            known.put(key, pure);
        }
        return pure;
    }

    private boolean analyse(String owner, String descriptor) {
        byte[] bytes = hierarchy.classFile(owner);
        if (bytes == null) {
            return false;
        }
        ClassNode c = ClassFileReader.read(bytes);
        for (MethodNode m : c.methods) {
            if (m.name.equals("<init>") && m.desc.equals(descriptor)) {
                return onlyBuildsItself(c.name, m);
            }
        }
        return false;
    }

    private boolean onlyBuildsItself(String owner, MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            int op = insn.getOpcode();
            if (op < 0 || (op >= ACONST_NULL && op <= SIPUSH) || (op >= ILOAD && op <= ALOAD) || (op >= IADD && op <= LXOR) || op == RETURN
                    || (op >= I2L && op <= I2S) || op == DUP || op == POP || op == IINC) {
                continue;
            }
            if (op == LDC && !(((LdcInsnNode) insn).cst instanceof org.objectweb.asm.ConstantDynamic)) {
                continue;
            }
            if (insn instanceof FieldInsnNode f && (op == PUTFIELD && f.owner.equals(owner) || op == GETSTATIC
                    && isFinal(f))) {
                continue;
            }
            if (insn instanceof MethodInsnNode call && op == INVOKESPECIAL && call.name.equals("<init>")
                    && isPure(call.owner, call.desc)) {
                continue;
            }
            return false;
        }
        return true;
    }

    private boolean isFinal(FieldInsnNode f) {
        TypeHierarchy.Member field = hierarchy.resolveField(f.owner, f.name);
        return field != null && field.is(ACC_FINAL);
    }
}
