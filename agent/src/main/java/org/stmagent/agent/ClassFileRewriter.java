package org.stmagent.agent;

/** Bytes in, bytes out: what the transformer asks of the rewriter for each included class. */
@FunctionalInterface
interface ClassFileRewriter {
    /**
     * @param classFile the class as the JVM is about to define it
     * @param loader the class loader defining it, never {@code null}
     * @return the rewritten class, or {@code null} if it needs no change
     * @throws Exception if the class cannot be rewritten; it is then left unchanged
     */
    byte[] rewrite(byte[] classFile, ClassLoader loader) throws Exception;
}
