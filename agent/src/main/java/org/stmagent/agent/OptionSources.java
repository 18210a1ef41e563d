package org.stmagent.agent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Merges the three sources of options, highest precedence first: the agent argument, the
 * {@code -Dstm.<key>} system properties, and the properties file named by {@code config} (taken
 * from the agent argument, else from {@code -Dstm.config}).
 *
 * <p>A system property {@code stm.<key>} whose key is a single word must be a valid option, so a
 * misspelt {@code -Dstm.segmnts} stops the JVM like a misspelt agent argument. Names with a further
 * dot ({@code stm.x.y}) are left to other uses and ignored here.
 */
public final class OptionSources {
    /** The prefix of system properties that set options. */
    public static final String PROPERTY_PREFIX = "stm.";

    private OptionSources() {
    }

    /**
     * The options from all sources.
     *
     * @param agentArgument the argument after {@code =} in {@code -javaagent:stm-agent.jar=...}, or
     *                      {@code null}
     * @param systemProperties the JVM's system properties
     * @throws OptionException for the first unknown or malformed option found
     */
    public static AgentOptions resolve(String agentArgument, Properties systemProperties) {
        AgentOptions fromArgument = new AgentOptions(agentArgument, "agent argument");
        AgentOptions fromProperties = fromSystemProperties(systemProperties);
        String config = fromArgument.get(AgentOptions.CONFIG);
        if (config == null) {
            config = fromProperties.get(AgentOptions.CONFIG);
        }
        AgentOptions merged = config == null ? new AgentOptions() : fromFile(Path.of(config));
        merged.overrideWith(fromProperties);
        merged.overrideWith(fromArgument);
        return merged;
    }

    static AgentOptions fromSystemProperties(Properties properties) {
        AgentOptions options = new AgentOptions();
        // Sorted, so that of several bad properties the same one is always reported.
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            if (name.startsWith(PROPERTY_PREFIX) && name.indexOf('.', PROPERTY_PREFIX.length()) < 0) {
                String key = name.substring(PROPERTY_PREFIX.length());
                options.set(key, properties.getProperty(name), "-D" + name);
            }
        }
        return options;
    }

    static AgentOptions fromFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new OptionException("cannot read the config file '" + file + "': " + e.getMessage());
        }
        AgentOptions options = new AgentOptions();
        String source = "the config file " + file;
        for (String key : new TreeSet<>(properties.stringPropertyNames())) {
            if (key.equals(AgentOptions.CONFIG)) {
                throw new OptionException("option 'config' in " + source + ": a config file cannot name another");
            }
            options.set(key, properties.getProperty(key), source);
        }
        return options;
    }
}
