package org.stmagent.instrument.internal.transactional;

import java.util.ArrayList;
import java.util.Collections;
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
import org.stmagent.instrument.internal.seam.RuntimeSeam;

/**
 * Keeps user handlers in transactional code from swallowing the runtime's abort: a handler that
 * could catch it ({@code catch (Throwable)}, {@code catch (Error)}, {@code finally}) first rethrows
 * it, so the attempt unwinds to its retry loop.
 */
public final class AbortGuard implements Opcodes {
    private AbortGuard() {
    }

    /** Guards each handler whose first instruction {@code inTransaction} accepts. */
    public static void guard(MethodNode method, Predicate<AbstractInsnNode> inTransaction) {
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
            // javac's release handler of a synchronized block protects itself, so that a failing
            // monitorexit is retried: left so, the guard's athrow would throw the abort into its own
            // handler, forever. The abort leaves for the enclosing handlers.
            HandlerRanges.uncover(method, tcb.handler, tcb.handler, pass);
        }
    }

    private static boolean catchesAbort(String type) {
        return type == null || type.equals("java/lang/Throwable") || type.equals("java/lang/Error");
    }
}
