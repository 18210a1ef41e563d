package org.stmagent.instrument.internal.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;
import org.stmagent.instrument.internal.analysis.TypeFlow;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.policy.CallTargets;
import org.stmagent.instrument.internal.purity.PureConstructors;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.transactional.AbortGuard;
import org.stmagent.instrument.internal.transactional.FieldBarriers;
import org.stmagent.instrument.internal.transactional.TransactionalCode;

/**
 * Constructors have no twin, but one may run inside a transaction and touch more than the object
 * it builds: another object's fields, statics, arrays, code that is not rewritten. Such a
 * constructor gets a second, transactional copy of the code after its {@code super(...)} /
 * {@code this(...)} call, and of the code that computes that call's arguments:
 *
 * <pre>
 * s = Barriers.current(); if (s == null) goto originalArguments;
 * ... the arguments with barriers; super(...); goto afterSuper;
 * originalArguments:
 * ... the arguments as written; super(...);
 * afterSuper:
 * s = Barriers.current(); if (s == null) goto original;
 * ... the rest with barriers (fields of this object stay plain: it is not published yet) ...
 * original:
 * ... the rest as written ...
 * </pre>
 *
 * Constructors that only set their own fields (most) are left exactly as they are.
 */
final class ConstructorPaths implements Opcodes {
    private static final int BARRIER_STACK = 8;

    private final String owner;
    private final TypeHierarchy hierarchy;
    private final CallTargets targets;
    private final TransactionalCode code;

    ConstructorPaths(String owner, TypeHierarchy hierarchy, CallTargets targets, TransactionalCode code) {
        this.owner = owner;
        this.hierarchy = hierarchy;
        this.code = code;
        this.targets = targets;
    }

    void split(MethodNode ctor) throws AnalyzerException {
        if (writesLocalZero(ctor)) {
            return; // "this" cannot be told apart from other objects
        }
        Frame<SourceValue>[] sources = new Analyzer<>(new SourceInterpreter()).analyze(owner, ctor);
        AbstractInsnNode[] insns = ctor.instructions.toArray();
        int init = initCall(insns, sources);
        if (init < 0 || !straightAfter(ctor, insns, init)) {
            return;
        }
        // the second split analyses code the first has rewritten: barrier calls push a field address,
        // the segment and a site above the operands they replace (the class writer computes the real maximum)
        ctor.maxStack += BARRIER_STACK;
        splitAfterInit(ctor, insns, sources, init);
        splitBeforeInit(ctor, insns, sources, init);
    }

    /**
     * The code before the init call computes its arguments; it may read what the transaction wrote
     * (still in its redo log). It cannot touch {@code this} but for its own fields, which stay plain;
     * the init call itself stays as written. Left alone when an exception handler covers it.
     */
    private void splitBeforeInit(MethodNode ctor, AbstractInsnNode[] insns, Frame<SourceValue>[] sources, int init)
            throws AnalyzerException {
        InsnList list = ctor.instructions;
        for (TryCatchBlockNode tcb : ctor.tryCatchBlocks) {
            if (list.indexOf(tcb.start) <= list.indexOf(insns[init])) {
                return;
            }
        }
        Set<AbstractInsnNode> plain = Collections.newSetFromMap(new IdentityHashMap<>());
        plain.add(insns[init]);
        List<AbstractInsnNode> arguments = select(insns, sources, 0, init + 1, plain);
        if (arguments == null) {
            return;
        }
        LabelNode original = new LabelNode();
        LabelNode afterInit = new LabelNode();
        Copy copy = Copy.of(ctor, arguments, plain, original);
        copy.code.add(new JumpInsnNode(GOTO, afterInit));
        copy.code.add(original);
        list.insert(insns[init], afterInit);
        list.insert(copy.code);

        code.rewrite(ctor, copy.transactional, TypeFlow.of(owner, ctor, hierarchy), copy.segment);
    }

    /** The code after the init call: see the class comment. */
    private void splitAfterInit(MethodNode ctor, AbstractInsnNode[] insns, Frame<SourceValue>[] sources, int init)
            throws AnalyzerException {
        Set<AbstractInsnNode> ownFields = Collections.newSetFromMap(new IdentityHashMap<>());
        List<AbstractInsnNode> rest = select(insns, sources, init + 1, insns.length, ownFields);
        if (rest == null) {
            return;
        }
        LabelNode original = new LabelNode();
        Copy copy = Copy.of(ctor, rest, ownFields, original);
        copy.code.add(original);
        List<TryCatchBlockNode> handlers = new ArrayList<>();
        for (TryCatchBlockNode tcb : ctor.tryCatchBlocks) {
            if (copy.labels.containsKey(tcb.start)) {
                handlers.add(new TryCatchBlockNode(copy.labels.get(tcb.start), copy.labels.get(tcb.end),
                        copy.labels.get(tcb.handler), tcb.type));
            }
        }
        ctor.instructions.insert(insns[init], copy.code);
        ctor.tryCatchBlocks.addAll(handlers);

        code.rewrite(ctor, copy.transactional, TypeFlow.of(owner, ctor, hierarchy), copy.segment);
        AbortGuard.guard(ctor, copy.copied::contains);
    }

    /**
     * The instructions {@code [from, to)}, adding the accesses to this object's own fields to
     * {@code plain}; null if none of them needs a transaction.
     */
    private List<AbstractInsnNode> select(AbstractInsnNode[] insns, Frame<SourceValue>[] sources, int from, int to,
            Set<AbstractInsnNode> plain) {
        List<AbstractInsnNode> selected = new ArrayList<>();
        boolean needed = false;
        for (int i = from; i < to; i++) {
            AbstractInsnNode insn = insns[i];
            selected.add(insn);
            if (sources[i] == null || plain.contains(insn)) {
                continue;
            }
            if (insn instanceof FieldInsnNode f && isOnThis(f, sources[i])) {
                plain.add(insn);
            } else if (needsTransaction(insn)) {
                needed = true;
            }
        }
        return needed ? selected : null;
    }

    /**
     * A copy of some instructions behind {@code s = Barriers.current(); if (s == null) goto original}:
     * its labels, the copies to rewrite (all but those of {@code plain} instructions), every copy, and
     * the local holding the segment.
     */
    private record Copy(InsnList code, Map<LabelNode, LabelNode> labels, List<AbstractInsnNode> transactional,
            Set<AbstractInsnNode> copied, int segment) {
        static Copy of(MethodNode ctor, List<AbstractInsnNode> insns, Set<AbstractInsnNode> plain, LabelNode original) {
            Map<LabelNode, LabelNode> labels = new HashMap<>();
            for (AbstractInsnNode insn : insns) {
                if (insn instanceof LabelNode l) {
                    labels.put(l, new LabelNode());
                }
            }
            int segment = ctor.maxLocals++;
            InsnList code = new InsnList();
            code.add(RuntimeSeam.CURRENT.insn()); // s
            code.add(new VarInsnNode(ASTORE, segment)); //
            code.add(new VarInsnNode(ALOAD, segment)); // s
            code.add(new JumpInsnNode(IFNULL, original)); //
            List<AbstractInsnNode> transactional = new ArrayList<>();
            Set<AbstractInsnNode> copied = Collections.newSetFromMap(new IdentityHashMap<>());
            for (AbstractInsnNode insn : insns) {
                AbstractInsnNode clone = insn.clone(labels);
                code.add(clone);
                copied.add(clone);
                if (!plain.contains(insn)) {
                    transactional.add(clone);
                }
            }
            return new Copy(code, labels, transactional, copied, segment);
        }
    }

    private static boolean writesLocalZero(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn instanceof VarInsnNode v && v.var == 0 && v.getOpcode() >= ISTORE && v.getOpcode() <= ASTORE) {
                return true;
            }
        }
        return false;
    }

    /** The index of the {@code super(...)} or {@code this(...)} call, or -1. */
    private static int initCall(AbstractInsnNode[] insns, Frame<SourceValue>[] sources) {
        for (int i = 0; i < insns.length; i++) {
            if (insns[i] instanceof MethodInsnNode call && call.getOpcode() == INVOKESPECIAL
                    && call.name.equals("<init>") && sources[i] != null) {
                Frame<SourceValue> f = sources[i];
                int args = Type.getArgumentTypes(call.desc).length;
                if (isLocalZero(f.getStack(f.getStackSize() - 1 - args))) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * Whether the code after the init call stands alone: nothing before it jumps or is protected
     * past it, nothing after it jumps back before it.
     */
    private static boolean straightAfter(MethodNode m, AbstractInsnNode[] insns, int init) {
        InsnList list = m.instructions;
        for (int i = 0; i < insns.length; i++) {
            for (LabelNode target : jumpTargets(insns[i])) {
                if ((i < init) != (list.indexOf(target) < init)) {
                    return false;
                }
            }
        }
        for (TryCatchBlockNode tcb : m.tryCatchBlocks) {
            boolean startBefore = list.indexOf(tcb.start) < init;
            if (startBefore != list.indexOf(tcb.end) <= init || startBefore != list.indexOf(tcb.handler) < init) {
                return false;
            }
        }
        return true;
    }

    private static List<LabelNode> jumpTargets(AbstractInsnNode insn) {
        List<LabelNode> out = new ArrayList<>();
        if (insn instanceof JumpInsnNode j) {
            out.add(j.label);
        } else if (insn instanceof TableSwitchInsnNode t) {
            out.add(t.dflt);
            out.addAll(t.labels);
        } else if (insn instanceof LookupSwitchInsnNode l) {
            out.add(l.dflt);
            out.addAll(l.labels);
        }
        return out;
    }

    private static boolean isOnThis(FieldInsnNode f, Frame<SourceValue> before) {
        int depth = switch (f.getOpcode()) {
            case GETFIELD -> 0;
            case PUTFIELD -> 1;
            default -> -1;
        };
        return depth >= 0 && isLocalZero(before.getStack(before.getStackSize() - 1 - depth));
    }

    private static boolean isLocalZero(SourceValue v) {
        if (v.insns.isEmpty()) {
            return false;
        }
        for (AbstractInsnNode producer : v.insns) {
            if (!(producer instanceof VarInsnNode load && load.getOpcode() == ALOAD && load.var == 0)) {
                return false;
            }
        }
        return true;
    }

    /** Whether an instruction (not a field of this object) behaves differently in a transaction. */
    private boolean needsTransaction(AbstractInsnNode insn) {
        int op = insn.getOpcode();
        if (insn instanceof FieldInsnNode f) {
            TypeHierarchy.Member field = hierarchy.resolveField(f.owner, f.name);
            return field == null || !field.is(ACC_FINAL);
        }
        if (FieldBarriers.isArrayAccess(op)) {
            return true;
        }
        if (insn instanceof InvokeDynamicInsnNode indy) {
            return !targets.isPureBootstrap(indy.bsm.getOwner());
        }
        if (insn instanceof MethodInsnNode call) {
            if (call.name.equals("<init>")) {
                return targets.constructsThroughJdkTwin(call.owner, call.desc) || !targets.isRewritten(call.owner)
                        && targets.classify(INVOKESPECIAL, call.owner, call.name, call.desc) == CallTargets.Target.INEVITABLE
                        && !PureConstructors.isPure(call.owner, call.desc);
            }
            // twins are reached through their dispatch check anyway; a JDK collection's code as it is
            // would read around the transaction's buffered writes; the rest may need inevitability
            CallTargets.Target target = targets.classify(op, call.owner, call.name, call.desc);
            return target != CallTargets.Target.TWIN && target != CallTargets.Target.PURE;
        }
        return false;
    }
}
