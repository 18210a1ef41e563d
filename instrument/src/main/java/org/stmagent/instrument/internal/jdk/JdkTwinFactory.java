package org.stmagent.instrument.internal.jdk;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.stmagent.instrument.MonitorMode;
import org.stmagent.instrument.RewritePolicy;
import org.stmagent.instrument.internal.analysis.FrameClassWriter;
import org.stmagent.instrument.internal.analysis.TypeFlow;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.analysis.TypedInterpreter;
import org.stmagent.instrument.internal.analysis.UnsupportedCodeException;
import org.stmagent.instrument.internal.policy.CallTargets;
import org.stmagent.instrument.internal.policy.JdkCollections;
import org.stmagent.instrument.internal.rewrite.ClassRewriter;
import org.stmagent.instrument.internal.rewrite.MonitorRegions;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.transactional.AbortGuard;
import org.stmagent.instrument.internal.transactional.BodyCopier;
import org.stmagent.instrument.internal.transactional.Invocations;
import org.stmagent.instrument.internal.transactional.SourceSites;
import org.stmagent.instrument.internal.transactional.TransactionalCode;
import org.stmagent.runtime.seam.SeamNames;

/**
 * Writes the twin of one method of a covered JDK class (see {@link JdkCollections}) as the one
 * public static method {@code twin} of a class of its own, which the runtime defines as a hidden
 * nestmate of the method's class: the JDK class itself is never changed, so code outside
 * transactions runs it at full speed. The twin is the method's body with barriers; it takes the
 * receiver first (unless static) and the segment last. Every call it makes that is not pure is
 * linked at run time ({@code JdkCalls}): to another twin, to a rewritten class's code, or to the
 * callee as it is after making the transaction inevitable.
 *
 * <p>A constructor's twin initialises an object the runtime allocated: its {@code super(...)} or
 * {@code this(...)} call goes to that constructor's twin ({@code Object()}'s is dropped), and its
 * writes to final fields go through barriers, as the JVM allows no other method to write them.
 */
public final class JdkTwinFactory implements Opcodes {
    /** The name of the twin method in its class. */
    static final String METHOD = "twin";
    /** Appended to the JDK class's name to name the twin's class. */
    static final String CLASS_SUFFIX = SeamNames.TWIN_CLASS_SUFFIX;

    private final RewritePolicy policy;

    public JdkTwinFactory(RewritePolicy policy) {
        this.policy = policy.withMonitorMode(MonitorMode.TRANSACTION);
    }

    /**
     * The twin class of {@code name}{@code descriptor} declared by {@code owner}, or {@code null}
     * when the method has no body here (abstract, native, or not declared by {@code owner}).
     *
     * @throws UnsupportedCodeException for code a twin cannot copy (a monitor, a non-virtual call
     *                                  into a class without twins)
     */
    public byte[] twinClass(ClassNode owner, String name, String descriptor, TypeHierarchy hierarchy)
            throws AnalyzerException {
        MethodNode original = find(owner, name, descriptor);
        if (original == null || (original.access & (ACC_ABSTRACT | ACC_NATIVE)) != 0) {
            return null;
        }
        if ((original.access & ACC_SYNCHRONIZED) != 0 || MonitorRegions.hasMonitors(original)) {
            throw new UnsupportedCodeException(owner.name + "." + name + descriptor + " holds a monitor");
        }
        MethodNode twin = twinOf(owner, original, hierarchy);
        ClassNode holder = new ClassNode(ASM9);
        holder.version = Math.max(owner.version & 0xFFFF, ClassRewriter.MIN_VERSION);
        holder.access = ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC;
        holder.name = owner.name + CLASS_SUFFIX;
        holder.superName = "java/lang/Object";
        holder.sourceFile = owner.sourceFile;
        holder.methods.add(twin);
        ResolvedOffsets.apply(holder, twin);
        ClassWriter writer = new FrameClassWriter(hierarchy);
        holder.accept(writer);
        return writer.toByteArray();
    }

    /** Whether the methods of {@code internalName} get twins. */
    public static boolean covers(String internalName) {
        return JdkCollections.covers(internalName);
    }

    private MethodNode twinOf(ClassNode owner, MethodNode original, TypeHierarchy hierarchy) throws AnalyzerException {
        boolean isStatic = (original.access & ACC_STATIC) != 0;
        // named as the original while its sites are numbered, so reports name the JDK method
        MethodNode twin = new MethodNode(ASM9, ACC_PUBLIC | ACC_STATIC | ACC_SYNTHETIC, original.name,
                descriptor(owner.name, original.desc, isStatic), null, original.exceptions.toArray(new String[0]));
        original.accept(new BodyCopier(twin));
        int segmentParam = Invocations.argumentSlots(original);
        twin.maxLocals = Math.max(twin.maxLocals, segmentParam + 1);
        int segment = twin.maxLocals;
        twin.maxLocals++;

        CallTargets targets = new CallTargets(owner, hierarchy, policy, CallTargets.JdkMode.TWIN);
        TransactionalCode code = new TransactionalCode(hierarchy, targets, MonitorMode.TRANSACTION,
                new SourceSites(policy.sites(), owner), true);
        TypeFlow flow = TypeFlow.of(owner.name, twin, hierarchy);
        List<AbstractInsnNode> all = new ArrayList<>(List.of(twin.instructions.toArray()));
        if (original.name.equals("<init>")) {
            all.remove(linkSuperCall(twin, flow, segment));
        }
        all.removeAll(new CounterFields(hierarchy).rewrite(twin, all, segment, code.lines(twin)));
        code.rewrite(twin, all, flow, segment);
        AbortGuard.guard(twin, insn -> true);

        InsnList entry = new InsnList();
        entry.add(new VarInsnNode(ALOAD, segmentParam)); // s
        entry.add(new VarInsnNode(ASTORE, segment)); //
        twin.instructions.insert(entry);
        twin.name = METHOD;
        return twin;
    }

    /**
     * Replaces a constructor's {@code super(...)} or {@code this(...)} call (the constructor call on a
     * value no {@code new} made) with the linked call to that constructor's twin; returns the call.
     */
    private static MethodInsnNode linkSuperCall(MethodNode twin, TypeFlow flow, int segment) {
        for (AbstractInsnNode insn : twin.instructions.toArray()) {
            if (!(insn instanceof MethodInsnNode call) || insn.getOpcode() != INVOKESPECIAL
                    || !call.name.equals("<init>")) {
                continue;
            }
            int args = Type.getArgumentTypes(call.desc).length;
            BasicValue receiver = flow.stack(call, args);
            if (receiver == null || receiver instanceof TypedInterpreter.Fresh) {
                continue;
            }
            if (call.owner.equals("java/lang/Object")) {
                twin.instructions.set(call, new InsnNode(POP)); //
            } else if (JdkCollections.covers(call.owner)) {
                twin.instructions.insertBefore(call, new VarInsnNode(ALOAD, segment)); // this args s
                twin.instructions.set(call, new InvokeDynamicInsnNode("initialize",
                        descriptor(call.owner, call.desc, false), RuntimeSeam.JDK_INITIALIZE.handle(),
                        Type.getObjectType(call.owner), call.desc, 0)); //
            } else {
                throw new UnsupportedCodeException("the constructor of a class without twins, " + call.owner);
            }
            return call;
        }
        throw new UnsupportedCodeException("a constructor without a super(...) call");
    }

    /** The twin's descriptor: the receiver first unless static, the segment last. */
    static String descriptor(String owner, String original, boolean isStatic) {
        Type t = Type.getMethodType(original);
        Type[] args = t.getArgumentTypes();
        List<Type> twinArgs = new ArrayList<>();
        if (!isStatic) {
            twinArgs.add(Type.getObjectType(owner));
        }
        twinArgs.addAll(List.of(args));
        twinArgs.add(Type.getObjectType(RuntimeSeam.SEGMENT));
        return Type.getMethodDescriptor(t.getReturnType(), twinArgs.toArray(new Type[0]));
    }

    private static MethodNode find(ClassNode owner, String name, String descriptor) {
        for (MethodNode m : owner.methods) {
            if (m.name.equals(name) && m.desc.equals(descriptor)) {
                return m;
            }
        }
        return null;
    }
}
