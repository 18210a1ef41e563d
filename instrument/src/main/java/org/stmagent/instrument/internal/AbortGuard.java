package org.stmagent.instrument.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Keeps user handlers in transactional code from swallowing the runtime's abort: a handler that
 * could catch it ({@code catch (Throwable)}, {@code catch (Error)}, {@code finally}) first rethrows
 * it, so the attempt unwinds to its retry loop.
 */
final class AbortGuard implements Opcodes {
    private AbortGuard() {
    }

    /** Guards each handler whose first instruction {@code inTransaction} accepts. */
    static void guard(MethodNode method, Predicate<AbstractInsnNode> inTransaction) {
        Set<LabelNode> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TryCatchBlockNode tcb : new ArrayList<>(method.tryCatchBlocks)) {
            if (!catchesAbort(tcb.type) || !inTransaction.test(tcb.handler) || !done.add(tcb.handler)) {
                continue;
            }
            LabelNode pass = new LabelNode();
            InsnList check = new InsnList(); // t
            check.add(new InsnNode(DUP)); // t t
            check.add(new TypeInsnNode(INSTANCEOF, RuntimeSeam.TRANSACTION_ABORT)); // t isAbort
            check.add(new JumpInsnNode(IFEQ, pass)); // t
            check.add(new InsnNode(ATHROW)); //
            check.add(pass); // t
            method.instructions.insert(tcb.handler, check);
            uncoverGuard(method, tcb.handler, pass);
        }
    }

    /**
     * javac's release handler of a {@code synchronized} block protects itself (its range starts at
     * the handler), so that a failing {@code monitorexit} is retried. Left so, the guard's
     * {@code athrow} would throw the abort into its own handler, forever. Ranges of this handler that
     * cover the guard are cut around it, so the abort leaves for the enclosing handlers.
     */
    private static void uncoverGuard(MethodNode method, LabelNode handler, LabelNode pass) {
        InsnList insns = method.instructions;
        int guardStart = insns.indexOf(handler);
        int guardEnd = insns.indexOf(pass);
        List<TryCatchBlockNode> blocks = new ArrayList<>();
        for (TryCatchBlockNode tcb : method.tryCatchBlocks) {
            if (tcb.handler != handler || insns.indexOf(tcb.start) > guardStart
                    || insns.indexOf(tcb.end) <= guardStart) {
                blocks.add(tcb);
                continue;
            }
            if (tcb.start != handler) { // the part before the guard
                blocks.add(new TryCatchBlockNode(tcb.start, handler, tcb.handler, tcb.type));
            }
            if (insns.indexOf(tcb.end) > guardEnd) { // the part after it
                blocks.add(new TryCatchBlockNode(pass, tcb.end, tcb.handler, tcb.type));
            }
        }
        method.tryCatchBlocks.clear();
        method.tryCatchBlocks.addAll(blocks);
    }

    private static boolean catchesAbort(String type) {
        return type == null || type.equals("java/lang/Throwable") || type.equals("java/lang/Error");
    }
}
