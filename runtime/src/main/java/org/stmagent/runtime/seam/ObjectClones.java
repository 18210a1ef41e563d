package org.stmagent.runtime.seam;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.agrona.UnsafeApi;
import org.stmagent.runtime.core.Kind;
import org.stmagent.runtime.core.Segment;

/**
 * {@code Object.clone()} inside a transaction (a collection's {@code clone}, a program's
 * {@code super.clone()}): a new object of the same class whose every instance field is read through
 * the barriers, so the copy holds what the transaction sees, including its own writes. The copy is
 * the transaction's own. The JDK's checks are kept: {@link CloneNotSupportedException} for a class
 * that is not {@link Cloneable}.
 */
final class ObjectClones {
    /** A class's instance fields, its superclasses' included: offsets and kinds. */
    private record Layout(long[] offsets, byte[] kinds) {
    }

    private static final ClassValue<Layout> LAYOUTS = new ClassValue<>() {
        @Override
        protected Layout computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = type; c != null; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        fields.add(f);
                    }
                }
            }
            long[] offsets = new long[fields.size()];
            byte[] kinds = new byte[fields.size()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = UnsafeApi.objectFieldOffset(fields.get(i));
                kinds[i] = Kind.of(fields.get(i).getType());
            }
            return new Layout(offsets, kinds);
        }
    };

    private ObjectClones() {
    }

    static Object cloneObject(Object original, Segment s, int site) throws CloneNotSupportedException {
        Class<?> type = original.getClass(); // NullPointerException as the call on null
        if (!(original instanceof Cloneable)) {
            throw new CloneNotSupportedException(type.getName());
        }
        if (type.isArray()) {
            return ArrayCopies.cloneArray(original, s, site);
        }
        Object copy = UnsafeApi.allocateInstance(type); // the class of an instance: concrete
        s.recordAllocation(copy);
        Layout layout = LAYOUTS.get(type);
        for (int i = 0; i < layout.offsets.length; i++) {
            long offset = layout.offsets[i];
            byte kind = layout.kinds[i];
            if (kind == Kind.REFERENCE) {
                Kind.storeReference(copy, offset, s.readReference(original, offset, site));
            } else {
                if (kind == Kind.INT) {
                    s.settleCounter(original, offset, site); // a collection's size with a pending increment
                }
                Kind.storeBits(copy, offset, kind, s.readBits(original, offset, kind, site));
            }
        }
        UnsafeApi.storeFence(); // final fields written: publish them as a constructor would
        return copy;
    }
}
