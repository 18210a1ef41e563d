package org.stmagent.samples;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.stmagent.testing.Jvm;

/** Runs a sample from the shaded sample jar in a JVM of its own, plain or under the agent, as a user would. */
final class SampleJvm {
    /** The shaded sample jar, from the failsafe configuration. */
    static final Path SAMPLES_JAR = Paths.get(Jvm.required("stm.it.samplesJar")).normalize();

    /** The agent argument the samples are run with: the samples' packages, each class rewritten named. */
    static final String AGENT_OPTIONS = "include=org.stmagent.samples.**,verbose=true";

    private SampleJvm() {
    }

    /** Runs {@code mainClass args...} without the agent. */
    static Jvm.Result plain(String mainClass, String... args) throws IOException, InterruptedException {
        return Jvm.run(command(List.of(), mainClass, args));
    }

    /** Runs {@code mainClass args...} under the agent with {@link #AGENT_OPTIONS}. */
    static Jvm.Result underAgent(String mainClass, String... args) throws IOException, InterruptedException {
        return Jvm.run(command(List.of(Jvm.agent(AGENT_OPTIONS)), mainClass, args));
    }

    private static String[] command(List<String> jvmOptions, String mainClass, String... args) {
        List<String> command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("-cp", SAMPLES_JAR.toString(), mainClass));
        command.addAll(Arrays.asList(args));
        return command.toArray(String[]::new);
    }
}
