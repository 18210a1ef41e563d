package org.stmagent.instrument;

/**
 * A class that cannot be rewritten: unsupported bytecode, a method that would outgrow the 64 KiB
 * limit, a class file that cannot be read. The caller leaves the class unchanged.
 */
public final class RewriteException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String className;

    public RewriteException(String className, String reason) {
        super(className.replace('/', '.') + ": " + reason);
        this.className = className;
    }

    public RewriteException(String className, String reason, Throwable cause) {
        super(className.replace('/', '.') + ": " + reason, cause);
        this.className = className;
    }

    /** The internal name of the class, e.g. {@code com/acme/Account}. */
    public String className() {
        return className;
    }
}
