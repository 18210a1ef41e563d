package org.stmagent.instrument.internal.rewrite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.stmagent.instrument.internal.transactional.SourceSites;

/**
 * A copy of a {@code synchronized} block's original code, from its {@code monitorenter} to the end
 * of its release handler, put at the end of the method for plain runs of the block (see
 * {@link PlainCopy} for methods, {@link PlainCode} for what changes in it). Jumps out of the block
 * and returns stay as written; the handlers inside the block are copied with it, and a handler
 * around the whole block covers the copy too. A block whose code does not lie in one piece ending
 * in a jump, or that a handler's range covers only in part, gets no copy.
 */
final class PlainBlock implements Opcodes {
    /**
     * Just before the copied {@code monitorenter}, where the lock is loaded from its local: jump
     * here with an empty stack. (HotSpot matches monitors only through values it can follow; a lock
     * carried on the stack across a jump is not one, and the method would not be compiled.)
     */
    final LabelNode entry;

    private PlainBlock(LabelNode entry) {
        this.entry = entry;
    }

    /** Copies region {@code r} of {@code m} before it is converted; null when it cannot run plainly. */
    static PlainBlock copy(MethodNode m, MonitorRegions.Region r, SourceSites.Lines lines) {
        InsnList insns = m.instructions;
        int first = insns.indexOf(r.enter);
        int last = first;
        for (List<AbstractInsnNode> part : List.of(r.body, r.exits, r.releaseCode)) {
            for (AbstractInsnNode insn : part) {
                last = Math.max(last, insns.indexOf(insn));
            }
        }
        AbstractInsnNode end = insns.get(last);
        if (!endsFlow(end.getOpcode())) {
            return null;
        }
        List<AbstractInsnNode> range = new ArrayList<>();
        for (AbstractInsnNode i = r.enter; ; i = i.getNext()) {
            range.add(i);
            if (i == end) {
                break;
            }
        }
        if (!PlainCode.allowed(range)) {
            return null;
        }
        Map<LabelNode, LabelNode> labels = new HashMap<>(); // inside the block: new labels
        for (AbstractInsnNode i : range) {
            if (i instanceof LabelNode label) {
                labels.put(label, new LabelNode());
            }
        }
        Map<LabelNode, LabelNode> targets = new HashMap<>(labels); // and jumps out keep their targets
        for (AbstractInsnNode i : insns) {
            if (i instanceof LabelNode label) {
                targets.putIfAbsent(label, label);
            }
        }
        LabelNode copyStart = new LabelNode();
        LabelNode copyEnd = new LabelNode();
        List<TryCatchBlockNode> handlers = new ArrayList<>();
        List<TryCatchBlockNode> around = new ArrayList<>();
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            int start = insns.indexOf(tcb.start);
            int stop = insns.indexOf(tcb.end); // exclusive
            if (stop <= first || start > last) {
                if (labels.containsKey(tcb.handler)) {
                    return null; // a handler in the block for code outside it
                }
                continue;
            }
            if (start <= first && stop > last) {
                around.add(tcb);
            } else if (start >= first && stop <= last + 1) {
                LabelNode copiedEnd = stop == last + 1 ? copyEnd : labels.get(tcb.end);
                handlers.add(new TryCatchBlockNode(labels.get(tcb.start), copiedEnd,
                        labels.getOrDefault(tcb.handler, tcb.handler), tcb.type));
            } else {
                return null; // a range that covers part of the block
            }
        }

        LabelNode entry = new LabelNode();
        InsnList copy = new InsnList();
        copy.add(copyStart);
        copy.add(entry);
        copy.add(new VarInsnNode(ALOAD, r.lockLocal));
        List<AbstractInsnNode> copied = new ArrayList<>();
        AbstractInsnNode copiedEnter = null;
        for (AbstractInsnNode i : range) {
            AbstractInsnNode c = i instanceof LabelNode label ? labels.get(label) : i.clone(targets);
            if (i == r.enter) {
                copiedEnter = c;
            }
            copy.add(c);
            copied.add(c);
        }
        copy.add(copyEnd);
        insns.add(copy);
        m.tryCatchBlocks.addAll(handlers);
        for (TryCatchBlockNode tcb : around) {
            m.tryCatchBlocks.add(new TryCatchBlockNode(copyStart, copyEnd, tcb.handler, tcb.type));
        }
        PlainCode.joinMonitors(m, copied, copiedEnter, lines);
        return new PlainBlock(entry);
    }

    private static boolean endsFlow(int opcode) {
        return opcode == ATHROW || opcode == GOTO || (opcode >= IRETURN && opcode <= RETURN);
    }
}
