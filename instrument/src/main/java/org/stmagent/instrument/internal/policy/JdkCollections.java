package org.stmagent.instrument.internal.policy;

import java.util.Set;

/**
 * The JDK classes whose methods get transactional twins (see {@code JdkTwinFactory}): the everyday
 * collections of {@code java.util}, their abstract bases and interfaces (for default methods), the
 * array and object helpers they call, and {@code StringBuilder} with the string code it copies
 * through. A class is covered with every member of its nest ({@code HashMap$Node},
 * {@code TreeMap$EntryIterator}, ...). Classes with {@code synchronized} code ({@code Vector},
 * {@code Hashtable}, {@code StringBuffer}, the synchronized wrappers) are not covered: they lock the
 * real monitor, which code outside transactions shares.
 */
public final class JdkCollections {
    private static final Set<String> HOSTS = Set.of(
            "java/util/HashMap", "java/util/LinkedHashMap", "java/util/HashSet", "java/util/LinkedHashSet",
            "java/util/ArrayList", "java/util/ArrayDeque", "java/util/LinkedList", "java/util/PriorityQueue",
            "java/util/TreeMap", "java/util/TreeSet", "java/util/BitSet",
            "java/util/AbstractMap", "java/util/AbstractCollection", "java/util/AbstractList",
            "java/util/AbstractSet", "java/util/AbstractQueue", "java/util/AbstractSequentialList",
            "java/util/Map", "java/util/Collection", "java/util/List", "java/util/Set", "java/util/Queue",
            "java/util/Deque", "java/util/Iterator", "java/util/ListIterator", "java/util/SortedMap",
            "java/util/NavigableMap", "java/util/SortedSet", "java/util/NavigableSet",
            "java/util/SequencedCollection", "java/util/SequencedMap", "java/util/SequencedSet",
            "java/lang/Iterable", "java/lang/CharSequence",
            "java/util/Arrays", "java/util/Objects",
            "java/lang/AbstractStringBuilder", "java/lang/StringBuilder",
            "java/lang/String", "java/lang/StringLatin1", "java/lang/StringUTF16",
            "java/lang/Integer", "java/lang/Long", "java/lang/Character", "jdk/internal/util/DecimalDigits");

    /** Immutable values whose methods are pure, except those that write into an array passed to them. */
    private static final Set<String> VALUES = Set.of("java/lang/String", "java/lang/StringLatin1",
            "java/lang/StringUTF16", "java/lang/Integer", "java/lang/Long", "java/lang/Character",
            "java/lang/Short", "java/lang/Byte", "jdk/internal/util/DecimalDigits");

    private JdkCollections() {
    }

    /** Whether the methods of {@code internalName} get twins. */
    public static boolean covers(String internalName) {
        int nested = internalName.indexOf('$');
        return HOSTS.contains(nested < 0 ? internalName : internalName.substring(0, nested));
    }

    /**
     * Whether a call that the constant pool names through {@code owner} can reach a covered method:
     * a JDK class or interface that is covered, or a supertype of covered ones.
     */
    static boolean reaches(String owner) {
        return covers(owner) || owner.equals("java/lang/Object") || owner.equals("java/lang/Comparable")
                || owner.equals("java/lang/Appendable") || owner.equals("java/util/Comparator");
    }

    /**
     * Methods of the immutable values that take an array ({@code Integer.getChars(int, int, byte[])},
     * {@code String.getBytes(byte[], int, byte)}, {@code Character.toChars(int, char[], int)}): they
     * may write into it, so they are not pure, and they run as twins that write through barriers.
     */
    static boolean writesArgumentArray(String owner, String name, String descriptor) {
        int array = descriptor.indexOf('[');
        return VALUES.contains(owner) && array >= 0 && array < descriptor.indexOf(')');
    }
}
