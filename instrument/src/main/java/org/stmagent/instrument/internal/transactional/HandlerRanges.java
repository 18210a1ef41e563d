package org.stmagent.instrument.internal.transactional;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;

/**
 * Keeps a handler from covering code it must not catch from. javac's handlers for
 * {@code synchronized} cover themselves (the release handler of a block covers its own
 * {@code monitorexit}, the outer block's handler covers the inner blocks' handlers and its own),
 * so code the rewriter puts at a handler, or rethrows from, can land inside that handler's ranges:
 * a throw from there comes back to the same handler, forever.
 */
public final class HandlerRanges {
    private HandlerRanges() {
    }

    /**
     * Cuts each range of {@code handler} that overlaps the code between {@code from} and {@code to}
     * (labels in the method, {@code from} first) into the parts before and after it; parts with no
     * instruction are dropped. Other handlers' ranges are left as they are, and the parts keep their
     * place in the table (its order decides which handler catches).
     */
    public static void uncover(MethodNode method, LabelNode handler, LabelNode from, LabelNode to) {
        InsnList insns = method.instructions;
        int cutStart = insns.indexOf(from);
        int cutEnd = insns.indexOf(to);
        List<TryCatchBlockNode> blocks = new ArrayList<>();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            int start = insns.indexOf(tcb.start);
            int end = insns.indexOf(tcb.end);
            if (tcb.handler != handler || end <= cutStart || start >= cutEnd) {
                blocks.add(tcb);
                continue;
            }
            if (start < cutStart && hasCode(tcb.start, from)) {
                blocks.add(new TryCatchBlockNode(tcb.start, from, handler, tcb.type));
            }
            if (end > cutEnd && hasCode(to, tcb.end)) {
                blocks.add(new TryCatchBlockNode(to, tcb.end, handler, tcb.type));
            }
        }
        method.tryCatchBlocks.clear();
        method.tryCatchBlocks.addAll(blocks);
    }

    private static boolean hasCode(AbstractInsnNode from, AbstractInsnNode to) {
        for (AbstractInsnNode i = from; i != to && i != null; i = i.getNext()) {
            if (i.getOpcode() >= 0) {
                return true;
            }
        }
        return false;
    }
}
