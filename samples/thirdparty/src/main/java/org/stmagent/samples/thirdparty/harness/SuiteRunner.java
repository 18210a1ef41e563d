package org.stmagent.samples.thirdparty.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** Runs one suite plain, then under the agent, each in its own JVM, in target/runs/&lt;suite&gt;. */
final class SuiteRunner {
    private final Path agentJar;
    private final Path runs;
    private final Duration timeout;

    SuiteRunner(Path agentJar, Path runs, Duration timeout) {
        this.agentJar = agentJar;
        this.runs = runs;
        this.timeout = timeout;
    }

    Outcome run(Suite suite) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(runs.resolve(suite.name()));
        Path work = Files.createDirectories(dir.resolve("work"));
        if (suite.isTestSuite()) {
            copyResources(suite.testsJar(), Files.createDirectories(work.resolve("src/test/resources")));
        }
        Path json = dir.resolve("agent.json").toAbsolutePath();
        Files.deleteIfExists(json);
        System.out.printf("%s: plain ...%n", suite.name());
        JvmRun plain = JvmRun.run(command(suite, List.of()), work, dir.resolve("plain.log"), timeout);
        System.out.printf("%s: under the agent ...%n", suite.name());
        String agent = "-javaagent:" + agentJar.toAbsolutePath() + "=include=" + suite.include()
                + ",json=" + json + ",report=none";
        JvmRun underAgent = JvmRun.run(command(suite, List.of(agent)), work, dir.resolve("agent.log"), timeout);
        return new Outcome(suite, counts(suite, plain), counts(suite, underAgent), plain.wallTime(),
                underAgent.wallTime(), plain.timedOut() || underAgent.timedOut(), AgentReport.read(json));
    }

    private static TestCounts counts(Suite suite, JvmRun run) {
        return suite.isTestSuite() ? TestCounts.fromLauncher(run.output()) : TestCounts.fromWorkload(run.output());
    }

    private static List<String> command(Suite suite, List<String> agent) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(agent);
        command.addAll(suite.jvmArgs());
        command.add("-cp");
        command.add(suite.classPath());
        command.add(suite.mainClass());
        command.addAll(suite.args());
        return command;
    }

    /** The tests jar's files other than classes and META-INF, as the library's tests find them in its source tree. */
    private static void copyResources(Path testsJar, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(testsJar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String name = e.getName();
                if (e.isDirectory() || name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                Path file = target.resolve(name).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("entry outside the resources folder: " + name);
                }
                Files.createDirectories(file.getParent());
                Files.copy(zip, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
