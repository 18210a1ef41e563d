package org.stmagent.instrument.internal.jdk;

import java.util.LinkedHashMap;
import java.util.Map;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.stmagent.instrument.internal.seam.RuntimeSeam;

/**
 * Moves the field addresses of a JDK twin's barriers from dynamic constants into static final
 * fields of the twin's class, set by its class initialiser when the runtime defines it. A dynamic
 * constant is resolved when first executed, and the JIT compilers refuse a method holding one not
 * yet resolved: a twin whose cold branches (a tree bin, a resize) never ran would stay interpreted.
 */
final class ResolvedOffsets implements Opcodes {
    private ResolvedOffsets() {
    }

    static void apply(ClassNode holder, MethodNode method) {
        Map<String, FieldNode> fields = new LinkedHashMap<>();
        InsnList init = new InsnList();
        for (AbstractInsnNode insn : method.instructions.toArray()) {
            if (!(insn instanceof LdcInsnNode ldc) || !(ldc.cst instanceof ConstantDynamic c)
                    || !c.getBootstrapMethod().getOwner().equals(RuntimeSeam.FIELD_ADDRESSES)) {
                continue;
            }
            String bootstrap = c.getBootstrapMethod().getName();
            RuntimeSeam.Call address = bootstrap.equals(RuntimeSeam.STATIC_BASE_BOOTSTRAP.name()) ? RuntimeSeam.STATIC_BASE
                    : bootstrap.equals(RuntimeSeam.STATIC_OFFSET_BOOTSTRAP.name()) ? RuntimeSeam.STATIC_OFFSET
                    : RuntimeSeam.INSTANCE_OFFSET;
            boolean base = address == RuntimeSeam.STATIC_BASE;
            Type owner = (Type) c.getBootstrapMethodArgument(0);
            String key = address.name() + " " + owner.getInternalName() + " " + c.getName();
            FieldNode field = fields.get(key);
            String desc = base ? "Ljava/lang/Object;" : "J";
            if (field == null) {
                field = new FieldNode(ACC_PRIVATE | ACC_STATIC | ACC_FINAL | ACC_SYNTHETIC, "f" + fields.size(), desc,
                        null, null);
                fields.put(key, field);
                init.add(new LdcInsnNode(owner)); // class
                init.add(new LdcInsnNode(c.getName())); // class name
                init.add(address.insn()); // address
                init.add(new FieldInsnNode(PUTSTATIC, holder.name, field.name, desc));
            }
            if (!base) { // ldc Long; invokevirtual Long.longValue
                method.instructions.remove(next(ldc));
            }
            method.instructions.set(ldc, new FieldInsnNode(GETSTATIC, holder.name, field.name, desc));
        }
        if (fields.isEmpty()) {
            return;
        }
        holder.fields.addAll(fields.values());
        MethodNode clinit = new MethodNode(ASM9, ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.instructions.add(init);
        clinit.instructions.add(new InsnNode(RETURN));
        holder.methods.add(clinit);
    }

    private static AbstractInsnNode next(AbstractInsnNode insn) {
        AbstractInsnNode n = insn.getNext();
        while (n.getOpcode() < 0) {
            n = n.getNext();
        }
        return n;
    }
}
