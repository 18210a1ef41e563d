package org.stmagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionSourcesTest {
    @TempDir
    Path temp;

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private Path config(String content) throws IOException {
        return Files.writeString(temp.resolve("stm.properties"), content);
    }

    @Test
    void agentArgumentAlone() {
        assertEquals(3, OptionSources.resolve("segments=3", properties()).getSegments());
    }

    @Test
    void systemPropertyAlone() {
        assertEquals(5, OptionSources.resolve(null, properties("stm.segments", "5")).getSegments());
    }

    @Test
    void agentArgumentBeatsSystemProperty() {
        assertEquals(3, OptionSources.resolve("segments=3", properties("stm.segments", "5")).getSegments());
    }

    @Test
    void systemPropertyBeatsConfigFile() throws IOException {
        Path file = config("segments=7\ntop=4\n");
        AgentOptions options = OptionSources.resolve("config=" + file, properties("stm.segments", "5"));
        assertEquals(5, options.getSegments());
        assertEquals(4, options.getTop());
    }

    @Test
    void agentArgumentBeatsConfigFile() throws IOException {
        Path file = config("segments=7\n");
        assertEquals(2, OptionSources.resolve("segments=2,config=" + file, properties()).getSegments());
    }

    @Test
    void configFileNamedBySystemProperty() throws IOException {
        Path file = config("include=com.acme.**\n");
        AgentOptions options = OptionSources.resolve(null, properties("stm.config", file.toString()));
        assertEquals(List.of("com.acme.**"), options.getIncludes());
    }

    @Test
    void configFileNamedByArgumentBeatsTheOneNamedByProperty() throws IOException {
        Path file = config("top=4\n");
        Path other = Files.writeString(temp.resolve("other.properties"), "top=9\n");
        AgentOptions options = OptionSources.resolve("config=" + file, properties("stm.config", other.toString()));
        assertEquals(4, options.getTop());
    }

    @Test
    void unrelatedPropertiesAreIgnored() {
        AgentOptions options = OptionSources.resolve(null, properties("java.version", "17", "stmx", "1", "user.dir", "/"));
        assertEquals(new AgentOptions(), options);
    }

    @Test
    void dottedStmPropertiesAreLeftToOtherUses() {
        assertEquals(new AgentOptions(), OptionSources.resolve(null, properties("stm.it.agentJar", "x")));
    }

    @Test
    void unknownStmPropertyIsNamed() {
        OptionException e = assertThrows(OptionException.class,
                () -> OptionSources.resolve(null, properties("stm.segmnts", "4")));
        assertTrue(e.getMessage().startsWith("unknown option 'segmnts' in -Dstm.segmnts."), e.getMessage());
    }

    @Test
    void badStmPropertyIsNamed() {
        OptionException e = assertThrows(OptionException.class,
                () -> OptionSources.resolve(null, properties("stm.segments", "many")));
        assertTrue(e.getMessage().startsWith("bad option 'segments=many' in -Dstm.segments"), e.getMessage());
    }

    @Test
    void unknownKeyInConfigFileNamesTheFile() throws IOException {
        Path file = config("verbos=true\n");
        OptionException e = assertThrows(OptionException.class,
                () -> OptionSources.resolve("config=" + file, properties()));
        assertTrue(e.getMessage().startsWith("unknown option 'verbos' in the config file " + file), e.getMessage());
    }

    @Test
    void configFileCannotNameAnother() throws IOException {
        Path file = config("config=/etc/other.properties\n");
        OptionException e = assertThrows(OptionException.class,
                () -> OptionSources.resolve("config=" + file, properties()));
        assertTrue(e.getMessage().contains("cannot name another"), e.getMessage());
    }

    @Test
    void missingConfigFileIsNamed() {
        OptionException e = assertThrows(OptionException.class,
                () -> OptionSources.resolve("config=" + temp.resolve("none.properties"), properties()));
        assertTrue(e.getMessage().startsWith("bad option 'config="), e.getMessage());
    }

    @Test
    void configFileMayUseCommentsAndSpaces() throws IOException {
        Path file = config("# stm-agent\ninclude = com.acme.** : org.x.*\n\nverbose: true\n");
        AgentOptions options = OptionSources.resolve("config=" + file, properties());
        assertEquals(List.of("com.acme.**", "org.x.*"), options.getIncludes());
        assertTrue(options.isVerbose());
    }

    @Test
    void mergedOptionsRoundTripThroughToString() throws IOException {
        Path file = config("top=4\n");
        AgentOptions merged = OptionSources.resolve("include=a.**,config=" + file, properties("stm.segments", "2"));
        assertEquals("include=a.**,segments=2,top=4,config=" + file, merged.toString());
    }
}
