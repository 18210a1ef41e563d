package org.stmagent.instrument.internal.policy;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.stmagent.instrument.RewritePolicy;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.analysis.UnsupportedCodeException;
import org.stmagent.instrument.internal.purity.ConstructorPurity;
import org.stmagent.instrument.internal.purity.PureConstructors;
import org.stmagent.instrument.internal.purity.PureMethods;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.seam.Twins;

/**
 * Decides what a call inside a transaction does: go to the callee's transactional twin, run as is
 * (a pure method), or make the transaction inevitable first.
 */
public final class CallTargets {
    /**
     * TWIN: call the callee's twin. PURE: call it as it is. INEVITABLE: make the transaction
     * inevitable first. RECEIVER: a virtual call through a type that is not rewritten, with at most
     * one one-slot argument, so the receiver can be checked at run time: inevitable only if the
     * method it runs is neither rewritten nor an immutable value's.
     */
    public enum Target { TWIN, PURE, INEVITABLE, RECEIVER, JDK_VIRTUAL, JDK_STATIC, JDK_SPECIAL }

    /**
     * How calls into the JDK's collections are treated (see {@link JdkCollections}). OFF: as any
     * other JDK code. CALLS: calls that can reach a covered class go through the JDK call linker
     * ({@code JDK_*} targets). TWIN: the code is itself a covered JDK method's twin, so every call it
     * makes is linked at run time except pure ones.
     */
    public enum JdkMode { OFF, CALLS, TWIN }

    private final ClassNode current;
    private final TypeHierarchy hierarchy;
    private final RewritePolicy policy;
    private final PureMethods pure;
    private final JdkMode jdk;
    private final ConstructorPurity constructors;

    public CallTargets(ClassNode current, TypeHierarchy hierarchy, RewritePolicy policy) {
        this(current, hierarchy, policy, policy.jdkCollections() ? JdkMode.CALLS : JdkMode.OFF);
    }

    public CallTargets(ClassNode current, TypeHierarchy hierarchy, RewritePolicy policy, JdkMode jdk) {
        this.current = current;
        this.hierarchy = hierarchy;
        this.policy = policy;
        this.pure = new PureMethods(policy.pureMethods());
        this.jdk = jdk;
        this.constructors = new ConstructorPurity(hierarchy);
    }

    public Target classify(int opcode, String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            return Target.INEVITABLE; // clone of an array reads it without barriers
        }
        if (jdk == JdkMode.TWIN) {
            return classifyInJdkTwin(opcode, owner, name, descriptor);
        }
        if (Twins.hasTwin(name)) {
            TypeHierarchy.Member m = hierarchy.resolveMethod(owner, name, descriptor);
            if (m != null && !m.is(Opcodes.ACC_NATIVE) && isRewritten(m.owner())) {
                // an interface's twins are private: from elsewhere call the original, whose dispatch
                // prologue (or the implementation's) runs the twin (see TwinFactory.needsTwin)
                if (!hierarchy.isInterface(m.owner())) {
                    return Target.TWIN;
                }
                boolean ownTwin = m.owner().equals(current.name) && !m.is(Opcodes.ACC_ABSTRACT);
                return ownTwin ? Target.TWIN : Target.PURE;
            }
        }
        String declaring = owner;
        TypeHierarchy.Member m = hierarchy.resolveMethod(owner, name, descriptor);
        if (m != null) {
            declaring = m.owner();
        }
        if (isPure(opcode, owner, declaring, name, descriptor)) {
            return Target.PURE;
        }
        if (jdk == JdkMode.CALLS && !name.equals("<init>")) {
            boolean virtual = opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE;
            if (virtual && (JdkCollections.reaches(owner) || JdkCollections.covers(declaring))) {
                return Target.JDK_VIRTUAL;
            }
            if (JdkCollections.covers(declaring)) {
                return opcode == Opcodes.INVOKESTATIC ? Target.JDK_STATIC : Target.JDK_SPECIAL;
            }
        }
        return receiverDecides(opcode, descriptor) ? Target.RECEIVER : Target.INEVITABLE;
    }

    /** A call from a covered JDK method's twin: linked at run time unless pure. */
    private Target classifyInJdkTwin(int opcode, String owner, String name, String descriptor) {
        TypeHierarchy.Member m = hierarchy.resolveMethod(owner, name, descriptor);
        String declaring = m != null ? m.owner() : owner;
        if (isPure(opcode, owner, declaring, name, descriptor)) {
            return Target.PURE;
        }
        if (name.equals("<init>")) {
            return Target.INEVITABLE; // see constructsThroughJdkTwin for those that have twins
        }
        boolean covered = JdkCollections.covers(declaring);
        switch (opcode) {
            case Opcodes.INVOKESTATIC:
                return covered ? Target.JDK_STATIC : Target.INEVITABLE;
            case Opcodes.INVOKESPECIAL:
                if (covered) {
                    return Target.JDK_SPECIAL;
                }
                throw new UnsupportedCodeException("calls " + declaring + "." + name + descriptor
                        + " of a class without twins non-virtually");
            default:
                return m != null && m.is(Opcodes.ACC_PRIVATE) && covered ? Target.JDK_SPECIAL : Target.JDK_VIRTUAL;
        }
    }

    /**
     * Pure by the built-in list or the user's, except where the JDK's collections have twins that do
     * better: {@code Objects.equals} and {@code Objects.hashCode} call the arguments' methods, and
     * the string methods that copy into a caller's array write to it.
     */
    private boolean isPure(int opcode, String owner, String declaring, String name, String descriptor) {
        if (jdk != JdkMode.OFF && declaring.equals("java/util/Objects")
                && (name.equals("equals") || name.equals("hashCode"))) {
            return false;
        }
        if (JdkCollections.writesArgumentArray(declaring, name, descriptor)) {
            return false;
        }
        if (jdk != JdkMode.OFF && declaring.equals("java/lang/String") && name.equals("valueOf")
                && descriptor.equals("(Ljava/lang/Object;)Ljava/lang/String;")) {
            return false; // calls toString(), which for a collection reads what the transaction wrote
        }
        return pure.isPure(opcode, declaring, name) || pure.isPure(opcode, owner, name);
    }

    /**
     * Whether {@code new owner(descriptor)} inside a transaction is linked at run time to the
     * constructor's twin: a covered class's constructor that reads more than its arguments.
     */
    public boolean constructsThroughJdkTwin(String owner, String descriptor) {
        return jdk != JdkMode.OFF && JdkCollections.covers(owner) && !PureConstructors.isPure(owner, descriptor)
                && !constructors.isPure(owner, descriptor);
    }

    /** Whether {@code new owner(descriptor)} of a covered class builds only its own object (see {@link ConstructorPurity}). */
    public boolean constructsPurely(String owner, String descriptor) {
        return jdk != JdkMode.OFF && JdkCollections.covers(owner) && constructors.isPure(owner, descriptor);
    }

    /** The class that declares the method a call names (the named class when it cannot tell). */
    public String declaringClass(String owner, String name, String descriptor) {
        TypeHierarchy.Member m = hierarchy.resolveMethod(owner, name, descriptor);
        return m != null ? m.owner() : owner;
    }

    /** A virtual call whose receiver the check can reach under its arguments: none, or one of one slot. */
    private static boolean receiverDecides(int opcode, String descriptor) {
        if (opcode != Opcodes.INVOKEVIRTUAL && opcode != Opcodes.INVOKEINTERFACE) {
            return false;
        }
        Type[] arguments = Type.getArgumentTypes(descriptor);
        return arguments.length == 0 || arguments.length == 1 && arguments[0].getSize() == 1;
    }

    /** Whether a class gets twins: the class being rewritten, or one the policy includes. */
    public boolean isRewritten(String className) {
        if (jdk == JdkMode.TWIN) {
            return false; // a JDK twin's class keeps its code; its calls are linked at run time
        }
        return className.equals(current.name)
                || (policy.included().test(className) && !RuntimeSeam.isOwnClass(className));
    }

    /** Whether calls into the JDK's collections are linked to their twins (see {@link JdkMode}). */
    public boolean linksJdk() {
        return jdk != JdkMode.OFF;
    }

    public boolean isPureBootstrap(String bootstrapOwner) {
        return PureMethods.isPureBootstrap(bootstrapOwner);
    }
}
