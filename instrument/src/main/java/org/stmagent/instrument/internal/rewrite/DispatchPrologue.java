package org.stmagent.instrument.internal.rewrite;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.transactional.Invocations;

/**
 * The one check an original method pays: code the rewriter never saw (JDK callbacks such as
 * {@code compareTo} or {@code hashCode}, lambda classes, reflection, method handles) may call it
 * inside a transaction, so it first asks whether one is running and, if so, runs its twin.
 *
 * <pre>
 * Segment s = Barriers.current();
 * if (s != null) return $stm$m(args, s);
 * ... original body ...
 * </pre>
 */
final class DispatchPrologue implements Opcodes {
    private DispatchPrologue() {
    }

    static void insert(String owner, boolean ownerIsInterface, MethodNode m) {
        int segment = Math.max(m.maxLocals, Invocations.argumentSlots(m));
        LabelNode original = new LabelNode();
        InsnList check = new InsnList();
        check.add(RuntimeSeam.CURRENT.insn()); // s
        check.add(new VarInsnNode(ASTORE, segment)); //
        check.add(new VarInsnNode(ALOAD, segment)); // s
        check.add(new JumpInsnNode(IFNULL, original)); //
        check.add(Invocations.loadArguments(m)); // args
        check.add(new VarInsnNode(ALOAD, segment)); // args s
        check.add(Invocations.callTwin(owner, ownerIsInterface, m)); // [r]
        check.add(Invocations.returnOf(m));
        check.add(original);
        m.instructions.insert(check);
        m.maxLocals = segment + 1;
    }
}
