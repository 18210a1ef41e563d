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
            process.destroyForcibly().waitFor();
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        return new JvmRun(Files.readAllLines(log, StandardCharsets.ISO_8859_1), wall, !finished);
    }
}
