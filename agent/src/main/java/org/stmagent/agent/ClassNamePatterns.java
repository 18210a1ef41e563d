package org.stmagent.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.stmagent.runtime.seam.SeamNames;

/**
 * Decides, from its dotted name alone, whether a class is rewritten: it must match an
 * {@code include} pattern and no {@code exclude} pattern, and lie outside the packages that are
 * never rewritten.
 *
 * <p>Pattern syntax: {@code *} matches any characters within one package segment (no dot),
 * {@code **} any characters across segments, {@code ?} one character that is not a dot; everything
 * else is literal. Nested classes are matched by their binary names ({@code com.acme.Outer$Inner}),
 * so {@code com.acme.*} covers them. {@code com.acme.**} covers {@code com.acme} and all its
 * sub-packages.
 *
 * <p>Never rewritten: the agent's own packages and its relocated dependencies, and the JDK. ASM and
 * Byte Buddy that an application ships unrelocated are rewritten only when an include pattern
 * names their package explicitly (a pattern starting with {@code org.objectweb.asm.} or
 * {@code net.bytebuddy.}), never through a broad pattern such as {@code **}.
 */
public final class ClassNamePatterns {
    /** Prefixes of classes that are never rewritten, whatever the patterns say. */
    static final List<String> NEVER_REWRITTEN = Stream.concat(
            Stream.of(SeamNames.OWN_PACKAGES.split(SeamNames.PATTERN_SEPARATOR)).map(p -> p.replace('/', '.')),
            Stream.of("java.", "javax.", "jdk.", "sun.", "com.sun.")).collect(Collectors.toUnmodifiableList());

    /** Prefixes of libraries rewritten only when an include pattern names them explicitly. */
    static final List<String> EXPLICIT_ONLY = List.of("org.objectweb.asm.", "net.bytebuddy.");

    /** What {@link #decide} concluded about a class. */
    public enum Decision {
        /** Matches an include pattern and nothing keeps it out: rewrite it. */
        INCLUDED,
        /** Matches no include pattern. */
        NOT_INCLUDED,
        /** Matches an include pattern and an exclude pattern. */
        EXCLUDED,
        /** The JDK, the agent itself, or a library not named explicitly. */
        PROTECTED
    }

    private final List<Pattern> includes;
    private final List<Pattern> excludes;
    private final List<String> explicitPrefixes;

    /**
     * @throws IllegalArgumentException if a pattern is malformed (see {@link #check})
     */
    public ClassNamePatterns(List<String> includes, List<String> excludes) {
        this.includes = compile(includes);
        this.excludes = compile(excludes);
        this.explicitPrefixes = new ArrayList<>();
        for (String include : includes) {
            explicitPrefixes.add(literalPrefix(include));
        }
    }

    /** Whether the class named {@code className} (dotted binary name) is to be rewritten. */
    public boolean matches(String className) {
        return decide(className) == Decision.INCLUDED;
    }

    /** Why the class named {@code className} (dotted binary name) is or is not rewritten. */
    public Decision decide(String className) {
        if (isNeverRewritten(className)) {
            return Decision.PROTECTED;
        }
        Pattern include = firstMatch(includes, className);
        if (include == null) {
            return Decision.NOT_INCLUDED;
        }
        if (firstMatch(excludes, className) != null) {
            return Decision.EXCLUDED;
        }
        if (needsExplicitInclude(className)) {
            return Decision.PROTECTED;
        }
        return Decision.INCLUDED;
    }

    /** Whether no include pattern was given, so that nothing is rewritten. */
    public boolean isEmpty() {
        return includes.isEmpty();
    }

    /** Whether {@code className} lies in the JDK or in the agent's own packages. */
    public static boolean isNeverRewritten(String className) {
        for (String prefix : NEVER_REWRITTEN) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks one pattern.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    public static void check(String pattern) {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty class-name pattern");
        }
        if (pattern.indexOf('/') >= 0) {
            throw new IllegalArgumentException("class-name pattern '" + pattern + "' uses '/'; separate packages with '.'");
        }
        if (pattern.contains("***")) {
            throw new IllegalArgumentException("class-name pattern '" + pattern + "' has '***'; use '*' or '**'");
        }
        if (pattern.startsWith(".") || pattern.endsWith(".") || pattern.contains("..")) {
            throw new IllegalArgumentException("class-name pattern '" + pattern + "' has an empty package segment");
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '.' && c != '*' && c != '?' && !Character.isJavaIdentifierPart(c)) {
                throw new IllegalArgumentException("class-name pattern '" + pattern + "' has the character '" + c + "'");
            }
        }
    }

    /** The regular expression equivalent to {@code pattern}, which must pass {@link #check}. */
    static Pattern toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("**.", i)) {
                regex.append("(?:.*\\.)?"); // any number of whole segments, including none
                i += 3;
            } else if (pattern.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^.]*");
                i++;
            } else if (c == '?') {
                regex.append("[^.]");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }

    private boolean needsExplicitInclude(String className) {
        for (String library : EXPLICIT_ONLY) {
            if (className.startsWith(library)) {
                for (String prefix : explicitPrefixes) {
                    if (prefix.startsWith(library)) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static String literalPrefix(String pattern) {
        int end = pattern.length();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                end = i;
                break;
            }
        }
        return pattern.substring(0, end);
    }

    private static List<Pattern> compile(List<String> patterns) {
        List<Pattern> compiled = new ArrayList<>(patterns.size());
        for (String pattern : patterns) {
            check(pattern);
            compiled.add(toRegex(pattern));
        }
        return compiled;
    }

    private static Pattern firstMatch(List<Pattern> patterns, String className) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(className).matches()) {
                return pattern;
            }
        }
        return null;
    }
}
