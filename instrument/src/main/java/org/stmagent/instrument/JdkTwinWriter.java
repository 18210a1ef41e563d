package org.stmagent.instrument;

import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.stmagent.instrument.internal.analysis.ClassFileReader;
import org.stmagent.instrument.internal.analysis.TypeHierarchy;
import org.stmagent.instrument.internal.jdk.JdkTwinFactory;

/**
 * Writes transactional twins of the JDK's collections' methods, one class per method, for the
 * runtime to define as hidden nestmates of the JDK classes (the runtime's {@code JdkTwins}).
 * Thread-safe.
 */
public final class JdkTwinWriter {
    private final JdkTwinFactory factory;
    private final ClassFileLocator locator;

    /** @param locator finds the JDK's class files (the boot loader's) and those they name */
    public JdkTwinWriter(RewritePolicy policy, ClassFileLocator locator) {
        this.factory = new JdkTwinFactory(policy);
        this.locator = locator;
    }

    /** Whether the methods of {@code internalName} get twins. */
    public static boolean covers(String internalName) {
        return JdkTwinFactory.covers(internalName);
    }

    /**
     * The class file holding the twin of {@code name}{@code descriptor} of {@code owner} (internal
     * name), or {@code null} when the method has none (abstract or native).
     *
     * @throws RewriteException when the method's code cannot be twinned
     */
    public byte[] twinClass(String owner, String name, String descriptor) throws RewriteException {
        byte[] classFile = locator.find(owner);
        if (classFile == null) {
            throw new RewriteException(owner, "class file not found", null);
        }
        try {
            ClassNode node = ClassFileReader.read(classFile);
            return factory.twinClass(node, name, descriptor, new TypeHierarchy(locator, classFile));
        } catch (AnalyzerException e) {
            throw new RewriteException(owner, "cannot analyse " + name + descriptor + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RewriteException(owner, name + descriptor + ": " + e.getMessage(), e);
        }
    }
}
