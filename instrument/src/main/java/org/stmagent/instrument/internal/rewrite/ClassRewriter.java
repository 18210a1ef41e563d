package org.stmagent.instrument.internal.rewrite;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.AnnotationNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.stmagent.instrument.MonitorMode;
import org.stmagent.instrument.RewritePolicy;
import org.stmagent.instrument.internal.analysis.ClassFileReader;
import org.stmagent.instrument.internal.analysis.FrameClassWriter;
import org.stmagent.instrument.internal.analysis.TypeFlow;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.analysis.UnresolvableTypeException;
import org.stmagent.instrument.internal.analysis.UnsupportedCodeException;
import org.stmagent.instrument.internal.policy.CallTargets;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.seam.Twins;
import org.stmagent.instrument.internal.transactional.SourceSites;
import org.stmagent.instrument.internal.transactional.TransactionalCode;

/**
 * Rewrites one class: a twin for each method, wrappers for atomic methods, converted
 * {@code synchronized} blocks, transactional paths in constructors, dispatch prologues, the class
 * initialiser guard, the class file
 * version raised to 55 (dynamic constants), and a marker so a class is never rewritten twice.
 */
public final class ClassRewriter implements Opcodes {
    /** Dynamic constants ({@code ldc} of a field address) need class files of Java 11 or later. */
    public static final int MIN_VERSION = V11;
    /** The newest class file version handled: Java 25. */
    static final int MAX_VERSION = 69;

    private final RewritePolicy policy;

    public ClassRewriter(RewritePolicy policy) {
        this.policy = policy;
    }

    /** Whether a class must be left alone: our own, module descriptors, already rewritten. */
    public static boolean isSkipped(ClassNode c) {
        if ((c.access & ACC_MODULE) != 0 || RuntimeSeam.isOwnClass(c.name)
                || c.name.endsWith("package-info")) {
            return true;
        }
        for (FieldNode f : c.fields) {
            if (f.name.equals(Twins.MARKER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rewritten class file of {@code c} (as read by {@link ClassFileReader#read}).
     *
     * @throws UnsupportedCodeException for bytecode it does not convert
     * @throws UnresolvableTypeException when a class file needed for frames is missing
     */
    public byte[] rewrite(ClassNode c, TypeHierarchy hierarchy) throws AnalyzerException {
        int major = c.version & 0xFFFF;
        if (major > MAX_VERSION) {
            throw new UnsupportedCodeException("class file version " + major + " is newer than " + MAX_VERSION);
        }
        boolean isInterface = (c.access & ACC_INTERFACE) != 0;
        if (major < LegacyFinalWrites.GUARDED_FROM) {
            LegacyFinalWrites.relax(c); // the version goes up below
        }
        CallTargets targets = new CallTargets(c, hierarchy, policy);
        SourceSites sites = new SourceSites(policy.sites(), c);
        TransactionalCode code = new TransactionalCode(hierarchy, targets, policy.monitorMode(), sites);
        TwinFactory twins = new TwinFactory(c, hierarchy, code, policy.monitorMode());
        RegionConverter regions = new RegionConverter(code);
        ConstructorPaths constructors = new ConstructorPaths(c.name, hierarchy, targets, code);
        Set<String> handleTargets = methodHandleTargets(c);

        List<MethodNode> added = new ArrayList<>();
        for (MethodNode m : c.methods) {
            boolean twin = TwinFactory.needsTwin(m, isInterface);
            if (twin) {
                added.add(twins.twinOf(m));
            }
            if ((m.access & (ACC_ABSTRACT | ACC_NATIVE)) != 0) {
                continue;
            }
            if (twin && isAtomic(m)) {
                AnnotationNode atomic = atomicAnnotation(m);
                MethodNode plain = policy.monitorMode() == MonitorMode.TRANSACTION && atomic == null
                        ? PlainCopy.of(m, sites) : null;
                if (plain != null) {
                    // synchronized: its original code stays, for when the site runs plainly
                    added.add(plain);
                    int site = code.lines(m).site(firstInstruction(m), "call a synchronized method");
                    m.access &= ~ACC_SYNCHRONIZED;
                    AtomicWrapper.wrapWithPlainCopy(c.name, m, site);
                    continue;
                }
                if (policy.monitorMode() == MonitorMode.TRANSACTION) {
                    m.access &= ~ACC_SYNCHRONIZED;
                }
                // a synchronized method stands for its monitor even without a plain copy
                AtomicWrapper.wrap(c.name, isInterface, m, AtomicOptions.of(atomic),
                        atomic == null && policy.monitorMode() == MonitorMode.TRANSACTION);
                continue;
            }
            if (m.name.equals("<init>")) {
                constructors.split(m);
            }
            if (policy.monitorMode() == MonitorMode.TRANSACTION && MonitorRegions.hasMonitors(m)) {
                TypeFlow flow = TypeFlow.of(c.name, m, hierarchy);
                for (MonitorRegions.Region r : MonitorRegions.find(m, flow)) {
                    regions.convert(m, r, flow);
                }
            }
            if (m.name.equals("<clinit>")) {
                InitializerDetach.apply(m);
            } else if (twin && (isInterface || needsPrologue(m, handleTargets))) { // interface twins are private
                DispatchPrologue.insert(c.name, isInterface, m);
            }
        }
        c.methods.addAll(added);
        if (!isInterface) {
            OffsetPreload.apply(c, hierarchy);
        }
        c.fields.add(marker(isInterface));
        if (major < MIN_VERSION) {
            c.version = MIN_VERSION;
        }
        ClassWriter writer = new FrameClassWriter(hierarchy);
        c.accept(writer);
        return writer.toByteArray();
    }

    private static AbstractInsnNode firstInstruction(MethodNode m) {
        for (AbstractInsnNode insn : m.instructions) {
            if (insn.getOpcode() >= 0) {
                return insn;
            }
        }
        return m.instructions.getFirst();
    }

    private boolean isAtomic(MethodNode m) {
        if (policy.monitorMode() == MonitorMode.TRANSACTION && (m.access & ACC_SYNCHRONIZED) != 0) {
            return true;
        }
        return atomicAnnotation(m) != null;
    }

    /** The method's {@code @Atomic} annotation or alias, or null. */
    private AnnotationNode atomicAnnotation(MethodNode m) {
        AnnotationNode visible = atomicAnnotation(m.visibleAnnotations);
        return visible != null ? visible : atomicAnnotation(m.invisibleAnnotations);
    }

    private AnnotationNode atomicAnnotation(List<AnnotationNode> annotations) {
        if (annotations != null) {
            for (AnnotationNode a : annotations) {
                if (policy.isAtomicAnnotation(a.desc)) {
                    return a;
                }
            }
        }
        return null;
    }

    /**
     * Private methods are called only from their own class and nest, which call twins inside
     * transactions, unless a method handle (a lambda or method reference) or a synthetic accessor
     * reaches them.
     */
    private static boolean needsPrologue(MethodNode m, Set<String> handleTargets) {
        return (m.access & ACC_PRIVATE) == 0 || (m.access & ACC_SYNTHETIC) != 0
                || handleTargets.contains(m.name + m.desc);
    }

    /** name + descriptor of every method of {@code c} that a method handle constant names. */
    private static Set<String> methodHandleTargets(ClassNode c) {
        Set<String> targets = new HashSet<>();
        for (MethodNode m : c.methods) {
            for (AbstractInsnNode insn : m.instructions) {
                if (insn instanceof InvokeDynamicInsnNode indy) {
                    for (Object arg : indy.bsmArgs) {
                        addHandle(c, arg, targets);
                    }
                } else if (insn instanceof LdcInsnNode ldc) {
                    addHandle(c, ldc.cst, targets);
                }
            }
        }
        return targets;
    }

    private static void addHandle(ClassNode c, Object constant, Set<String> targets) {
        if (constant instanceof Handle h && h.getOwner().equals(c.name)) {
            targets.add(h.getName() + h.getDesc());
        } else if (constant instanceof ConstantDynamic d) {
            for (int i = 0; i < d.getBootstrapMethodArgumentCount(); i++) {
                addHandle(c, d.getBootstrapMethodArgument(i), targets);
            }
        }
    }

    private static FieldNode marker(boolean isInterface) {
        int access = (isInterface ? ACC_PUBLIC : ACC_PRIVATE) | ACC_STATIC | ACC_FINAL | ACC_SYNTHETIC;
        return new FieldNode(access, Twins.MARKER, "Z", null, 1);
    }


}
