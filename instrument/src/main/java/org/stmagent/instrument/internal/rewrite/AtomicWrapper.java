package org.stmagent.instrument.internal.rewrite;

import java.util.ArrayList;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.transactional.Invocations;
import org.stmagent.instrument.internal.transactional.SourceSites;

/**
 * Replaces the body of an atomic method ({@code synchronized} or {@code @Atomic}) with a transaction
 * around its twin:
 *
 * <pre>
 * Segment s = Barriers.current();
 * if (s != null) return $stm$m(args, s);            // nested: flattened into the running one
 * s = Barriers.begin();          // beginRegion() for a synchronized method, or beginAtomic(retries, rollbackOnException)
 * while (true) {
 *     try { r = $stm$m(args, s); } catch (Throwable t) { Barriers.afterThrowable(s, t); continue; }
 *     if (Barriers.commit(s)) return r;
 * }
 * </pre>
 *
 * {@code afterThrowable} returns to retry after an abort, and rethrows anything else once the
 * effects are committed, as an exception leaving a lock would.
 *
 * <p>A {@code synchronized} method keeps its original code in a {@link PlainCopy}, and its wrapper
 * may run that instead of a transaction, when the runtime says the site runs plainly:
 *
 * <pre>
 * s = Barriers.beginUnlessPlain(monitor, site);
 * if (s == null) { try { r = $stm$plain$m(args); } finally { Barriers.endPlain(); } return r; }
 * ...the loop above, where a rolled-back attempt continues with
 *        if (Barriers.leaveForPlain(s)) run $stm$plain$m as above (the plain run has begun);
 * </pre>
 */
final class AtomicWrapper implements Opcodes {
    private AtomicWrapper() {
    }

    static void wrap(String owner, boolean ownerIsInterface, MethodNode m, AtomicOptions options, boolean monitorRegion) {
        wrap(owner, ownerIsInterface, m, options, false, monitorRegion, 0);
    }

    /** Wraps a {@code synchronized} method whose {@link PlainCopy} the class has, for {@code site}. */
    static void wrapWithPlainCopy(String owner, MethodNode m, int site) {
        wrap(owner, false, m, AtomicOptions.of(null), true, true, site);
    }

    private static void wrap(String owner, boolean ownerIsInterface, MethodNode m, AtomicOptions options,
            boolean plainCopy, boolean monitorRegion, int site) {
        Type returnType = Type.getReturnType(m.desc);
        int segment = Invocations.argumentSlots(m);
        int result = segment + 1;
        LabelNode begin = new LabelNode();
        LabelNode retry = new LabelNode();
        LabelNode start = new LabelNode();
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        LabelNode plainStart = new LabelNode();
        LabelNode plainEnd = new LabelNode();
        LabelNode plainHandler = new LabelNode();
        LabelNode rolledBack = new LabelNode();

        InsnList body = new InsnList();
        body.add(RuntimeSeam.CURRENT.insn()); // s
        body.add(new InsnNode(DUP)); // s s
        body.add(new VarInsnNode(ASTORE, segment)); // s
        body.add(new JumpInsnNode(IFNULL, begin)); //
        body.add(Invocations.loadArguments(m)); // args
        body.add(new VarInsnNode(ALOAD, segment)); // args s
        body.add(Invocations.callTwin(owner, ownerIsInterface, m)); // [r]
        body.add(Invocations.returnOf(m));

        body.add(begin);
        if (plainCopy) {
            body.add(Invocations.loadMonitor(owner, m)); // monitor
            body.add(SourceSites.constant(site)); // monitor site
            body.add(RuntimeSeam.BEGIN_UNLESS_PLAIN.insn()); // s
            body.add(new InsnNode(DUP)); // s s
            body.add(new VarInsnNode(ASTORE, segment)); // s
            body.add(new JumpInsnNode(IFNONNULL, retry)); //
            body.add(plainStart);
            body.add(Invocations.loadArguments(m)); // args
            body.add(PlainCopy.call(owner, m)); // [r]
            body.add(plainEnd);
            if (returnType.getSize() > 0) {
                body.add(new VarInsnNode(returnType.getOpcode(ISTORE), result)); //
            }
            body.add(RuntimeSeam.END_PLAIN.insn());
            if (returnType.getSize() > 0) {
                body.add(new VarInsnNode(returnType.getOpcode(ILOAD), result)); // r
            }
            body.add(Invocations.returnOf(m));
            body.add(plainHandler); // t
            body.add(RuntimeSeam.END_PLAIN.insn()); // t
            body.add(new InsnNode(ATHROW));
        } else if (options.isDefault()) {
            body.add((monitorRegion ? RuntimeSeam.BEGIN_REGION : RuntimeSeam.BEGIN).insn()); // s
        } else {
            body.add(SourceSites.constant(options.retries())); // retries
            body.add(SourceSites.constant(options.rollbackOnException() ? 1 : 0)); // retries rollback
            body.add(RuntimeSeam.BEGIN_ATOMIC.insn()); // s
        }
        body.add(new VarInsnNode(ASTORE, segment)); //
        body.add(retry);
        body.add(start);
        body.add(Invocations.loadArguments(m)); // args
        body.add(new VarInsnNode(ALOAD, segment)); // args s
        body.add(Invocations.callTwin(owner, ownerIsInterface, m)); // [r]
        body.add(end);
        if (returnType.getSize() > 0) {
            body.add(new VarInsnNode(returnType.getOpcode(ISTORE), result)); //
        }
        body.add(new VarInsnNode(ALOAD, segment)); // s
        body.add(RuntimeSeam.COMMIT.insn()); // committed
        body.add(new JumpInsnNode(IFEQ, plainCopy ? rolledBack : retry)); //
        if (returnType.getSize() > 0) {
            body.add(new VarInsnNode(returnType.getOpcode(ILOAD), result)); // r
        }
        body.add(Invocations.returnOf(m));

        body.add(handler); // t
        body.add(new VarInsnNode(ALOAD, segment)); // t s
        body.add(new InsnNode(SWAP)); // s t
        body.add(RuntimeSeam.AFTER_THROWABLE.insn()); //   (returned: the attempt was rolled back)
        if (plainCopy) {
            body.add(rolledBack);
            body.add(new VarInsnNode(ALOAD, segment)); // s
            body.add(RuntimeSeam.LEAVE_FOR_PLAIN.insn()); // leave
            body.add(new JumpInsnNode(IFNE, plainStart)); //   (the plain run has begun)
        }
        body.add(new JumpInsnNode(GOTO, retry));

        m.instructions.clear();
        m.instructions.add(body);
        m.tryCatchBlocks = new ArrayList<>();
        m.tryCatchBlocks.add(new TryCatchBlockNode(start, end, handler, null));
        if (plainCopy) {
            m.tryCatchBlocks.add(new TryCatchBlockNode(plainStart, plainEnd, plainHandler, null));
        }
        m.localVariables = null;
        m.visibleLocalVariableAnnotations = null;
        m.invisibleLocalVariableAnnotations = null;
        m.maxLocals = result + Math.max(1, returnType.getSize());
    }
}
