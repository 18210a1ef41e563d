package org.stmagent.agent;

/** Told what became of each class the transformer looked at. Implementations must not throw. */
interface TransformListener {
    /** {@code className} was rewritten from {@code originalSize} to {@code rewrittenSize} bytes. */
    void onRewritten(String className, int originalSize, int rewrittenSize);

    /** {@code className} was included, but the rewriter found nothing to change. */
    void onUnchanged(String className);

    /** {@code className} was not rewritten, for {@code reason}, without an error. */
    void onSkipped(String className, String reason);

    /** {@code className} could not be rewritten and is left unchanged. */
    void onError(String className, Throwable error);

    /** A problem that does not stop the class being rewritten (for example writing its dump). */
    void onWarning(String message);
}
