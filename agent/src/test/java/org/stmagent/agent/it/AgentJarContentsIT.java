package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import org.junit.jupiter.api.Test;

/** The shaded jar: manifest, relocation, and the nested runtime jar. */
class AgentJarContentsIT {
    private static final List<String> UNRELOCATED = List.of("org/objectweb/", "net/bytebuddy/", "org/agrona/",
            "org/HdrHistogram/");

    @Test
    void manifestNamesTheEntryPointsAndCapabilities() throws IOException {
        try (JarFile jar = new JarFile(Jvm.AGENT_JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("org.stmagent.agent.StmAgent", main.getValue("Premain-Class"));
            assertEquals("org.stmagent.agent.StmAgent", main.getValue("Agent-Class"));
            assertEquals("true", main.getValue("Can-Redefine-Classes"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
        }
    }

    @Test
    void agentJarCarriesNothingUnrelocatedAndNoRuntimeClasses() throws IOException {
        for (String name : agentEntries()) {
            for (String prefix : UNRELOCATED) {
                assertFalse(name.startsWith(prefix), name);
            }
            assertFalse(name.startsWith("org/stmagent/runtime/"), name);
            assertFalse(name.endsWith("module-info.class"), name);
            assertTrue(name.startsWith("META-INF/") || name.startsWith("org/stmagent/"), name);
        }
        assertTrue(agentEntries().contains("org/stmagent/agent/StmAgent.class"));
    }

    @Test
    void runtimeJarHoldsTheRuntimeAndRelocatedDependenciesOnly() throws IOException {
        List<String> entries = runtimeEntries();
        assertTrue(entries.contains("org/stmagent/runtime/Stm.class"), entries::toString);
        assertTrue(entries.contains("org/stmagent/shaded/agrona/UnsafeApi.class"), entries::toString);
        for (String name : entries) {
            if (!name.endsWith("/")) {
                assertTrue(name.startsWith("org/stmagent/runtime/") || name.startsWith("org/stmagent/shaded/")
                        || name.startsWith("META-INF/"), name);
            }
            assertFalse(name.startsWith("META-INF/versions/"), name);
        }
    }

    private static List<String> agentEntries() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(Jvm.AGENT_JAR.toFile())) {
            jar.stream().map(JarEntry::getName).filter(n -> !n.endsWith("/")).forEach(names::add);
        }
        return names;
    }

    private static List<String> runtimeEntries() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(Jvm.AGENT_JAR.toFile())) {
            JarEntry nested = jar.getJarEntry("META-INF/stm/stm-runtime.jar");
            assertNotNull(nested, "nested runtime jar");
            try (InputStream in = jar.getInputStream(nested); JarInputStream runtime = new JarInputStream(in)) {
                for (JarEntry entry = runtime.getNextJarEntry(); entry != null; entry = runtime.getNextJarEntry()) {
                    names.add(entry.getName());
                    if (entry.getName().equals("org/stmagent/shaded/agrona/UnsafeApi.class")) {
                        String constants = new String(runtime.readAllBytes(), StandardCharsets.ISO_8859_1);
                        assertTrue(constants.contains("jdk/internal/misc/Unsafe"), "UnsafeApi must keep the JDK's name");
                    }
                }
            }
        }
        return names;
    }
}
