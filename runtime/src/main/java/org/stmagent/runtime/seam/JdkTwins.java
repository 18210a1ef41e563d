package org.stmagent.runtime.seam;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.stmagent.runtime.core.Segment;

/**
 * Transactional twins of JDK methods: the collections of {@code java.util} and
 * {@code StringBuilder}, whose classes were loaded before any agent and cannot gain methods. A
 * method's twin is the public static method {@value #METHOD} of a hidden class made for that method
 * alone, defined as a nestmate of the method's class, so that its copy of the body keeps its access
 * to the class's private members. The agent installs the {@link Source} that writes those classes;
 * without one, no JDK method has a twin. Twins are made when a transaction first calls them and kept.
 *
 * <p>A twin of an instance method takes the receiver first; every twin takes the segment last. The
 * twin of a constructor ({@code <init>}) initialises an object that {@link JdkCalls} allocated.
 */
public final class JdkTwins {
    /** The name of the one method of a twin class. */
    public static final String METHOD = "twin";
    /** Appended to the JDK class's name to name its twins' classes. */
    public static final String CLASS_SUFFIX = SeamNames.TWIN_CLASS_SUFFIX;

    /** Writes twin classes: the agent's rewriter, which the runtime knows only through this. */
    public interface Source {
        /** Whether methods declared by {@code type} get twins. */
        boolean covers(Class<?> type);

        /**
         * The class file of a class with one method {@value #METHOD}, the twin of {@code name} and
         * {@code descriptor} declared by {@code declaring}, or {@code null} when it has none (an
         * abstract or native method, or code the rewriter refuses; the reason is reported).
         */
        byte[] twinClass(Class<?> declaring, String name, String descriptor);
    }

    private static volatile Source source;
    private static volatile MethodHandles.Lookup trusted;
    private static final ConcurrentHashMap<List<Object>, Optional<MethodHandle>> TWINS = new ConcurrentHashMap<>();

    private JdkTwins() {
    }

    /**
     * Installs the source of twins. {@code trustedLookup} may define classes in any package of the
     * JDK: hidden nestmates of the JDK classes need a lookup with full privilege in their package.
     */
    public static void install(Source twinSource, MethodHandles.Lookup trustedLookup) {
        trusted = trustedLookup;
        source = twinSource;
    }

    /**
     * {@code owner}'s own {@code name}, not dispatched: what a twin's {@code super.m()} or private
     * call runs when that method has no twin (a twin class is no subclass to ask for it itself).
     */
    static MethodHandle special(Class<?> owner, String name, MethodType type) throws ReflectiveOperationException {
        return trusted.in(owner).findSpecial(owner, name, type, owner);
    }

    /** Whether {@code type} is the class of a twin (whose calls into other twins are the JDK's own). */
    static boolean isTwinClass(Class<?> type) {
        return type.isHidden() && type.getName().contains(CLASS_SUFFIX);
    }

    /** Whether {@code type}'s methods get twins. */
    static boolean covers(Class<?> type) {
        Source s = source;
        return s != null && s.covers(type);
    }

    /**
     * The twin of a method or constructor declared by {@code declaring}, typed as described above,
     * or {@code null} when it has none.
     */
    static MethodHandle twin(Class<?> declaring, String name, String descriptor) {
        List<Object> key = List.of(declaring, name, descriptor);
        Optional<MethodHandle> known = TWINS.get(key);
        if (known == null) {
            known = Optional.ofNullable(make(declaring, name, descriptor));
            Optional<MethodHandle> raced = TWINS.putIfAbsent(key, known);
            if (raced != null) {
                known = raced;
            }
        }
        return known.orElse(null);
    }

    private static MethodHandle make(Class<?> declaring, String name, String descriptor) {
        Source s = source;
        if (s == null || !s.covers(declaring)) {
            return null;
        }
        byte[] classFile = s.twinClass(declaring, name, descriptor);
        if (classFile == null) {
            return null;
        }
        try {
            MethodHandles.Lookup twins = trusted.in(declaring)
                    .defineHiddenClass(classFile, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            return twins.findStatic(twins.lookupClass(), METHOD, typeOf(declaring, name, descriptor));
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("stm-agent: warning: no transactional version of " + declaring.getName() + "."
                    + name + descriptor + " (calls to it make transactions inevitable): " + e);
            return null;
        }
    }

    /** The twin's type: the receiver first unless static, the segment last, void for a constructor. */
    static MethodType typeOf(Class<?> declaring, String name, String descriptor) {
        MethodType original = MethodType.fromMethodDescriptorString(descriptor, declaring.getClassLoader());
        boolean isStatic = !name.equals("<init>") && isStatic(declaring, name, original);
        MethodType withSegment = original.appendParameterTypes(Segment.class);
        return isStatic ? withSegment : withSegment.insertParameterTypes(0, declaring);
    }

    private static boolean isStatic(Class<?> declaring, String name, MethodType type) {
        for (Method m : declaring.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getReturnType() == type.returnType()
                    && Arrays.equals(m.getParameterTypes(), type.parameterArray())) {
                return Modifier.isStatic(m.getModifiers());
            }
        }
        return false;
    }
}
