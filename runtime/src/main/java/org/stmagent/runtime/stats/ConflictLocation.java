package org.stmagent.runtime.stats;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Objects;

import org.agrona.UnsafeApi;

/**
 * Where a conflict happened: a field of a class (instance or static) or an element of an array
 * type, named the way a user reads it: {@code com.acme.Bank.total}, {@code static com.acme.Ids.next},
 * {@code long[] element}. Made only when an attempt aborts, never on the fast path.
 */
public final class ConflictLocation {
    public static final ConflictLocation UNKNOWN = new ConflictLocation(null, -1, false, null);
    /** The offset of a monitor's signal word: the object header, where no field or element is. */
    public static final long MONITOR_WORD = 0;

    private final Class<?> type;
    private final long offset;
    private final boolean isStatic;
    /** The name the rewriter gave the location of a site, when the run-time lookup found nothing. */
    private final String name;

    private ConflictLocation(Class<?> type, long offset, boolean isStatic, String name) {
        this.type = type;
        this.offset = offset;
        this.isStatic = isStatic;
        this.name = name;
    }

    /** The location of {@code offset} in {@code holder} (a static field's base is its class). */
    public static ConflictLocation of(Object holder, long offset) {
        if (holder == null) {
            return UNKNOWN;
        }
        if (holder instanceof Class) {
            return new ConflictLocation((Class<?>) holder, offset, true, null);
        }
        return new ConflictLocation(holder.getClass(), offset, false, null);
    }

    public static ConflictLocation of(Class<?> type, long offset, boolean isStatic) {
        return type == null ? UNKNOWN : new ConflictLocation(type, offset, isStatic, null);
    }

    /** The location the access at {@code site} touches, by the rewriter's name for it, or UNKNOWN. */
    public static ConflictLocation ofSite(int site) {
        String named = Sites.get(site).location();
        return named == null ? UNKNOWN : new ConflictLocation(null, -1, false, named);
    }

    /** A readable name; resolving the field by offset costs a reflective search, done at report time. */
    public String describe() {
        if (type == null) {
            return name != null ? name : "(unknown location)";
        }
        if (offset == MONITOR_WORD) {
            return "monitor of " + (isStatic ? "class " : "") + type.getName();
        }
        if (type.isArray()) {
            return type.getComponentType().getTypeName() + "[] element";
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) == isStatic && offsetOf(f) == offset) {
                    return (isStatic ? "static " : "") + c.getName() + "." + f.getName();
                }
            }
        }
        return (isStatic ? "static " : "") + type.getName() + " at offset " + offset;
    }

    private static long offsetOf(Field f) {
        try {
            return Modifier.isStatic(f.getModifiers()) ? UnsafeApi.staticFieldOffset(f) : UnsafeApi.objectFieldOffset(f);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConflictLocation)) {
            return false;
        }
        ConflictLocation other = (ConflictLocation) o;
        // every element of an array type is one location for the report
        boolean sameOffset = type != null && type.isArray() || offset == other.offset;
        return type == other.type && sameOffset && isStatic == other.isStatic && Objects.equals(name, other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, type != null && type.isArray() ? 0 : offset, isStatic, name);
    }
}
