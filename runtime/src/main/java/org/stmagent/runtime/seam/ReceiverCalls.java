package org.stmagent.runtime.seam;

import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.stmagent.runtime.core.Segment;

/**
 * Calls through a type the rewriter leaves alone ({@code Object.hashCode}, {@code Comparable.compareTo},
 * {@code Iterator.next}) where the receiver decides what runs. A method of a rewritten class runs its
 * transactional twin (its original's prologue sends it there); a method of an immutable JDK value
 * ({@code String}, the boxed primitives, {@code Enum}'s, {@code Object}'s identity
 * {@code hashCode} and {@code equals}) changes nothing. Neither needs the transaction to become
 * inevitable; anything else does. The answer for a receiver class and a method is found once, by
 * reflection, and kept with the class.
 */
final class ReceiverCalls {
    private static final String TWIN_PREFIX = SeamNames.MEMBER_PREFIX;
    private static final String SEGMENT = Segment.class.descriptorString();
    /** Immutable values: every method is pure (the rewriter's built-in list says the same of them). */
    private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class, Byte.class, Character.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class);

    private static final ClassValue<ConcurrentHashMap<String, Boolean>> SAFE = new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, Boolean> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    private ReceiverCalls() {
    }

    /** Whether calling {@code method} (name and descriptor) on {@code receiver} needs inevitability. */
    static boolean needsInevitability(Object receiver, String method) {
        if (receiver == null) {
            return false; // the call throws NullPointerException, inside the transaction
        }
        ConcurrentHashMap<String, Boolean> known = SAFE.get(receiver.getClass());
        Boolean safe = known.get(method);
        if (safe == null) {
            safe = implementationIsSafe(receiver.getClass(), method);
            known.putIfAbsent(method, safe);
        }
        return !safe;
    }

    /** Whether {@code type} is one of the immutable values whose methods change nothing of their own. */
    static boolean isImmutableValue(Class<?> type) {
        return VALUES.contains(type);
    }

    static boolean implementationIsSafe(Class<?> type, String method) {
        if (VALUES.contains(type)) {
            return true;
        }
        int paren = method.indexOf('(');
        String name = method.substring(0, paren);
        String descriptor = method.substring(paren);
        try {
            Method implementation = implementation(type, name, descriptor);
            if (implementation == null) {
                return false;
            }
            Class<?> declaring = implementation.getDeclaringClass();
            if (declaring == Object.class) {
                return name.equals("hashCode") || name.equals("equals"); // identity
            }
            return declaring == Enum.class || hasTwin(declaring, name, descriptor);
        } catch (Throwable cannotTell) { // a type that does not link, a security manager: stay safe
            return false;
        }
    }

    /** The method a virtual call would run: the first concrete one up the superclasses, else a default method. */
    static Method implementation(Class<?> type, String name, String descriptor) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Method m = declared(c, name, descriptor);
            if (m != null && !Modifier.isAbstract(m.getModifiers())) {
                return m;
            }
        }
        return defaultMethod(type, name, descriptor);
    }

    private static Method defaultMethod(Class<?> type, String name, String descriptor) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                Method m = declared(i, name, descriptor);
                if (m != null && m.isDefault()) {
                    return m;
                }
                Method inherited = defaultMethod(i, name, descriptor);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }

    private static boolean hasTwin(Class<?> declaring, String name, String descriptor) {
        int close = descriptor.indexOf(')');
        String twin = descriptor.substring(0, close) + SEGMENT + descriptor.substring(close);
        return declared(declaring, TWIN_PREFIX + name, twin) != null;
    }

    private static Method declared(Class<?> c, String name, String descriptor) {
        for (Method m : c.getDeclaredMethods()) {
            if (m.getName().equals(name) && descriptor(m).equals(descriptor)) {
                return m;
            }
        }
        return null;
    }

    private static String descriptor(Method m) {
        return MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
    }
}
