package org.stmagent.agent;

import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;

/**
 * The class-file transformer: selects classes by name alone (cheap, and without loading anything),
 * hands the bytes of each selected class to the rewriter, and returns what it produced.
 *
 * <p>It never throws: a class that cannot be rewritten is reported to the listener and left as it
 * was. Classes of the boot class loader (the JDK and the runtime) are never rewritten, nor are
 * hidden classes, which have no name here.
 */
final class StmTransformer implements ClassFileTransformer {
    private final ClassNamePatterns selection;
    private final ClassFileRewriter rewriter;
    private final ClassDumper dumper;
    private final TransformListener listener;

    /**
     * @param dumper where to write rewritten classes, or {@code null} for nowhere
     */
    StmTransformer(ClassNamePatterns selection, ClassFileRewriter rewriter, ClassDumper dumper,
                   TransformListener listener) {
        this.selection = selection;
        this.rewriter = rewriter;
        this.dumper = dumper;
        this.listener = listener;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (internalName == null || loader == null) {
            return null;
        }
        String className = internalName.replace('/', '.');
        ClassNamePatterns.Decision decision = selection.decide(className);
        if (decision != ClassNamePatterns.Decision.INCLUDED) {
            if (decision == ClassNamePatterns.Decision.EXCLUDED) {
                listener.onSkipped(className, "excluded");
            }
            return null;
        }
        if (classBeingRedefined != null) {
            // Rewriting adds members, which redefinition and retransformation do not allow.
            listener.onSkipped(className, "already loaded");
            return null;
        }
        byte[] rewritten;
        try {
            rewritten = rewriter.rewrite(classFile, loader);
        } catch (Throwable error) {
            listener.onError(className, error);
            return null;
        }
        if (rewritten == null || rewritten == classFile) {
            listener.onUnchanged(className);
            return null;
        }
        dump(internalName, rewritten);
        listener.onRewritten(className, classFile.length, rewritten.length);
        return rewritten;
    }

    private void dump(String internalName, byte[] rewritten) {
        if (dumper == null) {
            return;
        }
        try {
            dumper.write(internalName, rewritten);
        } catch (IOException | RuntimeException e) {
            listener.onWarning("cannot dump " + internalName.replace('/', '.') + ": " + ConsoleListener.describe(e));
        }
    }
}
