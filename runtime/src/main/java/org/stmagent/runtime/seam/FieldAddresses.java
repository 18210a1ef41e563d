package org.stmagent.runtime.seam;

import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.agrona.UnsafeApi;

/**
 * Where a field lives in memory, for the barriers. The three {@code ...Bootstrap} methods are
 * bootstrap methods for dynamic constants ({@code CONSTANT_Dynamic}): rewritten code loads a field's
 * offset (and a static field's base) with one {@code ldc}, resolved once per class, folded by the JIT.
 * The constant's name is the field name; its one static argument is the class named in the original
 * field instruction. Fields are found as the JVM resolves them: the class, its superinterfaces, then
 * its superclasses.
 */
public final class FieldAddresses {
    private FieldAddresses() {
    }

    /** {@code ldc} bootstrap, type {@code J}: the offset of an instance field. */
    public static long instanceOffsetBootstrap(MethodHandles.Lookup lookup, String name, Class<?> type, Class<?> owner) {
        return instanceOffset(owner, name);
    }

    /** {@code ldc} bootstrap, type {@code J}: the offset of a static field within its base. */
    public static long staticOffsetBootstrap(MethodHandles.Lookup lookup, String name, Class<?> type, Class<?> owner) {
        return staticOffset(owner, name);
    }

    /**
     * {@code ldc} bootstrap, type {@code Ljava/lang/Object;}: the base object of a static field.
     * Initialises the declaring class first, as the GETSTATIC or PUTSTATIC it replaces would.
     */
    public static Object staticBaseBootstrap(MethodHandles.Lookup lookup, String name, Class<?> type, Class<?> owner) {
        return staticBase(owner, name);
    }

    public static long instanceOffset(Class<?> owner, String name) {
        Field field = resolve(owner, name);
        if (Modifier.isStatic(field.getModifiers())) {
            throw new IncompatibleClassChangeError("Expected non-static field " + owner.getName() + "." + name);
        }
        return UnsafeApi.objectFieldOffset(field);
    }

    public static long staticOffset(Class<?> owner, String name) {
        return UnsafeApi.staticFieldOffset(requireStatic(owner, name));
    }

    public static Object staticBase(Class<?> owner, String name) {
        Field field = requireStatic(owner, name);
        UnsafeApi.ensureClassInitialized(field.getDeclaringClass());
        return UnsafeApi.staticFieldBase(field);
    }

    private static Field requireStatic(Class<?> owner, String name) {
        Field field = resolve(owner, name);
        if (!Modifier.isStatic(field.getModifiers())) {
            throw new IncompatibleClassChangeError("Expected static field " + owner.getName() + "." + name);
        }
        return field;
    }

    private static Field resolve(Class<?> owner, String name) {
        Field field = find(owner, name);
        if (field == null) {
            throw new NoSuchFieldError(owner.getName() + "." + name);
        }
        return field;
    }

    private static Field find(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return f;
                }
            }
            for (Class<?> i : c.getInterfaces()) {
                Field f = find(i, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
