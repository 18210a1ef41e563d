package org.stmagent.agent.it;

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

/** Starts a program in a JVM of its own, the way a user does, and collects what it printed. */
final class Jvm {
    private static final long TIMEOUT_SECONDS = 120;

    /** The agent jar under test. */
    static final Path AGENT_JAR = Paths.get(required("stm.it.agentJar"));

    /** The folder holding the test programs' classes. */
    static final String PROGRAMS = required("stm.it.programs");

    /** Exit status, standard output and standard error of one run. */
    record Result(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Jvm() {
    }

    /** The JDKs to run on: this one, and those in {@code stm.it.extraJavaHomes} that exist. */
    static Stream<String> javaHomes() {
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
    static String agent(String options) {
        return "-javaagent:" + AGENT_JAR + (options == null ? "" : "=" + options);
    }

    /** Runs {@code java args...} on the JDK in {@code javaHome}. */
    static Result runOn(String javaHome, String... args) throws IOException, InterruptedException {
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
                process.destroyForcibly().waitFor();
                throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs on this JDK. */
    static Result run(String... args) throws IOException, InterruptedException {
        return runOn(System.getProperty("java.home"), args);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run the tests with Maven");
        }
        return value;
    }
}
