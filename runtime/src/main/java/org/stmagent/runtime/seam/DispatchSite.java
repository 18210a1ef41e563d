package org.stmagent.runtime.seam;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * The call site of a virtual call into code the rewriter did not see, inside a transaction: an
 * inline cache keyed by the receiver's exact class. The first call from a receiver class asks
 * {@link JdkCalls#targetFor} what to run and puts a class test in front of the site's code; after
 * {@value #CACHED_CLASSES} classes, further ones are looked up in a table on every call.
 */
final class DispatchSite extends MutableCallSite {
    private static final int CACHED_CLASSES = 4;
    private static final MethodHandle RELINK;
    private static final MethodHandle CLASS_IS;

    static {
        try {
            MethodHandles.Lookup own = MethodHandles.lookup();
            RELINK = own.findVirtual(DispatchSite.class, "relink", MethodType.methodType(Object.class, Object[].class));
            CLASS_IS = own.findStatic(DispatchSite.class, "classIs",
                    MethodType.methodType(boolean.class, Class.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final MethodHandles.Lookup caller;
    private final Class<?> owner;
    private final String name;
    private final String descriptor;
    private final int site;
    private final ClassValue<MethodHandle> targets = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> receiverClass) {
            try {
                return JdkCalls.targetFor(caller, owner, name, descriptor, site, receiverClass, type());
            } catch (ReflectiveOperationException e) {
                throw new LinkageError("cannot link " + owner.getName() + "." + name + descriptor, e);
            }
        }
    };
    private int cachedClasses;

    DispatchSite(MethodHandles.Lookup caller, Class<?> owner, String name, String descriptor, int site,
            MethodType type) {
        super(type);
        this.caller = caller;
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.site = site;
        setTarget(RELINK.bindTo(this).asCollector(Object[].class, type.parameterCount()).asType(type));
    }

    private Object relink(Object[] arguments) throws Throwable {
        Class<?> receiverClass = arguments[0].getClass(); // a null receiver throws, as the call would
        MethodHandle target = targets.get(receiverClass);
        synchronized (this) {
            if (cachedClasses < CACHED_CLASSES) {
                cachedClasses++;
                MethodType type = type();
                MethodHandle test = CLASS_IS.bindTo(receiverClass)
                        .asType(MethodType.methodType(boolean.class, type.parameterType(0)));
                test = MethodHandles.dropArguments(test, 1, type.parameterList().subList(1, type.parameterCount()));
                setTarget(MethodHandles.guardWithTest(test, target, getTarget()));
            }
        }
        return target.invokeWithArguments(arguments);
    }

    private static boolean classIs(Class<?> expected, Object receiver) {
        return receiver.getClass() == expected;
    }
}
