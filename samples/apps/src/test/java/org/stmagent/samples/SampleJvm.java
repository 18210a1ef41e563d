package org.stmagent.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a sample from the shaded sample jar in a JVM of its own, plain or under the agent, as a
 * user would. A run that does not end in time fails with a thread dump of the sample's JVM.
 */
final class SampleJvm {
    private static final long TIMEOUT_SECONDS = 40;

    /** The agent jar, from the failsafe configuration. */
    static final Path AGENT_JAR = Paths.get(required("stm.it.agentJar")).normalize();

    /** The shaded sample jar, from the failsafe configuration. */
    static final Path SAMPLES_JAR = Paths.get(required("stm.it.samplesJar")).normalize();

    /** The agent argument the samples are run with: the samples' packages, each class rewritten named. */
    static final String AGENT_OPTIONS = "include=org.stmagent.samples.**,verbose=true";

    /** Exit status and output of one run. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private SampleJvm() {
    }

    /** Runs {@code mainClass args...} without the agent. */
    static Result plain(String mainClass, String... args) throws IOException, InterruptedException {
        return run(List.of(), mainClass, args);
    }

    /** Runs {@code mainClass args...} under the agent with {@link #AGENT_OPTIONS}. */
    static Result underAgent(String mainClass, String... args) throws IOException, InterruptedException {
        if (!Files.isRegularFile(AGENT_JAR)) {
            throw new IllegalStateException("no agent jar at " + AGENT_JAR + "; build the agent module first");
        }
        return run(List.of("-javaagent:" + AGENT_JAR + "=" + AGENT_OPTIONS), mainClass, args);
    }

    private static Result run(List<String> jvmOptions, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tool("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(SAMPLES_JAR.toString());
        command.add(mainClass);
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile("stm-sample-", ".out");
        Path err = Files.createTempFile("stm-sample-", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                String dump = threadDump(process.pid());
                process.destroyForcibly().waitFor();
                throw new AssertionError("no exit after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command)
                        + "\n--- stdout\n" + Files.readString(out, StandardCharsets.UTF_8)
                        + "--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8)
                        + "--- thread dump\n" + dump);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String threadDump(long pid) {
        try {
            Process jstack = new ProcessBuilder(tool("jstack"), "-l", Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            jstack.getOutputStream().close();
            byte[] dump = jstack.getInputStream().readAllBytes();
            jstack.waitFor(20, TimeUnit.SECONDS);
            return new String(dump, StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException e) {
            return "(no thread dump: " + e + ")";
        }
    }

    private static String tool(String name) {
        return Paths.get(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with Maven");
        }
        return value;
    }
}
