package org.stmagent.instrument.internal.transactional;

import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.stmagent.instrument.internal.seam.RuntimeSeam;

/**
 * String concatenation ({@code "map " + map}) inside a transaction: the JDK's concatenation calls
 * {@code toString()} on each object argument as it is, which for a collection would read memory
 * around what the transaction wrote. Object arguments are turned into strings first, through the
 * linked {@code toString} call (a collection's twin, a rewritten class's code, or inevitability),
 * with {@code String.valueOf}'s {@code "null"}; strings, boxes and primitives are passed as they are.
 */
final class StringConcatArguments implements Opcodes {
    /** Values whose {@code toString} reads nothing a transaction writes. */
    private static final Set<String> VALUES = Set.of("java/lang/String", "java/lang/Integer", "java/lang/Long",
            "java/lang/Short", "java/lang/Byte", "java/lang/Character", "java/lang/Boolean", "java/lang/Float",
            "java/lang/Double");

    private StringConcatArguments() {
    }

    static void convert(MethodNode method, InvokeDynamicInsnNode concat, int segment, int site) {
        Type type = Type.getMethodType(concat.desc);
        Type[] arguments = type.getArgumentTypes();
        boolean any = false;
        for (Type a : arguments) {
            any |= needsConversion(a);
        }
        if (!any) {
            return;
        }
        int[] slots = new int[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            slots[i] = method.maxLocals;
            method.maxLocals += arguments[i].getSize();
        }
        InsnList out = new InsnList(); // args
        for (int i = arguments.length - 1; i >= 0; i--) {
            out.add(new VarInsnNode(arguments[i].getOpcode(ISTORE), slots[i]));
        }
        Type[] converted = arguments.clone();
        for (int i = 0; i < arguments.length; i++) {
            out.add(new VarInsnNode(arguments[i].getOpcode(ILOAD), slots[i]));
            if (needsConversion(arguments[i])) {
                out.add(toString(segment, site)); // string
                converted[i] = Type.getType(String.class);
            }
        }
        method.instructions.insertBefore(concat, out); // converted args
        concat.desc = Type.getMethodDescriptor(type.getReturnType(), converted);
    }

    private static boolean needsConversion(Type argument) {
        return argument.getSort() == Type.OBJECT && !VALUES.contains(argument.getInternalName());
    }

    /** {@code object == null ? "null" : object.toString()}, the call linked like any other. */
    private static InsnList toString(int segment, int site) {
        InsnList out = new InsnList(); // object
        LabelNode notNull = new LabelNode();
        LabelNode done = new LabelNode();
        out.add(new InsnNode(DUP)); // object object
        out.add(new JumpInsnNode(IFNONNULL, notNull)); // object
        out.add(new InsnNode(POP)); //
        out.add(new LdcInsnNode("null")); // "null"
        out.add(new JumpInsnNode(GOTO, done));
        out.add(notNull); // object
        out.add(new VarInsnNode(ALOAD, segment)); // object s
        out.add(new InvokeDynamicInsnNode("toString", "(Ljava/lang/Object;" + RuntimeSeam.SEGMENT_DESC + ")Ljava/lang/String;",
                RuntimeSeam.JDK_VIRTUAL_CALL.handle(), Type.getObjectType("java/lang/Object"),
                "()Ljava/lang/String;", site)); // string
        out.add(done); // string
        return out;
    }
}
