package org.stmagent.instrument;

/**
 * Finds class files by internal name, without loading classes. The rewriter asks it for class
 * hierarchy facts: superclass chains for stack map frames, and where a called method or accessed
 * field is declared.
 */
@FunctionalInterface
public interface ClassFileLocator {
    /** The class file of {@code internalName} (e.g. {@code java/util/List}), or {@code null}. */
    byte[] find(String internalName);

    /**
     * Reads class files as resources of {@code loader} (the system class loader's view of the JDK
     * when {@code loader} is {@code null}), caching the most recent ones.
     */
    static ClassFileLocator of(ClassLoader loader) {
        return new ClassLoaderLocator(loader);
    }
}
