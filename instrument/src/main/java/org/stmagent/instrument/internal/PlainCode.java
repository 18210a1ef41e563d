package org.stmagent.instrument.internal;

import java.util.Collection;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

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
                InsnList join = new InsnList(); // lock (after dup: lock)
                join.add(lines.push(insn, "enter a synchronized block", null)); // lock site
                join.add(RuntimeSeam.ENTER_PLAIN_MONITOR.insn()); //
                m.instructions.insertBefore(insn, new InsnNode(DUP));
                m.instructions.insert(insn, join);
            } else if (insn.getOpcode() == MONITOREXIT) {
                m.instructions.insert(insn, RuntimeSeam.END_PLAIN.insn());
            }
        }
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
