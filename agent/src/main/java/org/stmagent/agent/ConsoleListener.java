package org.stmagent.agent;

import java.io.PrintStream;
import org.stmagent.instrument.RewriteException;

/**
 * Writes what the transformer did to standard error: errors and warnings always, one line each;
 * every class rewritten, unchanged or skipped only when {@code verbose} is on, with stack traces.
 */
final class ConsoleListener implements TransformListener {
    static final String PREFIX = "stm-agent: ";

    private final PrintStream out;
    private final boolean verbose;

    ConsoleListener(PrintStream out, boolean verbose) {
        this.out = out;
        this.verbose = verbose;
    }

    @Override
    public void onRewritten(String className, int originalSize, int rewrittenSize) {
        if (verbose) {
            out.println(PREFIX + "rewritten " + className + " (" + originalSize + " -> " + rewrittenSize + " bytes)");
        }
    }

    @Override
    public void onUnchanged(String className) {
        if (verbose) {
            out.println(PREFIX + "unchanged " + className + " (nothing to rewrite)");
        }
    }

    @Override
    public void onSkipped(String className, String reason) {
        if (verbose) {
            out.println(PREFIX + "skipped " + className + " (" + reason + ")");
        }
    }

    @Override
    public void onError(String className, Throwable error) {
        out.println(PREFIX + "warning: " + className + " left unchanged: " + reason(className, error));
        if (verbose) {
            error.printStackTrace(out);
        }
    }

    @Override
    public void onWarning(String message) {
        out.println(PREFIX + "warning: " + message);
    }

    /** Why {@code className} was not rewritten, in one line, without repeating its name. */
    static String reason(String className, Throwable error) {
        if (error instanceof RewriteException && error.getMessage() != null) {
            String message = error.getMessage();
            String reason = message.startsWith(className + ": ") ? message.substring(className.length() + 2) : message;
            return reason.replace('\n', ' ').replace('\r', ' ');
        }
        return describe(error);
    }

    /** An exception in one line: its simple name and message, else its class name. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        String reason = message == null || message.isBlank()
                ? error.getClass().getName()
                : error.getClass().getSimpleName() + ": " + message;
        return reason.replace('\n', ' ').replace('\r', ' ');
    }
}
