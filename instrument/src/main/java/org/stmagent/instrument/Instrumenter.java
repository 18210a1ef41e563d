package org.stmagent.instrument;

import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.stmagent.instrument.internal.analysis.ClassFileReader;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.analysis.UnresolvableTypeException;
import org.stmagent.instrument.internal.analysis.UnsupportedCodeException;
import org.stmagent.instrument.internal.rewrite.ClassRewriter;

/**
 * Rewrites class files so that their atomic regions run as transactions: bytes in, bytes out.
 *
 * <p>Every method {@code m} gets a synthetic transactional twin {@code $stm$m(..., Segment)} whose
 * field and array accesses go through the runtime's barriers; the original keeps its body, so code
 * outside transactions runs as before. {@code synchronized} methods and blocks (unless the policy
 * keeps real monitors) and {@code @Atomic} methods start a transaction and run the twin or the
 * rewritten block, retrying after a conflict.
 *
 * <p>Hierarchy questions are answered from class files found through a {@link ClassFileLocator};
 * no class is loaded. Thread-safe: an instance holds only its policy.
 */
public final class Instrumenter {
    private final RewritePolicy policy;
    private final ClassRewriter rewriter;

    public Instrumenter(RewritePolicy policy) {
        this.policy = policy;
        this.rewriter = new ClassRewriter(policy);
    }

    public RewritePolicy policy() {
        return policy;
    }

    /** {@link #rewrite(byte[], ClassFileLocator)} finding class files through {@code loader}. */
    public byte[] rewrite(byte[] classFile, ClassLoader loader) throws RewriteException {
        return rewrite(classFile, ClassFileLocator.of(loader));
    }

    /**
     * The rewritten class file, or {@code null} when the class is to be left as it is: a module
     * descriptor, a class of stm-agent itself, or a class rewritten already.
     *
     * @throws RewriteException when the class cannot be rewritten; it should then be left unchanged
     */
    public byte[] rewrite(byte[] classFile, ClassFileLocator locator) throws RewriteException {
        ClassNode node;
        try {
            node = ClassFileReader.read(classFile);
        } catch (RuntimeException e) {
            throw new RewriteException("?", "unreadable class file: " + e, e);
        }
        if (ClassRewriter.isSkipped(node)) {
            return null;
        }
        try {
            return rewriter.rewrite(node, new TypeHierarchy(locator, classFile));
        } catch (MethodTooLargeException e) {
            throw new RewriteException(node.name, "method " + e.getMethodName() + e.getDescriptor()
                    + " would exceed 64 KiB of bytecode", e);
        } catch (ClassTooLargeException e) {
            throw new RewriteException(node.name, "constant pool would exceed its limit", e);
        } catch (UnsupportedCodeException e) {
            throw new RewriteException(node.name, e.getMessage(), e);
        } catch (UnresolvableTypeException e) {
            throw new RewriteException(node.name, "cannot compute stack map frames: " + e.getMessage(), e);
        } catch (AnalyzerException e) {
            throw new RewriteException(node.name, "cannot analyse " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RewriteException(node.name, "rewriting failed: " + e, e);
        }
    }
}
