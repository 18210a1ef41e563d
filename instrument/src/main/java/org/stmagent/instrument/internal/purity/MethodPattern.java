package org.stmagent.instrument.internal.purity;

import java.util.regex.Pattern;

/**
 * A method pattern of the {@code pure} option: {@code class.method}, the class in dotted or internal
 * form with {@code *} (within a package segment or name) and {@code **} (across segments), the method
 * a name or {@code *}.
 */
final class MethodPattern {
    private final Pattern owner;
    private final Pattern method;

    private MethodPattern(Pattern owner, Pattern method) {
        this.owner = owner;
        this.method = method;
    }

    static MethodPattern parse(String text) {
        String t = text.trim().replace('/', '.');
        int dot = t.lastIndexOf('.');
        if (dot <= 0 || dot == t.length() - 1) {
            throw new IllegalArgumentException("not a method pattern (class.method): " + text);
        }
        return new MethodPattern(glob(t.substring(0, dot)), glob(t.substring(dot + 1)));
    }

    boolean matches(String internalOwner, String name) {
        return method.matcher(name).matches() && owner.matcher(internalOwner.replace('/', '.')).matches();
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
