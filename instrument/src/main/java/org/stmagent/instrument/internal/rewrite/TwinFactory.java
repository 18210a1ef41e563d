package org.stmagent.instrument.internal.rewrite;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.LabelNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TryCatchBlockNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.stmagent.instrument.MonitorMode;
import org.stmagent.instrument.internal.analysis.TypeFlow;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.seam.Twins;
import org.stmagent.instrument.internal.transactional.AbortGuard;
import org.stmagent.instrument.internal.transactional.BodyCopier;
import org.stmagent.instrument.internal.transactional.CallRedirector;
import org.stmagent.instrument.internal.transactional.Invocations;
import org.stmagent.instrument.internal.transactional.TransactionalCode;

/**
 * Makes the transactional twin {@code $stm$m(args, Segment)} of a method {@code m(args)}: the
 * original body with barriers, the segment passed along to every twin it calls. The twin of a
 * {@code synchronized} method also enters and leaves its monitor in the runtime, so {@code wait} and
 * {@code notify} know it is held. An abstract method's twin calls the original, so implementations
 * the rewriter never saw (lambda classes, excluded classes) still answer.
 */
final class TwinFactory implements Opcodes {
    private static final int DROPPED = ACC_SYNCHRONIZED | ACC_BRIDGE | ACC_VARARGS | ACC_ABSTRACT | ACC_NATIVE;

    private final ClassNode owner;
    private final TypeHierarchy hierarchy;
    private final TransactionalCode code;
    private final MonitorMode mode;

    TwinFactory(ClassNode owner, TypeHierarchy hierarchy, TransactionalCode code, MonitorMode mode) {
        this.owner = owner;
        this.hierarchy = hierarchy;
        this.code = code;
        this.mode = mode;
    }

    /**
     * Whether {@code m} of a class or interface gets a twin: not a native method, and not an abstract
     * method of an interface. An interface's twins would be public members of the interface, which
     * proxies, MXBean introspection and mocking libraries enumerate; so interface methods are called
     * through their originals inside transactions, and only its concrete methods get twins, private
     * ones that the originals' dispatch prologues call.
     */
    static boolean needsTwin(MethodNode m, boolean inInterface) {
        if (!Twins.hasTwin(m.name) || (m.access & ACC_NATIVE) != 0) {
            return false;
        }
        return !inInterface || (m.access & ACC_ABSTRACT) == 0;
    }

    MethodNode twinOf(MethodNode original) throws AnalyzerException {
        boolean isInterface = (owner.access & ACC_INTERFACE) != 0;
        int access = (original.access & ~DROPPED) | ACC_SYNTHETIC;
        if (isInterface) {
            access = (access & ~(ACC_PUBLIC | ACC_PROTECTED)) | ACC_PRIVATE; // see needsTwin
        }
        boolean keepLock = mode == MonitorMode.LOCK && (original.access & ACC_SYNCHRONIZED) != 0;
        if (keepLock) {
            access |= ACC_SYNCHRONIZED;
        }
        MethodNode twin = new MethodNode(ASM9, access, Twins.name(original.name), Twins.descriptor(original.desc),
                null, original.exceptions.toArray(new String[0]));
        if ((original.access & ACC_ABSTRACT) != 0) {
            fallback(twin, original, isInterface);
            return twin;
        }
        original.accept(new BodyCopier(twin));
        int segmentParam = Invocations.argumentSlots(original);
        twin.maxLocals = Math.max(twin.maxLocals, segmentParam + 1);
        int segment = twin.maxLocals;
        twin.maxLocals++;

        TypeFlow flow = TypeFlow.of(owner.name, twin, hierarchy);
        List<AbstractInsnNode> all = new ArrayList<>(List.of(twin.instructions.toArray()));
        int lockSite = keepLock ? code.lines(twin).site(firstInstruction(all), "call a synchronized method (monitors=lock)") : 0;
        code.rewrite(twin, all, flow, segment);
        AbortGuard.guard(twin, insn -> true);

        InsnList entry = new InsnList();
        entry.add(new VarInsnNode(ALOAD, segmentParam)); // s
        entry.add(new VarInsnNode(ASTORE, segment)); //
        if (keepLock) {
            entry.add(CallRedirector.inevitable(segment, lockSite));
        }
        AbstractInsnNode entryEnd = entry.getLast();
        twin.instructions.insert(entry);
        if (mode == MonitorMode.TRANSACTION && (original.access & ACC_SYNCHRONIZED) != 0) {
            holdMonitor(twin, original, segment, entryEnd);
        }
        return twin;
    }

    private static AbstractInsnNode firstInstruction(List<AbstractInsnNode> insns) {
        for (AbstractInsnNode insn : insns) {
            if (insn.getOpcode() >= 0) {
                return insn;
            }
        }
        return insns.isEmpty() ? null : insns.get(0);
    }

    /** Brackets the twin's body with monitorEnter / monitorExit of the method's monitor. */
    private void holdMonitor(MethodNode twin, MethodNode original, int segment, AbstractInsnNode afterEntry) {
        InsnList enter = Invocations.loadMonitor(owner.name, original); // monitor
        enter.add(new VarInsnNode(ALOAD, segment)); // monitor s
        enter.add(RuntimeSeam.MONITOR_ENTER.insn()); //
        LabelNode start = new LabelNode();
        enter.add(start);
        twin.instructions.insert(afterEntry, enter);

        for (AbstractInsnNode insn : twin.instructions.toArray()) {
            if (Invocations.isReturn(insn.getOpcode())) {
                twin.instructions.insertBefore(insn, exit(original, segment));
            }
        }
        LabelNode end = new LabelNode();
        LabelNode handler = new LabelNode();
        InsnList release = new InsnList();
        release.add(end);
        release.add(handler); // t
        release.add(exit(original, segment)); // t
        release.add(new InsnNode(ATHROW)); //
        twin.instructions.add(release);
        TryCatchBlockNode all = new TryCatchBlockNode(start, end, handler, null);
        twin.tryCatchBlocks.add(all);
        AbortGuard.guard(twin, insn -> insn == handler);
    }

    private InsnList exit(MethodNode original, int segment) {
        InsnList out = Invocations.loadMonitor(owner.name, original); // monitor
        out.add(new VarInsnNode(ALOAD, segment)); // monitor s
        out.add(RuntimeSeam.MONITOR_EXIT.insn()); //
        return out;
    }

    /** The twin of an abstract method: run whatever implementation the receiver has. */
    private void fallback(MethodNode twin, MethodNode original, boolean isInterface) {
        InsnList body = Invocations.loadArguments(original); // this args
        body.add(new MethodInsnNode(isInterface ? INVOKEINTERFACE : INVOKEVIRTUAL, owner.name, original.name,
                original.desc, isInterface)); // [result]
        body.add(Invocations.returnOf(original));
        twin.instructions.add(body);
        Type t = Type.getMethodType(twin.desc);
        twin.maxLocals = Type.getArgumentsAndReturnSizes(t.getDescriptor()) >> 2;
    }
}
