package org.stmagent.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;

/**
 * Puts the runtime where every class loader sees it, before any runtime class is touched.
 *
 * <p>Rewritten classes call the runtime from whatever class loader defines them: the application
 * loader, a child or sibling loader of an application server, a plugin loader. Only the boot class
 * path is visible from all of them, so the agent jar carries the runtime (with its relocated
 * dependencies) as a nested jar, {@value #RUNTIME_JAR}, which is copied to a temporary file and
 * appended to the boot class path. The runtime then lives in the boot loader's unnamed module, to
 * which {@code java.base} exports {@code jdk.internal.misc} so that the relocated Agrona can reach
 * {@code jdk.internal.misc.Unsafe} without any command-line flag.
 */
final class RuntimeInstaller {
    /** Where the agent jar keeps the runtime jar. */
    static final String RUNTIME_JAR = "META-INF/stm/stm-runtime.jar";

    /** A runtime class, looked up in the boot loader to find the runtime's module. */
    static final String PROBE_CLASS = "org.stmagent.runtime.Stm";

    /** The package of java.base that the runtime's Agrona needs. */
    static final String INTERNAL_PACKAGE = "jdk.internal.misc";

    private RuntimeInstaller() {
    }

    /**
     * @return the temporary copy of the runtime jar now on the boot class path
     * @throws IOException if the runtime jar is missing from the agent jar or cannot be copied
     */
    static Path install(Instrumentation instrumentation) throws IOException, ClassNotFoundException {
        Path jar = extract();
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
        Module runtime = Class.forName(PROBE_CLASS, false, null).getModule();
        Module base = Object.class.getModule();
        if (!base.isExported(INTERNAL_PACKAGE, runtime)) {
            instrumentation.redefineModule(base, Set.of(), Map.of(INTERNAL_PACKAGE, Set.of(runtime)),
                    Map.of(), Set.of(), Map.of());
        }
        return jar;
    }

    private static Path extract() throws IOException {
        try (InputStream in = RuntimeInstaller.class.getClassLoader().getResourceAsStream(RUNTIME_JAR)) {
            if (in == null) {
                throw new IOException(RUNTIME_JAR + " is missing from the agent jar");
            }
            Path jar = Files.createTempFile("stm-runtime-", ".jar");
            jar.toFile().deleteOnExit();
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            return jar;
        }
    }
}
