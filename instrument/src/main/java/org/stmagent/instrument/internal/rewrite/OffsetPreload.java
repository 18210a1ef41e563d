package org.stmagent.instrument.internal.rewrite;

import java.util.LinkedHashSet;
import java.util.Set;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.seam.RuntimeSeam;

/**
 * Resolves the field addresses a rewritten class's barriers load, when the class is initialised.
 * They are dynamic constants, resolved when first executed; the JIT compilers refuse a method that
 * holds one not yet resolved, so a twin with a cold branch (an error path that never ran) would stay
 * interpreted for good. The class initialiser now begins by loading each of them once: instance
 * fields' offsets, and the addresses of the class's own static fields (another class's static
 * address would initialise that class early, so those stay lazy). A constant that cannot be resolved
 * (a class missing from an optional path) is skipped, and fails where it is used, as before.
 */
final class OffsetPreload implements Opcodes {
    private OffsetPreload() {
    }

    static void apply(ClassNode c, TypeHierarchy hierarchy) {
        Set<ConstantDynamic> constants = new LinkedHashSet<>();
        for (MethodNode m : c.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof ConstantDynamic d && isSafe(c, d, hierarchy)) {
                    constants.add(d);
                }
            }
        }
        if (constants.isEmpty()) {
            return;
        }
        MethodNode clinit = c.methods.stream().filter(m -> m.name.equals("<clinit>")).findFirst().orElse(null);
        if (clinit == null) {
            clinit = new MethodNode(ASM9, ACC_STATIC | ACC_SYNTHETIC, "<clinit>", "()V", null, null);
            clinit.instructions.add(new InsnNode(RETURN));
            c.methods.add(clinit);
        }
        InsnList preload = new InsnList();
        for (ConstantDynamic d : constants) {
            LabelNode start = new LabelNode();
            LabelNode end = new LabelNode();
            LabelNode handler = new LabelNode();
            LabelNode next = new LabelNode();
            preload.add(start);
            preload.add(new LdcInsnNode(d)); // address
            preload.add(new InsnNode(POP)); //
            preload.add(end);
            preload.add(new JumpInsnNode(GOTO, next));
            preload.add(handler); // thrown
            preload.add(new InsnNode(POP)); //
            preload.add(next);
            clinit.tryCatchBlocks.add(0, new TryCatchBlockNode(start, end, handler, "java/lang/Throwable"));
        }
        clinit.instructions.insert(preload);
        clinit.maxStack = Math.max(clinit.maxStack, 1);
    }

    private static boolean isSafe(ClassNode c, ConstantDynamic d, TypeHierarchy hierarchy) {
        String bootstrap = d.getBootstrapMethod().getName();
        if (!d.getBootstrapMethod().getOwner().equals(RuntimeSeam.FIELD_ADDRESSES)) {
            return false;
        }
        if (bootstrap.equals(RuntimeSeam.INSTANCE_OFFSET_BOOTSTRAP.name())) {
            return true;
        }
        Type owner = (Type) d.getBootstrapMethodArgument(0);
        TypeHierarchy.Member field = hierarchy.resolveField(owner.getInternalName(), d.getName());
        return field != null && field.owner().equals(c.name);
    }
}
