package org.stmagent.agent.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.jar.JarFile;

import org.stmagent.testing.Jvm;

/** Facts about the built agent jar. */
final class AgentJar {
    private AgentJar() {
    }

    /** Whether the jar carries the rewriter, so that classes are really rewritten. */
    static boolean hasRewriter() {
        try (JarFile jar = new JarFile(Jvm.AGENT_JAR.toFile())) {
            return jar.getEntry("org/stmagent/instrument/Instrumenter.class") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
