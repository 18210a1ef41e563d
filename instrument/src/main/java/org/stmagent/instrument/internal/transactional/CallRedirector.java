package org.stmagent.instrument.internal.transactional;

import java.util.Arrays;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.VarInsnNode;
import org.objectweb.asm.tree.analysis.BasicValue;
import org.stmagent.instrument.MonitorMode;
import org.stmagent.instrument.internal.analysis.TypeFlow;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.analysis.TypedInterpreter;
import org.stmagent.instrument.internal.policy.CallTargets;
import org.stmagent.instrument.internal.purity.PureConstructors;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.instrument.internal.seam.Twins;

/**
 * Calls inside a transaction: to the callee's twin when it has one; {@code wait}/{@code notify}
 * to the runtime's monitor conditions, {@code Thread.holdsLock} to the transaction's monitors; {@code array.clone()},
 * {@code super.clone()} reaching {@code Object.clone()} and {@code System.arraycopy} to their
 * transactional versions; anything else not known to be pure after making the
 * transaction inevitable. Objects the transaction constructs are reported to the runtime.
 */
public final class CallRedirector implements Opcodes {
    private static final String STRING_CONCAT = "java/lang/invoke/StringConcatFactory";

    private final CallTargets targets;
    private final TypeHierarchy hierarchy;
    private final MonitorMode mode;

    CallRedirector(CallTargets targets, TypeHierarchy hierarchy, MonitorMode mode) {
        this.targets = targets;
        this.hierarchy = hierarchy;
        this.mode = mode;
    }

    void rewrite(MethodNode method, MethodInsnNode call, TypeFlow flow, int segment, SourceSites.Lines lines) {
        if (call.name.equals("<init>")) {
            constructor(method, call, flow, segment, lines);
            return;
        }
        if (mode == MonitorMode.TRANSACTION && call.getOpcode() == INVOKEVIRTUAL) {
            RuntimeSeam.Call conditions = monitorCondition(call.name, call.desc);
            if (conditions != null) { // monitor [args]
                method.instructions.insertBefore(call, new VarInsnNode(ALOAD, segment)); // monitor [args] s
                method.instructions.set(call, conditions.insn());
                return;
            }
        }
        if (mode == MonitorMode.TRANSACTION && isHoldsLock(call)) { // monitor
            method.instructions.insertBefore(call, new VarInsnNode(ALOAD, segment)); // monitor s
            method.instructions.set(call, RuntimeSeam.HOLDS_LOCK.insn()); // held
            return;
        }
        if (isArrayClone(call) && !isFinalStaticArrayClone(call)) { // array
            method.instructions.insertBefore(call, new VarInsnNode(ALOAD, segment)); // array s
            method.instructions.insertBefore(call, lines.push(call, "clone an array", null)); // array s site
            method.instructions.set(call, RuntimeSeam.CLONE_ARRAY.insn()); // copy (javac's checkcast follows)
            return;
        }
        if (isObjectClone(call)) { // this
            method.instructions.insertBefore(call, new VarInsnNode(ALOAD, segment)); // this s
            method.instructions.insertBefore(call, lines.push(call, "clone an object", null)); // this s site
            method.instructions.set(call, RuntimeSeam.CLONE_OBJECT.insn()); // copy
            return;
        }
        if (isArraycopy(call)) { // src srcPos dst dstPos length
            method.instructions.insertBefore(call, new VarInsnNode(ALOAD, segment)); // ... length s
            method.instructions.insertBefore(call, lines.push(call, "System.arraycopy", null)); // ... length s site
            method.instructions.set(call, RuntimeSeam.ARRAYCOPY.insn());
            return;
        }
        CallTargets.Target target = isFinalStaticArrayClone(call)
                ? CallTargets.Target.PURE
                : targets.classify(call.getOpcode(), call.owner, call.name, call.desc);
        switch (target) {
            case TWIN -> { // receiver args
                method.instructions.insertBefore(call, new VarInsnNode(ALOAD, segment)); // receiver args s
                call.name = Twins.name(call.name);
                call.desc = Twins.descriptor(call.desc);
            }
            case INEVITABLE -> method.instructions.insertBefore(call, inevitable(segment, lines.site(call, callee(call))));
            case RECEIVER -> method.instructions.insertBefore(call, receiverCheck(call, segment, lines.site(call, callee(call))));
            case JDK_VIRTUAL, JDK_STATIC, JDK_SPECIAL -> jdkCall(method, call, target, segment, lines);
            case PURE -> {
            }
        }
    }

    /**
     * A call that may reach a JDK collection's twin: an {@code invokedynamic} of the JDK call linker
     * with the call's operands and the segment. A virtual call names the class the instruction names
     * (the receiver picks the code); a static or non-virtual one the class declaring the method.
     */
    private void jdkCall(MethodNode method, MethodInsnNode call, CallTargets.Target target, int segment,
            SourceSites.Lines lines) {
        boolean virtual = target == CallTargets.Target.JDK_VIRTUAL;
        String owner = virtual ? call.owner : targets.declaringClass(call.owner, call.name, call.desc);
        Type type = Type.getMethodType(call.desc);
        Type[] arguments = type.getArgumentTypes();
        boolean hasReceiver = call.getOpcode() != INVOKESTATIC;
        Type[] linked = new Type[arguments.length + (hasReceiver ? 2 : 1)];
        int i = 0;
        if (hasReceiver) {
            linked[i++] = Type.getObjectType(virtual ? call.owner : owner);
        }
        for (Type a : arguments) {
            linked[i++] = a;
        }
        linked[i] = Type.getObjectType(RuntimeSeam.SEGMENT);
        RuntimeSeam.Call bootstrap = virtual ? RuntimeSeam.JDK_VIRTUAL_CALL
                : target == CallTargets.Target.JDK_STATIC ? RuntimeSeam.JDK_STATIC_CALL : RuntimeSeam.JDK_SPECIAL_CALL;
        int site = lines.site(call, callee(call));
        method.instructions.insertBefore(call, new VarInsnNode(ALOAD, segment)); // [receiver] args s
        method.instructions.set(call, new InvokeDynamicInsnNode(call.name,
                Type.getMethodDescriptor(type.getReturnType(), linked), bootstrap.handle(),
                Type.getObjectType(owner), call.desc, site)); // [result]
    }

    void rewrite(MethodNode method, InvokeDynamicInsnNode indy, int segment, SourceSites.Lines lines) {
        if (targets.linksJdk() && indy.bsm.getOwner().equals(STRING_CONCAT)) {
            StringConcatArguments.convert(method, indy, segment, lines.site(indy, "string concatenation"));
        }
        if (!targets.isPureBootstrap(indy.bsm.getOwner())) {
            String access = "invokedynamic " + indy.name + " of " + indy.bsm.getOwner().replace('/', '.');
            method.instructions.insertBefore(indy, inevitable(segment, lines.site(indy, access)));
        }
    }

    /** How a site report names an irrevocable call: {@code call java.io.PrintStream.println}. */
    private static String callee(MethodInsnNode call) {
        String owner = call.owner.replace('/', '.');
        return call.name.equals("<init>") ? "new " + owner : "call " + owner + "." + call.name;
    }

    private void constructor(MethodNode method, MethodInsnNode call, TypeFlow flow, int segment, SourceSites.Lines lines) {
        if (targets.constructsThroughJdkTwin(call.owner, call.desc) && constructThroughTwin(method, call, flow, segment, lines)) {
            return;
        }
        if (!targets.isRewritten(call.owner)
                && targets.classify(INVOKESPECIAL, call.owner, call.name, call.desc) == CallTargets.Target.INEVITABLE
                && !PureConstructors.isPure(call.owner, call.desc) && !targets.constructsPurely(call.owner, call.desc)) {
            method.instructions.insertBefore(call, inevitable(segment, lines.site(call, callee(call))));
        }
        int args = Type.getArgumentTypes(call.desc).length;
        BasicValue receiver = flow.stack(call, args);
        BasicValue below = flow.stack(call, args + 1);
        if (receiver instanceof TypedInterpreter.Fresh && below == receiver) {
            InsnList after = new InsnList(); // obj
            after.add(new InsnNode(DUP)); // obj obj
            after.add(new VarInsnNode(ALOAD, segment)); // obj obj s
            after.add(RuntimeSeam.ALLOCATED.insn()); // obj
            method.instructions.insert(call, after);
        }
    }

    /**
     * {@code new C(args)} of a covered JDK class whose constructor reads more than its arguments:
     * the {@code new} and {@code dup} go, and the constructor call becomes one linked call that
     * allocates the object and runs the constructor's twin. False (and nothing changed) when the
     * code is not javac's {@code new; dup; args; invokespecial}.
     */
    private boolean constructThroughTwin(MethodNode method, MethodInsnNode call, TypeFlow flow, int segment,
            SourceSites.Lines lines) {
        int args = Type.getArgumentTypes(call.desc).length;
        BasicValue receiver = flow.stack(call, args);
        if (!(receiver instanceof TypedInterpreter.Fresh fresh) || flow.stack(call, args + 1) != receiver) {
            return false;
        }
        AbstractInsnNode dup = fresh.origin.getNext();
        while (dup != null && dup.getOpcode() < 0) {
            dup = dup.getNext();
        }
        if (dup == null || dup.getOpcode() != DUP) {
            return false;
        }
        method.instructions.remove(fresh.origin);
        method.instructions.remove(dup);
        Type type = Type.getMethodType(call.desc);
        Type[] arguments = type.getArgumentTypes();
        Type[] linked = Arrays.copyOf(arguments, arguments.length + 1);
        linked[arguments.length] = Type.getObjectType(RuntimeSeam.SEGMENT);
        int site = lines.site(call, callee(call));
        method.instructions.insertBefore(call, new VarInsnNode(ALOAD, segment)); // args s
        method.instructions.set(call, new InvokeDynamicInsnNode("construct",
                Type.getMethodDescriptor(Type.getObjectType(call.owner), linked), RuntimeSeam.JDK_CONSTRUCT.handle(),
                Type.getObjectType(call.owner), call.desc, site)); // object
        return true;
    }

    public static InsnList inevitable(int segment, int site) {
        InsnList out = new InsnList();
        out.add(new VarInsnNode(ALOAD, segment)); // s
        out.add(SourceSites.constant(site)); // s site
        out.add(RuntimeSeam.BECOME_INEVITABLE.insn()); //
        return out;
    }

    /** Passes the receiver, under its one-slot argument if any, to the runtime's check. */
    private static InsnList receiverCheck(MethodInsnNode call, int segment, int site) {
        InsnList out = new InsnList();
        if (Type.getArgumentTypes(call.desc).length == 1) { // receiver arg
            out.add(new InsnNode(SWAP)); // arg receiver
            out.add(new InsnNode(DUP_X1)); // receiver arg receiver
        } else { // receiver
            out.add(new InsnNode(DUP)); // receiver receiver
        }
        out.add(new LdcInsnNode(call.name + call.desc)); // ... receiver method
        out.add(new VarInsnNode(ALOAD, segment)); // ... receiver method s
        out.add(SourceSites.constant(site)); // ... receiver method s site
        out.add(RuntimeSeam.BEFORE_CALL_ON.insn()); // receiver [arg]
        return out;
    }

    private static boolean isHoldsLock(MethodInsnNode call) {
        return call.getOpcode() == INVOKESTATIC && call.owner.equals("java/lang/Thread")
                && call.name.equals("holdsLock") && call.desc.equals("(Ljava/lang/Object;)Z");
    }

    private static RuntimeSeam.Call monitorCondition(String name, String desc) {
        return switch (name + desc) {
            case "wait()V" -> RuntimeSeam.WAIT;
            case "wait(J)V" -> RuntimeSeam.WAIT_MILLIS;
            case "wait(JI)V" -> RuntimeSeam.WAIT_MILLIS_NANOS;
            case "notify()V" -> RuntimeSeam.NOTIFY;
            case "notifyAll()V" -> RuntimeSeam.NOTIFY_ALL;
            default -> null;
        };
    }

    private static boolean isArrayClone(MethodInsnNode call) {
        return call.owner.startsWith("[") && call.name.equals("clone") && call.desc.equals("()Ljava/lang/Object;");
    }

    /** {@code super.clone()} that reaches {@code Object.clone()}: a copy of every field, through barriers. */
    private boolean isObjectClone(MethodInsnNode call) {
        return call.getOpcode() == INVOKESPECIAL && call.name.equals("clone") && call.desc.equals("()Ljava/lang/Object;")
                && targets.declaringClass(call.owner, call.name, call.desc).equals("java/lang/Object");
    }

    private static boolean isArraycopy(MethodInsnNode call) {
        return call.getOpcode() == INVOKESTATIC && call.owner.equals("java/lang/System")
                && call.name.equals("arraycopy") && call.desc.equals("(Ljava/lang/Object;ILjava/lang/Object;II)V");
    }

    /** {@code values()} of an enum clones a static final array that nobody writes: no barrier needed. */
    private boolean isFinalStaticArrayClone(MethodInsnNode call) {
        if (!call.owner.startsWith("[") || !call.name.equals("clone")) {
            return false;
        }
        AbstractInsnNode prev = call.getPrevious();
        while (prev != null && prev.getOpcode() < 0) {
            prev = prev.getPrevious();
        }
        if (prev == null || prev.getOpcode() != GETSTATIC) {
            return false;
        }
        FieldInsnNode f = (FieldInsnNode) prev;
        TypeHierarchy.Member field = hierarchy.resolveField(f.owner, f.name);
        return field != null && field.is(ACC_FINAL);
    }
}
