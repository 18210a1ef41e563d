package org.stmagent.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * On attach, finds the included classes that are already loaded. They stay as they are: rewriting
 * adds methods and fields, which the JVM does not allow for loaded classes, so an attached agent
 * rewrites only the classes loaded after it.
 */
final class LoadedClasses {
    /** How many of the names {@link #describe} lists. */
    static final int LISTED = 5;

    private LoadedClasses() {
    }

    /** The names of the loaded classes {@code selection} includes, in no particular order. */
    static List<String> included(Instrumentation instrumentation, ClassNamePatterns selection) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (!type.isArray() && !type.isHidden() && !type.isPrimitive() && type.getClassLoader() != null
                    && selection.matches(type.getName())) {
                names.add(type.getName());
            }
        }
        return names;
    }

    /** One line saying that {@code names} stay unchanged, or {@code null} if there are none. */
    static String describe(List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        String listed = String.join(", ", names.subList(0, Math.min(LISTED, names.size())));
        String count = names.size() == 1
                ? "1 included class was loaded before the agent attached and stays unchanged ("
                : names.size() + " included classes were loaded before the agent attached and stay unchanged (";
        return count + listed + (names.size() > LISTED ? ", ..." : "") + ")";
    }
}
