package org.stmagent.instrument.internal.transactional;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.stmagent.instrument.internal.seam.Twins;

/** Small emitters shared by the method transforms: argument loads, twin calls, returns. */
public final class Invocations implements Opcodes {
    private Invocations() {
    }

    public static boolean isStatic(MethodNode m) {
        return (m.access & ACC_STATIC) != 0;
    }

    /** Slots taken by {@code this} and the parameters. */
    public static int argumentSlots(MethodNode m) {
        return (Type.getArgumentsAndReturnSizes(m.desc) >> 2) - (isStatic(m) ? 1 : 0);
    }

    /** Pushes {@code this} (unless static) and every parameter. */
    public static InsnList loadArguments(MethodNode m) {
        InsnList out = new InsnList();
        int slot = 0;
        if (!isStatic(m)) {
            out.add(new VarInsnNode(ALOAD, slot++)); // this
        }
        for (Type arg : Type.getArgumentTypes(m.desc)) {
            out.add(new VarInsnNode(arg.getOpcode(ILOAD), slot)); // ... arg
            slot += arg.getSize();
        }
        return out;
    }

    /** Calls the twin of {@code m} in class {@code owner} without virtual dispatch. */
    public static MethodInsnNode callTwin(String owner, boolean ownerIsInterface, MethodNode m) {
        int opcode = isStatic(m) ? INVOKESTATIC : INVOKESPECIAL;
        return new MethodInsnNode(opcode, owner, Twins.name(m.name), Twins.descriptor(m.desc), ownerIsInterface);
    }

    /** Pushes the object a {@code synchronized} method locks: {@code this} or the class. */
    public static InsnList loadMonitor(String owner, MethodNode m) {
        InsnList out = new InsnList();
        out.add(isStatic(m) ? new LdcInsnNode(Type.getObjectType(owner)) : new VarInsnNode(ALOAD, 0)); // monitor
        return out;
    }

    public static InsnNode returnOf(MethodNode m) {
        return new InsnNode(Type.getReturnType(m.desc).getOpcode(IRETURN));
    }

    public static boolean isReturn(int opcode) {
        return opcode >= IRETURN && opcode <= RETURN;
    }
}
