package org.stmagent.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a program in a JVM of its own, the way a user does, and collects what it printed. The
 * agent's integration tests and the samples' tests start their JVMs through it (the agent module's
 * test jar carries this package). A run that does not end in time fails with a thread dump of that
 * JVM.
 */
public final class Jvm {
    private static final long TIMEOUT_SECONDS = 120;

    /** The agent jar under test ({@code stm.it.agentJar}, set by the failsafe configuration). */
    public static final Path AGENT_JAR = Paths.get(required("stm.it.agentJar")).normalize();

    /** Exit status, standard output and standard error of one run. */
    public record Result(int exitCode, String out, String err) {
        public List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Jvm() {
    }

    /** The folder holding the agent's test programs ({@code stm.it.programs}). */
    public static String programs() {
        return required("stm.it.programs");
    }

    /** The JDKs to run on: this one, and those in {@code stm.it.extraJavaHomes} that exist. */
    public static Stream<String> javaHomes() {
        List<String> homes = new ArrayList<>();
        homes.add(System.getProperty("java.home"));
        String extra = System.getProperty("stm.it.extraJavaHomes", "");
        for (String home : extra.split(File.pathSeparator)) {
            if (!home.isBlank() && Files.isExecutable(Paths.get(home, "bin", "java"))
                    && !homes.contains(home)) {
                homes.add(home);
            }
        }
        return homes.stream();
    }

    /** {@code -javaagent:<agent jar>=<options>}, or without {@code =} if options is null. */
    public static String agent(String options) {
        if (!Files.isRegularFile(AGENT_JAR)) {
            throw new IllegalStateException("no agent jar at " + AGENT_JAR + "; build the agent module first");
        }
        return "-javaagent:" + AGENT_JAR + (options == null ? "" : "=" + options);
    }

    /** Runs {@code java args...} on the JDK in {@code javaHome}. */
    public static Result runOn(String javaHome, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(javaHome, "bin", "java").toString());
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile("stm-it-", ".out");
        Path err = Files.createTempFile("stm-it-", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                String dump = threadDump(javaHome, process.pid());
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

    /** Runs on this JDK. */
    public static Result run(String... args) throws IOException, InterruptedException {
        return runOn(System.getProperty("java.home"), args);
    }

    private static String threadDump(String javaHome, long pid) {
        try {
            Process jstack = new ProcessBuilder(Paths.get(javaHome, "bin", "jstack").toString(), "-l",
                    Long.toString(pid))
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

    /** A system property the failsafe configuration sets. */
    public static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with Maven");
        }
        return value;
    }
}
