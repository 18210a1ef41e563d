package org.stmagent.instrument.internal;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.ClassNode;
import org.stmagent.instrument.RewritePolicy;

/**
 * Decides what a call inside a transaction does: go to the callee's transactional twin, run as is
 * (a pure method), or make the transaction inevitable first.
 */
final class CallTargets {
    /**
     * TWIN: call the callee's twin. PURE: call it as it is. INEVITABLE: make the transaction
     * inevitable first. RECEIVER: a virtual call through a type that is not rewritten, with at most
     * one one-slot argument, so the receiver can be checked at run time: inevitable only if the
     * method it runs is neither rewritten nor an immutable value's.
     */
    enum Target { TWIN, PURE, INEVITABLE, RECEIVER }

    private final ClassNode current;
    private final TypeHierarchy hierarchy;
    private final RewritePolicy policy;
    private final PureMethods pure;

    CallTargets(ClassNode current, TypeHierarchy hierarchy, RewritePolicy policy) {
        this.current = current;
        this.hierarchy = hierarchy;
        this.policy = policy;
        this.pure = new PureMethods(policy.pureMethods());
    }

    Target classify(int opcode, String owner, String name, String descriptor) {
        if (owner.startsWith("[")) {
            return Target.INEVITABLE; // clone of an array reads it without barriers
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
        if (pure.isPure(opcode, declaring, name) || pure.isPure(opcode, owner, name)) {
            return Target.PURE;
        }
        return receiverDecides(opcode, descriptor) ? Target.RECEIVER : Target.INEVITABLE;
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
    boolean isRewritten(String className) {
        return className.equals(current.name)
                || (policy.included().test(className) && !RuntimeSeam.isOwnClass(className));
    }

    boolean isPureBootstrap(String bootstrapOwner) {
        return PureMethods.isPureBootstrap(bootstrapOwner);
    }
}
