package org.stmagent.agent;

/**
 * Checks the method patterns of the {@code pure} option: {@code Class.method} or {@code Class.*},
 * where {@code Class} is a dotted class name that may use the wildcards of {@link ClassNamePatterns}
 * and {@code method} is a method name, {@code <init>} for constructors, or a pattern with {@code *}.
 * For example {@code com.acme.Util.hash}, {@code com.acme.Util.*}, {@code com.acme.**.get*}.
 */
final class MethodPatterns {
    private MethodPatterns() {
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with {@code pattern}
     */
    static void check(String pattern) {
        int dot = pattern.lastIndexOf('.');
        if (dot <= 0 || dot == pattern.length() - 1) {
            throw new IllegalArgumentException("method pattern '" + pattern
                    + "' is not of the form Class.method (e.g. com.acme.Util.hash or com.acme.Util.*)");
        }
        String owner = pattern.substring(0, dot);
        String method = pattern.substring(dot + 1);
        try {
            ClassNamePatterns.check(owner);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("method pattern '" + pattern + "': " + e.getMessage(), e);
        }
        if (method.equals("<init>")) {
            return;
        }
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c != '*' && !Character.isJavaIdentifierPart(c)) {
                throw new IllegalArgumentException("method pattern '" + pattern + "' has the character '" + c
                        + "' in its method name");
            }
        }
    }
}
