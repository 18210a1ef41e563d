package org.stmagent.instrument.internal.purity;

import java.util.Set;

import org.objectweb.asm.Type;

/**
 * JDK classes whose constructors, given only primitive arguments, build a fresh private object and
 * touch nothing else: a transaction may construct them without becoming inevitable.
 */
public final class PureConstructors {
    private static final Set<String> CLASSES = Set.of(
            "java/lang/Object", "java/lang/StringBuilder",
            "java/util/ArrayList", "java/util/LinkedList", "java/util/ArrayDeque",
            "java/util/HashMap", "java/util/LinkedHashMap", "java/util/TreeMap", "java/util/IdentityHashMap",
            "java/util/HashSet", "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/PriorityQueue",
            "java/util/BitSet");

    private PureConstructors() {
    }

    public static boolean isPure(String owner, String descriptor) {
        if (!CLASSES.contains(owner)) {
            return false;
        }
        for (Type arg : Type.getArgumentTypes(descriptor)) {
            if (arg.getSort() == Type.OBJECT || arg.getSort() == Type.ARRAY) {
                return false;
            }
        }
        return true;
    }
}
