package org.stmagent.instrument.internal.purity;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Opcodes;
import org.stmagent.instrument.internal.seam.RuntimeSeam;
import org.stmagent.runtime.seam.SeamNames;

/**
 * Methods outside the rewritten classes that a transaction may call without becoming inevitable:
 * they change no shared state and read none that a transaction writes (immutable values, pure
 * arithmetic), so running them again after an abort is harmless.
 */
public final class PureMethods {
    /** The built-in list of the JDK's methods, in the syntax of the {@code pure} option. */
    static final List<String> BUILT_IN = List.of(
            "java.lang.String.*",
            "java.lang.Boolean.*", "java.lang.Byte.*", "java.lang.Character.*", "java.lang.Short.*",
            "java.lang.Integer.*", "java.lang.Long.*", "java.lang.Float.*", "java.lang.Double.*",
            "java.lang.Math.*", "java.lang.StrictMath.*",
            "java.lang.Object.getClass", "java.lang.Object.<init>",
            "java.lang.Enum.ordinal", "java.lang.Enum.name", "java.lang.Enum.compareTo",
            "java.lang.Enum.getDeclaringClass",
            "java.util.Objects.equals", "java.util.Objects.hashCode", "java.util.Objects.requireNonNull",
            "java.util.Objects.isNull", "java.util.Objects.nonNull", "java.util.Objects.checkIndex",
            "java.lang.System.identityHashCode", "java.lang.System.nanoTime",
            "java.lang.System.currentTimeMillis",
            "java.lang.Thread.currentThread", "java.lang.Thread.onSpinWait",
            // arithmetic and fresh arrays that the JDK's collections call while they grow
            "jdk.internal.util.ArraysSupport.newLength", "jdk.internal.util.Preconditions.*",
            "jdk.internal.util.DecimalDigits.stringSize",
            "java.lang.reflect.Array.newInstance", "java.lang.Class.getComponentType", "java.lang.Class.isInstance",
            // a thread's identity, read only: nothing a transaction writes
            "java.lang.Thread.getName", "java.lang.Thread.getId", "java.lang.Thread.threadId",
            "java.lang.Thread.isDaemon", "java.lang.Thread.getPriority",
            // exceptions are built fresh; filling in the stack trace touches no shared state
            "java.lang.Throwable.<init>", "java.lang.Exception.<init>", "java.lang.RuntimeException.<init>",
            "java.lang.Error.<init>", "java.lang.*Exception.<init>", "java.lang.*Error.<init>",
            "java.util.NoSuchElementException.<init>", "java.util.ConcurrentModificationException.<init>");

    /** The runtime's own API, which knows about transactions: calling it is part of one. */
    private static final List<String> RUNTIME_API = List.of(SeamNames.PURE_API.split(SeamNames.PATTERN_SEPARATOR));

    /** Bootstraps whose call sites only build values: lambdas, string concatenation, records, switches. */
    private static final List<String> PURE_BOOTSTRAPS = List.of(
            "java/lang/invoke/LambdaMetafactory", "java/lang/invoke/StringConcatFactory",
            "java/lang/runtime/ObjectMethods", "java/lang/runtime/SwitchBootstraps",
            RuntimeSeam.JDK_CALLS);

    private final List<MethodPattern> patterns = new ArrayList<>();

    public PureMethods(List<String> extra) {
        for (List<String> list : List.of(BUILT_IN, RUNTIME_API, extra)) {
            for (String p : list) {
                patterns.add(MethodPattern.parse(p));
            }
        }
    }

    public boolean isPure(int opcode, String owner, String name) {
        if (opcode == Opcodes.INVOKESPECIAL && "java/lang/Object".equals(owner) && !"clone".equals(name)) {
            return true; // Object's own hashCode, equals, toString on this: identity only
        }
        for (MethodPattern p : patterns) {
            if (p.matches(owner, name)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isPureBootstrap(String bootstrapOwner) {
        return PURE_BOOTSTRAPS.contains(bootstrapOwner);
    }
}
