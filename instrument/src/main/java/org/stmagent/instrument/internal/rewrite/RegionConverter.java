package org.stmagent.instrument.internal.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.objectweb.asm.tree.analysis.Frame;
import org.stmagent.instrument.internal.analysis.TypeFlow;
import org.stmagent.instrument.internal.analysis.TypedInterpreter;
import org.stmagent.instrument.internal.analysis.UnsupportedCodeException;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.transactional.AbortGuard;
import org.stmagent.instrument.internal.transactional.HandlerRanges;
import org.stmagent.instrument.internal.transactional.SourceSites;
import org.stmagent.instrument.internal.transactional.TransactionalCode;

/**
 * Turns a {@code synchronized} block of original code into a transaction, in place:
 *
 * <pre>
 * s = Barriers.current(); own = s == null; if (own) s = Barriers.beginRegion();
 * copy locals the block writes;
 * retry: restore those locals; Barriers.monitorEnter(lock, s);
 *   ... block with barriers ...                       (each normal exit:)
 *   Barriers.monitorExit(lock, s); if (own &amp;&amp; !Barriers.commit(s)) goto retry;
 * handler (replaces the compiler's release handler, covered by the same ranges):
 *   own ? { Barriers.afterThrowable(s, t); goto retry; } : { Barriers.monitorExit(lock, s); throw t; }
 * </pre>
 *
 * Inside a running transaction ({@code own} false) the block joins it: no commit, no retry.
 *
 * <p>A block with a {@link PlainBlock} copy begins with {@code s = Barriers.beginUnlessPlain(lock,
 * site)} instead, and runs the copy when that returns null; a rolled-back attempt asks
 * {@code Barriers.leaveForPlain(s)} before it retries, and runs the copy (locals restored) if so.
 */
final class RegionConverter implements Opcodes {
    private final TransactionalCode code;

    RegionConverter(TransactionalCode code) {
        this.code = code;
    }

    /** A local the block writes and its copy, restored before each new attempt. */
    private record Copy(int local, int copy, Type type) {
    }

    void convert(MethodNode m, MonitorRegions.Region r, TypeFlow flow) {
        if (r.releaseHandlers.isEmpty()) {
            throw new UnsupportedCodeException("synchronized block without a handler that releases its monitor");
        }
        SourceSites.Lines lines = code.lines(m);
        int site = lines.site(r.enter, "enter a synchronized block");
        PlainBlock plain = PlainBlock.copy(m, r, lines); // before any change to the original code
        int segment = m.maxLocals++;
        int own = m.maxLocals++;
        int thrown = m.maxLocals++;
        List<Copy> copies = snapshotLocals(m, r, flow.before(r.enter));
        Set<AbstractInsnNode> body = Collections.newSetFromMap(new IdentityHashMap<>());
        body.addAll(r.body);

        LabelNode retry = new LabelNode();
        // where a rolled-back attempt goes: to the plain copy if the monitor turned plain, else retry
        LabelNode rolledBack = plain != null ? new LabelNode() : retry;
        LabelNode handler = new LabelNode();
        retarget(m, r, handler);
        checkCovered(m, body, handler);
        AbortGuard.guard(m, body::contains);
        code.rewrite(m, r.body, flow, segment);
        for (AbstractInsnNode exit : r.exits) {
            LabelNode released = new LabelNode();
            LabelNode left = new LabelNode();
            InsnList out = exit(m, flow.before(exit), segment, own, rolledBack, released);
            out.add(left);
            m.instructions.insert(exit, out);
            m.instructions.remove(exit);
            // javac's ranges cover the monitorexit; the commit after it is outside the block
            HandlerRanges.uncover(m, handler, released, left);
        }
        LabelNode handlerEnd = new LabelNode();
        InsnList release = handler(r, handler, segment, own, thrown, rolledBack);
        if (plain != null) {
            release.add(rolledBack);
            release.add(new VarInsnNode(ALOAD, segment)); // s
            release.add(RuntimeSeam.LEAVE_FOR_PLAIN.insn()); // leave
            release.add(new JumpInsnNode(IFEQ, retry)); //
            restore(release, copies);
            release.add(new JumpInsnNode(GOTO, plain.entry));
        }
        release.add(handlerEnd);
        m.instructions.insert(r.releaseHandlers.get(0), release);
        for (AbstractInsnNode insn : r.releaseCode) {
            m.instructions.remove(insn);
        }
        // The new handler sits where javac's outermost release handler was, which the block's own
        // ranges cover when blocks are nested (the outer handler covers the inner handlers and
        // itself): left so, the throwable afterThrowable rethrows once committed would come back to
        // the handler, forever.
        HandlerRanges.uncover(m, handler, handler, handlerEnd);
        m.instructions.insert(r.enter, entry(r, segment, own, copies, retry, plain, site));
        m.instructions.remove(r.enter);
    }

    private static InsnList entry(MonitorRegions.Region r, int segment, int own, List<Copy> copies,
            LabelNode retry, PlainBlock plain, int site) {
        LabelNode nested = new LabelNode();
        LabelNode snapshot = new LabelNode();
        InsnList out = new InsnList(); // lock (also in its local)
        out.add(new InsnNode(POP)); //
        out.add(new VarInsnNode(ALOAD, r.lockLocal)); // lock
        out.add(new MethodInsnNode(INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false));
        out.add(new InsnNode(POP)); //   (NullPointerException where monitorenter would throw it)
        out.add(RuntimeSeam.CURRENT.insn()); // s
        out.add(new InsnNode(DUP)); // s s
        out.add(new VarInsnNode(ASTORE, segment)); // s
        out.add(new JumpInsnNode(IFNONNULL, nested)); //
        if (plain != null) {
            LabelNode began = new LabelNode();
            out.add(new VarInsnNode(ALOAD, r.lockLocal)); // lock
            out.add(SourceSites.constant(site)); // lock site
            out.add(RuntimeSeam.BEGIN_UNLESS_PLAIN.insn()); // s
            out.add(new InsnNode(DUP)); // s s
            out.add(new VarInsnNode(ASTORE, segment)); // s
            out.add(new JumpInsnNode(IFNONNULL, began)); //
            out.add(new JumpInsnNode(GOTO, plain.entry)); // (the original code, under the real lock)
            out.add(began);
        } else {
            out.add(RuntimeSeam.BEGIN_REGION.insn()); // s (a region of a monitor, with no plain copy)
            out.add(new VarInsnNode(ASTORE, segment)); //
        }
        out.add(new InsnNode(ICONST_1)); // 1
        out.add(new VarInsnNode(ISTORE, own)); //
        out.add(new JumpInsnNode(GOTO, snapshot));
        out.add(nested);
        out.add(new InsnNode(ICONST_0)); // 0
        out.add(new VarInsnNode(ISTORE, own)); //
        out.add(snapshot);
        for (Copy c : copies) {
            out.add(new VarInsnNode(c.type.getOpcode(ILOAD), c.local)); // v
            out.add(new VarInsnNode(c.type.getOpcode(ISTORE), c.copy)); //
        }
        out.add(retry);
        restore(out, copies);
        out.add(new VarInsnNode(ALOAD, r.lockLocal)); // lock
        out.add(new VarInsnNode(ALOAD, segment)); // lock s
        out.add(RuntimeSeam.MONITOR_ENTER.insn()); //
        return out;
    }

    private static void restore(InsnList out, List<Copy> copies) {
        for (Copy c : copies) {
            out.add(new VarInsnNode(c.type.getOpcode(ILOAD), c.copy)); // v
            out.add(new VarInsnNode(c.type.getOpcode(ISTORE), c.local)); //
        }
    }

    /** A normal exit; values the block leaves under the lock (a return value) wait in locals. */
    private static InsnList exit(MethodNode m, Frame<BasicValue> atExit, int segment, int own, LabelNode retry,
            LabelNode released) {
        LabelNode done = new LabelNode();
        InsnList out = new InsnList(); // values lock
        out.add(new VarInsnNode(ALOAD, segment)); // values lock s
        out.add(RuntimeSeam.MONITOR_EXIT.insn()); // values
        out.add(released);
        int kept = atExit.getStackSize() - 1;
        int[] slots = new int[kept];
        Type[] types = new Type[kept];
        for (int k = kept - 1; k >= 0; k--) {
            BasicValue v = atExit.getStack(k);
            if (v.getType() == null || v instanceof TypedInterpreter.Fresh) {
                throw new UnsupportedCodeException("monitorexit above a value that cannot be kept in a local");
            }
            types[k] = v.getType();
            slots[k] = m.maxLocals;
            m.maxLocals += v.getSize();
            out.add(new VarInsnNode(types[k].getOpcode(ISTORE), slots[k])); // values below k
        }
        out.add(new VarInsnNode(ILOAD, own)); // own
        out.add(new JumpInsnNode(IFEQ, done)); //
        out.add(new VarInsnNode(ALOAD, segment)); // s
        out.add(RuntimeSeam.COMMIT.insn()); // committed
        out.add(new JumpInsnNode(IFEQ, retry)); //
        out.add(done);
        for (int k = 0; k < kept; k++) {
            out.add(new VarInsnNode(types[k].getOpcode(ILOAD), slots[k])); // values
        }
        return out;
    }

    private static InsnList handler(MonitorRegions.Region r, LabelNode handler, int segment, int own, int thrown,
            LabelNode retry) {
        LabelNode owner = new LabelNode();
        InsnList out = new InsnList();
        out.add(handler); // t
        out.add(new VarInsnNode(ASTORE, thrown)); //
        out.add(new VarInsnNode(ILOAD, own)); // own
        out.add(new JumpInsnNode(IFNE, owner)); //
        out.add(new VarInsnNode(ALOAD, r.lockLocal)); // lock
        out.add(new VarInsnNode(ALOAD, segment)); // lock s
        out.add(RuntimeSeam.MONITOR_EXIT.insn()); //
        out.add(new VarInsnNode(ALOAD, thrown)); // t
        out.add(new InsnNode(ATHROW)); //        (nested: the enclosing transaction decides)
        out.add(owner);
        out.add(new VarInsnNode(ALOAD, segment)); // s
        out.add(new VarInsnNode(ALOAD, thrown)); // s t
        out.add(RuntimeSeam.AFTER_THROWABLE.insn()); //   (returned: rolled back, run again)
        out.add(new JumpInsnNode(GOTO, retry));
        return out;
    }

    /** Points the compiler's release handlers' ranges at the new handler; drops their self-cover. */
    private static void retarget(MethodNode m, MonitorRegions.Region r, LabelNode handler) {
        Set<AbstractInsnNode> release = Collections.newSetFromMap(new IdentityHashMap<>());
        release.addAll(r.releaseCode);
        List<TryCatchBlockNode> kept = new ArrayList<>();
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            if (!r.releaseHandlers.contains(tcb.handler)) {
                kept.add(tcb);
                continue;
            }
            boolean coversOther = false;
            for (AbstractInsnNode i = tcb.start; i != tcb.end && i != null; i = i.getNext()) {
                if (i.getOpcode() >= 0 && !release.contains(i)) {
                    coversOther = true;
                    break;
                }
            }
            if (coversOther) {
                tcb.handler = handler;
                kept.add(tcb);
            }
        }
        m.tryCatchBlocks = kept;
    }

    private static void checkCovered(MethodNode m, Set<AbstractInsnNode> body, LabelNode handler) {
        Set<AbstractInsnNode> covered = Collections.newSetFromMap(new IdentityHashMap<>());
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            if (tcb.handler == handler) {
                for (AbstractInsnNode i = tcb.start; i != tcb.end && i != null; i = i.getNext()) {
                    covered.add(i);
                }
            }
        }
        for (AbstractInsnNode insn : body) {
            if (insn.getOpcode() >= 0 && !covered.contains(insn)) {
                throw new UnsupportedCodeException("synchronized block not wholly covered by its release handler");
            }
        }
    }

    private static List<Copy> snapshotLocals(MethodNode m, MonitorRegions.Region r, Frame<BasicValue> atEntry) {
        List<Copy> copies = new ArrayList<>();
        Set<Integer> seen = new java.util.HashSet<>();
        for (AbstractInsnNode insn : r.body) {
            int var = -1;
            if (insn instanceof VarInsnNode v && v.getOpcode() >= ISTORE && v.getOpcode() <= ASTORE) {
                var = v.var;
            } else if (insn instanceof IincInsnNode inc) {
                var = inc.var;
            }
            if (var < 0 || !seen.add(var) || var >= atEntry.getLocals()) {
                continue;
            }
            BasicValue value = atEntry.getLocal(var);
            if (value == null || value.getType() == null || value == BasicValue.RETURNADDRESS_VALUE) {
                continue; // not assigned before the block: nothing to restore
            }
            copies.add(new Copy(var, m.maxLocals, value.getType()));
            m.maxLocals += value.getSize();
        }
        return copies;
    }
}
