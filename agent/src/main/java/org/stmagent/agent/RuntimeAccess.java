package org.stmagent.agent;

import java.lang.instrument.Instrumentation;
import java.util.Map;
import java.util.Set;

import org.stmagent.runtime.seam.SeamNames;

/**
 * Opens what the runtime needs of the JDK, without command-line flags: {@code java.base} exports
 * {@code jdk.internal.misc} to the runtime's module (the boot loader's unnamed module), where the
 * relocated Agrona reaches {@code jdk.internal.misc.Unsafe}.
 */
final class RuntimeAccess {
    /** A runtime class, looked up in the boot loader to find the runtime's module. */
    static final String PROBE_CLASS = SeamNames.STM.replace('/', '.');

    /** The package of java.base that the runtime's Agrona needs. */
    static final String INTERNAL_PACKAGE = "jdk.internal.misc";

    private RuntimeAccess() {
    }

    /**
     * @throws ClassNotFoundException if the runtime is not on the boot class path
     */
    static void openInternals(Instrumentation instrumentation) throws ClassNotFoundException {
        Module runtime = Class.forName(PROBE_CLASS, false, null).getModule();
        Module base = Object.class.getModule();
        if (!base.isExported(INTERNAL_PACKAGE, runtime)) {
            instrumentation.redefineModule(base, Set.of(), Map.of(INTERNAL_PACKAGE, Set.of(runtime)),
                    Map.of(), Set.of(), Map.of());
        }
    }
}
