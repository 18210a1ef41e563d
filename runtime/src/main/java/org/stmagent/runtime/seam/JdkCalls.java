package org.stmagent.runtime.seam;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

import org.agrona.UnsafeApi;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.stats.Sites;

/**
 * Bootstrap methods of the {@code invokedynamic} instructions that stand for calls into the JDK's
 * collections inside transactions (see {@link JdkTwins}). Every call site's type is the call's own
 * (receiver first unless static) with the segment appended; the static arguments are the class named
 * in the original instruction, the original descriptor, and the site number for reports.
 *
 * <ul>
 *   <li>{@link #virtualCall}: {@code invokevirtual} or {@code invokeinterface}; the receiver's class
 *       picks the code (see {@link DispatchSite}).</li>
 *   <li>{@link #staticCall}, {@link #specialCall} (a private method or a {@code super.m()} call):
 *       the twin of the one method they name.</li>
 *   <li>{@link #construct}: {@code new C(args)}, as one call returning the object.</li>
 *   <li>{@link #initialize}: the {@code super(...)} or {@code this(...)} call of a constructor's twin.</li>
 * </ul>
 *
 * A method without a twin runs as it is, after making the transaction inevitable unless it is known
 * to change nothing (see {@link ReceiverCalls}).
 */
public final class JdkCalls {
    private static final MethodHandle BECOME_INEVITABLE;
    private static final MethodHandle ALLOCATE;
    private static final MethodHandle ENTERED_JDK;

    static {
        try {
            MethodHandles.Lookup own = MethodHandles.lookup();
            BECOME_INEVITABLE = own.findStatic(JdkCalls.class, "becomeInevitable",
                    MethodType.methodType(void.class, Segment.class, int.class));
            ALLOCATE = own.findStatic(JdkCalls.class, "allocate",
                    MethodType.methodType(Object.class, Class.class, Segment.class));
            ENTERED_JDK = own.findStatic(JdkCalls.class, "enteredJdk",
                    MethodType.methodType(void.class, Segment.class, int.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private JdkCalls() {
    }

    public static CallSite virtualCall(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
            String descriptor, int site) {
        return new DispatchSite(caller, owner, name, descriptor, site, type);
    }

    public static CallSite staticCall(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
            String descriptor, int site) throws ReflectiveOperationException {
        MethodHandle twin = JdkTwins.twin(owner, name, descriptor);
        if (twin != null) {
            return new ConstantCallSite(noteEntry(caller, twin.asType(type), site));
        }
        MethodHandle plain = caller.findStatic(owner, name, methodType(descriptor, caller));
        return new ConstantCallSite(inevitableFirst(withSegment(plain, type), site));
    }

    public static CallSite specialCall(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
            String descriptor, int site) throws ReflectiveOperationException {
        MethodHandle twin = JdkTwins.twin(owner, name, descriptor);
        if (twin != null) {
            return new ConstantCallSite(noteEntry(caller, twin.asType(type), site));
        }
        MethodType original = methodType(descriptor, caller);
        Class<?> callerClass = caller.lookupClass();
        MethodHandle plain = owner.isAssignableFrom(callerClass) && !JdkTwins.isTwinClass(callerClass)
                ? caller.findSpecial(owner, name, original, callerClass) // super.m() from a program's subclass
                : JdkTwins.special(owner, name, original); // a twin's call of its class's own code
        return new ConstantCallSite(inevitableFirst(withSegment(plain, type), site));
    }

    /** {@code new owner(args)}: type {@code (args, Segment)owner}. */
    public static CallSite construct(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
            String descriptor, int site) throws ReflectiveOperationException {
        MethodHandle init = JdkTwins.twin(owner, "<init>", descriptor);
        if (init == null) {
            MethodHandle plain = caller.findConstructor(owner, methodType(descriptor, caller));
            return new ConstantCallSite(inevitableFirst(withSegment(plain, type), site));
        }
        // (self, args, s) -> init(self, args, s); self
        MethodType initType = init.type();
        MethodHandle self = MethodHandles.dropArguments(MethodHandles.identity(owner), 1,
                initType.parameterList().subList(1, initType.parameterCount()));
        MethodHandle initThenSelf = MethodHandles.foldArguments(self, init);
        // (args, s) -> allocate(owner, s)
        MethodHandle allocate = MethodHandles.insertArguments(ALLOCATE, 0, owner)
                .asType(MethodType.methodType(owner, Segment.class));
        allocate = MethodHandles.dropArguments(allocate, 0,
                initType.parameterList().subList(1, initType.parameterCount() - 1));
        return new ConstantCallSite(noteEntry(caller, MethodHandles.foldArguments(initThenSelf, 0, allocate).asType(type),
                site));
    }

    /** {@code super(args)} or {@code this(args)} in a constructor's twin: type {@code (self, args, Segment)V}. */
    public static CallSite initialize(MethodHandles.Lookup caller, String name, MethodType type, Class<?> owner,
            String descriptor, int site) {
        MethodHandle init = JdkTwins.twin(owner, "<init>", descriptor);
        if (init == null) {
            throw new BootstrapMethodError("no transactional version of the constructor " + owner.getName()
                    + descriptor + ", which a subclass's constructor calls");
        }
        return new ConstantCallSite(init.asType(type));
    }

    /**
     * The code a virtual call runs for receivers of exactly {@code receiverClass}: the twin of the
     * method the receiver would run, if it has one; else that method as it is, after making the
     * transaction inevitable unless the method is known to change nothing.
     */
    static MethodHandle targetFor(MethodHandles.Lookup caller, Class<?> owner, String name, String descriptor,
            int site, Class<?> receiverClass, MethodType type) throws ReflectiveOperationException {
        Method implementation = ReceiverCalls.implementation(receiverClass, name, descriptor);
        boolean pureValue = ReceiverCalls.isImmutableValue(receiverClass) && !takesArray(descriptor);
        if (implementation != null && !pureValue && JdkTwins.covers(implementation.getDeclaringClass())) {
            MethodHandle twin = JdkTwins.twin(implementation.getDeclaringClass(), name, descriptor);
            if (twin != null) {
                return noteEntry(caller, twin.asType(type), site);
            }
        }
        MethodHandle plain = withSegment(caller.findVirtual(owner, name, methodType(descriptor, caller)), type);
        return ReceiverCalls.implementationIsSafe(receiverClass, name + descriptor) ? plain
                : inevitableFirst(plain, site);
    }

    /** Whether a method takes an array, which a string's or a box's method may write into. */
    private static boolean takesArray(String descriptor) {
        int array = descriptor.indexOf('[');
        return array >= 0 && array < descriptor.indexOf(')');
    }

    private static MethodType methodType(String descriptor, MethodHandles.Lookup caller) {
        return MethodType.fromMethodDescriptorString(descriptor, caller.lookupClass().getClassLoader());
    }

    /** {@code plain} taking the segment as its last argument, and ignoring it. */
    private static MethodHandle withSegment(MethodHandle plain, MethodType type) {
        return MethodHandles.dropArguments(plain, plain.type().parameterCount(), Segment.class).asType(type);
    }

    private static MethodHandle inevitableFirst(MethodHandle target, int site) {
        MethodHandle become = MethodHandles.insertArguments(BECOME_INEVITABLE, 1, site);
        return MethodHandles.foldArguments(target, target.type().parameterCount() - 1, become);
    }

    /**
     * A call from the program (not from another twin) into a twin notes its site in the segment
     * first, so conflicts inside the collection name the program's call too.
     */
    private static MethodHandle noteEntry(MethodHandles.Lookup caller, MethodHandle twin, int site) {
        if (JdkTwins.isTwinClass(caller.lookupClass()) || site == Sites.UNKNOWN) {
            return twin;
        }
        MethodHandle note = MethodHandles.insertArguments(ENTERED_JDK, 1, site);
        return MethodHandles.foldArguments(twin, twin.type().parameterCount() - 1, note);
    }

    private static void enteredJdk(Segment segment, int site) {
        segment.enteredJdk(site);
    }

    private static void becomeInevitable(Segment segment, int site) {
        if (!segment.readyForIrrevocableCalls()) {
            segment.becomeInevitable(site);
        }
    }

    /** A new object of {@code type} whose constructor's twin runs next; the transaction's own until it commits. */
    private static Object allocate(Class<?> type, Segment segment) throws InstantiationException {
        Object object = UnsafeApi.allocateInstance(type);
        segment.recordAllocation(object);
        return object;
    }
}
