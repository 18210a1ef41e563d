package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.stmagent.testing.Jvm;

/** The shaded jar: manifest and relocation. */
class AgentJarContentsIT {
    private static final List<String> OURS = List.of("org/stmagent/agent/", "org/stmagent/instrument/",
            "org/stmagent/runtime/", "org/stmagent/shaded/");

    @Test
    void manifestNamesTheEntryPointsCapabilitiesAndItselfOnTheBootClassPath() throws IOException {
        try (JarFile jar = new JarFile(Jvm.AGENT_JAR.toFile())) {
            Attributes main = jar.getManifest().getMainAttributes();
            assertEquals("org.stmagent.agent.StmAgent", main.getValue("Premain-Class"));
            assertEquals("org.stmagent.agent.StmAgent", main.getValue("Agent-Class"));
            assertEquals("true", main.getValue("Can-Redefine-Classes"));
            assertEquals("true", main.getValue("Can-Retransform-Classes"));
            assertEquals(Jvm.AGENT_JAR.getFileName().toString(), main.getValue("Boot-Class-Path"));
        }
    }

    @Test
    void everyClassIsOursOrRelocatedUnderOurPrefix() throws IOException {
        List<String> names = entries();
        for (String name : names) {
            assertTrue(name.startsWith("META-INF/") || OURS.stream().anyMatch(name::startsWith), name);
            assertFalse(name.endsWith("module-info.class"), name);
            assertFalse(name.startsWith("META-INF/versions/"), name);
        }
        assertTrue(names.contains("org/stmagent/agent/StmAgent.class"));
        assertTrue(names.contains("org/stmagent/runtime/Stm.class"));
        assertTrue(names.contains("org/stmagent/shaded/asm/ClassReader.class"));
        assertTrue(names.contains("org/stmagent/shaded/agrona/UnsafeApi.class"));
        assertFalse(names.contains("org/stmagent/annotations/Atomic.class"));
    }

    @Test
    void relocatedAgronaStillNamesTheJdksUnsafe() throws IOException {
        try (JarFile jar = new JarFile(Jvm.AGENT_JAR.toFile());
             InputStream in = jar.getInputStream(jar.getEntry("org/stmagent/shaded/agrona/UnsafeApi.class"))) {
            String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(constants.contains("jdk/internal/misc/Unsafe"));
            assertFalse(constants.contains("org/agrona/"));
        }
    }

    private static List<String> entries() throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(Jvm.AGENT_JAR.toFile())) {
            jar.stream().map(JarEntry::getName).filter(n -> !n.endsWith("/")).forEach(names::add);
        }
        return names;
    }
}
