package org.stmagent.instrument.internal.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.stmagent.instrument.internal.seam.RuntimeSeam;

/**
 * A class initialiser may be triggered inside a transaction. The JVM runs it once and for good, so
 * it must not be part of an attempt that can be rolled back: it detaches the thread's transaction
 * for its duration and reattaches it on every way out.
 *
 * <pre>
 * Segment s = Barriers.suspend();
 * try { ... original initialiser, each return preceded by Barriers.resume(s) ... }
 * catch (any) { Barriers.resume(s); throw; }
 * </pre>
 */
final class InitializerDetach implements Opcodes {
    private InitializerDetach() {
    }

    static void apply(MethodNode clinit) {
        int suspended = clinit.maxLocals;
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();

        for (AbstractInsnNode insn = clinit.instructions.getFirst(); insn != null; insn = insn.getNext()) {
            if (insn.getOpcode() == RETURN) {
                clinit.instructions.insertBefore(insn, resume(suspended));
            }
        }

        InsnList entry = new InsnList();
        entry.add(RuntimeSeam.SUSPEND.insn()); // s
        entry.add(new VarInsnNode(ASTORE, suspended)); //
        entry.add(start);
        clinit.instructions.insert(entry);

        InsnList handler = new InsnList();
        handler.add(end);
        LabelNode rethrow = new LabelNode();
        handler.add(rethrow); // thrown
        handler.add(resume(suspended)); // thrown
        handler.add(new InsnNode(ATHROW));
        clinit.instructions.add(handler);
        clinit.tryCatchBlocks.add(new TryCatchBlockNode(start, end, rethrow, null));
        clinit.maxLocals = suspended + 1;
        clinit.maxStack = Math.max(clinit.maxStack, 2);
    }

    private static InsnList resume(int suspended) {
        InsnList out = new InsnList();
        out.add(new VarInsnNode(ALOAD, suspended)); // s
        out.add(RuntimeSeam.RESUME.insn()); //
        return out;
    }
}
