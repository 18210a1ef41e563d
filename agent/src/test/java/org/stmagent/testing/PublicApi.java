package org.stmagent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/**
 * Which compiled classes refer to the runtime's internals. A user's program needs only the public
 * API, the package {@code org.stmagent.runtime} itself (and the annotations); its sub-packages
 * ({@code seam}, {@code core}, {@code stats}, {@code report}, {@code settings}) are what rewritten
 * code and the agent call. Every type a class names counts: in its members' and instructions'
 * descriptors, owners, signatures, annotations, constants and bootstrap arguments.
 */
public final class PublicApi {
    private static final String RUNTIME = "org/stmagent/runtime/";

    private PublicApi() {
    }

    /** The folder or jar the class was loaded from: a module's compiled classes. */
    public static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every reference from a class below {@code classes} to a runtime class outside the public
     * package, as {@code "com/acme/Main -> org/stmagent/runtime/seam/Barriers"}, sorted.
     */
    public static List<String> internalReferences(Path classes) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                ClassReader reader;
                try (InputStream in = Files.newInputStream(file)) {
                    reader = new ClassReader(in);
                }
                String name = reader.getClassName();
                // A writer behind the remapper, so that it visits every member and instruction.
                reader.accept(new ClassRemapper(new ClassWriter(0), new Remapper(Opcodes.ASM9) {
                    @Override
                    public String map(String internalName) {
                        if (isInternal(internalName)) {
                            found.add(name + " -> " + internalName);
                        }
                        return internalName;
                    }
                }), 0);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return List.copyOf(found);
    }

    /**
     * Fails, naming each reference, if any class of the module that compiled {@code anyClass}
     * refers to the runtime's internals.
     */
    public static void assertOnlyPublicApi(Class<?> anyClass) throws IOException {
        Path classes = classesOf(anyClass);
        List<String> references = internalReferences(classes);
        if (!references.isEmpty()) {
            throw new AssertionError(classes + ": " + references.size() + " reference(s) to runtime classes outside"
                    + " the public package org.stmagent.runtime:\n  " + String.join("\n  ", references));
        }
    }

    /** A runtime class in a sub-package of {@code org.stmagent.runtime}. */
    static boolean isInternal(String internalName) {
        return internalName.startsWith(RUNTIME) && internalName.indexOf('/', RUNTIME.length()) >= 0;
    }
}
