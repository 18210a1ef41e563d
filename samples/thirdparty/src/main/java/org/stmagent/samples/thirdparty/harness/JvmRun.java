package org.stmagent.samples.thirdparty.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One JVM run: its output (kept in a log file), wall time, and whether it had to be stopped. */
record JvmRun(List<String> output, Duration wallTime, boolean timedOut) {

    static JvmRun run(List<String> command, Path workDir, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long start = System.nanoTime();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            appendThreadDump(process.pid(), log);
            process.destroyForcibly().waitFor();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new JvmRun(Files.readAllLines(log, StandardCharsets.ISO_8859_1), wall, !finished);
    }

    /** A stopped run leaves its threads' stacks at the end of its log, to show where it stalled. */
    private static void appendThreadDump(long pid, Path log) throws IOException, InterruptedException {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        Process dump = new ProcessBuilder(jstack.toString(), Long.toString(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!dump.waitFor(1, TimeUnit.MINUTES)) {
            dump.destroyForcibly();
        }
    }
}
