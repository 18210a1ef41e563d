package org.stmagent.instrument.internal.rewrite;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.transactional.SourceSites;

/**
 * Original code kept for plain runs (see {@link PlainCopy}): it takes real locks, and every monitor
 * it enters joins plain mode as well, so transactions keep away from data it changes under them:
 * {@code monitorenter} becomes {@code dup; monitorenter; Barriers.enterPlainMonitor(lock, site)},
 * and each {@code monitorexit} is followed by {@code Barriers.endPlain()}. Code that calls
 * {@code wait} or {@code notify} itself gets no plain copy: transactions waiting on the same monitor
 * would not hear a plain notification.
 */
final class PlainCode implements Opcodes {
    private PlainCode() {
    }

    /** Whether these instructions may run as plain code. */
    static boolean allowed(Iterable<AbstractInsnNode> insns) {
        for (AbstractInsnNode insn : insns) {
            if (insn instanceof MethodInsnNode call && isWaitOrNotify(call)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Makes the monitors of {@code insns} (instructions of {@code m}) join plain mode, except
     * {@code skipped}, a {@code monitorenter} whose monitor the caller has entered already.
     */
    static void joinMonitors(MethodNode m, Collection<AbstractInsnNode> insns, AbstractInsnNode skipped,
            SourceSites.Lines lines) {
        for (AbstractInsnNode insn : insns.toArray(new AbstractInsnNode[0])) {
            if (insn.getOpcode() == MONITORENTER && insn != skipped) {
                Set<LabelNode> rightAfter = labelsRightAfter(insn);
                LabelNode entered = new LabelNode();
                InsnList join = new InsnList(); // lock (after dup: lock)
                join.add(entered);
                join.add(lines.push(insn, "enter a synchronized block", null)); // lock site
                join.add(RuntimeSeam.ENTER_PLAIN_MONITOR.insn()); //
                m.instructions.insertBefore(insn, new InsnNode(DUP));
                m.instructions.insert(insn, join);
                // the block's release handler covers the call, as it covers the code after the monitorenter
                for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
                    if (rightAfter.contains(tcb.start)) {
                        tcb.start = entered;
                    }
                }
            } else if (insn.getOpcode() == MONITOREXIT) {
                endPlainAfter(m, insn);
            }
        }
    }

    /**
     * Puts {@code Barriers.endPlain()} after {@code exit}, outside the handler ranges that end right
     * after it (a block's release handler covers its code up to and including the
     * {@code monitorexit}). Inside them, the call would be an instruction that can throw to a handler
     * expecting the monitor held, after it was released: HotSpot compiles no method whose monitors
     * it cannot match on every path (each instruction that can throw must reach its handler with the
     * monitors the handler expects), so the whole method would run interpreted. For the same reason
     * the call after a {@code monitorenter} is put inside the ranges that begin right after it.
     */
    private static void endPlainAfter(MethodNode m, AbstractInsnNode exit) {
        Set<LabelNode> rightAfter = labelsRightAfter(exit);
        LabelNode released = new LabelNode();
        InsnList end = new InsnList();
        end.add(released);
        end.add(RuntimeSeam.END_PLAIN.insn());
        m.instructions.insert(exit, end);
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            if (rightAfter.contains(tcb.end)) {
                tcb.end = released;
            }
        }
    }

    /** The labels between {@code insn} and the next instruction: where ranges begin or end right after it. */
    private static Set<LabelNode> labelsRightAfter(AbstractInsnNode insn) {
        Set<LabelNode> labels = new HashSet<>();
        for (AbstractInsnNode next = insn.getNext(); next instanceof LabelNode label; next = next.getNext()) {
            labels.add(label);
        }
        return labels;
    }

    private static boolean isWaitOrNotify(MethodInsnNode call) {
        switch (call.name) {
            case "wait":
                return call.desc.equals("()V") || call.desc.equals("(J)V") || call.desc.equals("(JI)V");
            case "notify":
            case "notifyAll":
                return call.desc.equals("()V");
            default:
                return false;
        }
    }
}
