package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.agrona.UnsafeApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;

/**
 * Proves the bank, opacity and privatization checkers can fail: an STM whose read validation is
 * switched off ({@code stm.test.brokenValidation}, read once when the runtime initialises, hence a
 * child JVM) must be caught by each of them, while the same run with validation on finds nothing.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrokenValidationIsDetectedTest {
    private static final long CHILD_TIMEOUT_SECONDS = 90;

    @Test
    void theCheckersCatchAnStmWithoutReadValidation() throws Exception {
        ChildRun broken = runChild("-Dstm.test.brokenValidation=true");

        assertTrue(broken.bankViolations > 0, () -> "the bank checker missed broken validation:\n" + broken.output);
        assertTrue(broken.opacityViolations > 0, () -> "the opacity checker missed broken validation:\n" + broken.output);
        // The privatization checker usually catches it too (1 to 49,000 late writes per run seen),
        // but not by a margin wide enough to require it on every run; its control below is strict.
    }

    @Test
    void theDoomedReaderCheckerCatchesCommitsThatDoNotAskReadersToRevalidate() throws Exception {
        ChildRun broken = runChild("-Dstm.test.noValidationRequests=true");

        assertTrue(broken.doomedReadViolations > 0,
                () -> "the doomed-reader checker missed commits without revalidation requests:\n" + broken.output);
    }

    @Test
    void theSameChecksFindNothingWithValidationOn() throws Exception {
        ChildRun control = runChild(null);

        assertEquals(0, control.bankViolations, control.output);
        assertEquals(0, control.opacityViolations, control.output);
        assertEquals(0, control.privatizationViolations, control.output);
        assertEquals(0, control.doomedReadViolations, control.output);
    }

    private static final class ChildRun {
        String output;
        long bankViolations = -1;
        long opacityViolations = -1;
        long privatizationViolations = -1;
        long doomedReadViolations = -1;
    }

    /** Runs {@link ValidationCheckMain} in a child JVM with {@code hook} (a {@code -D} switch, or null). */
    private static ChildRun runChild(String hook) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-exports");
        command.add("java.base/jdk.internal.misc=ALL-UNNAMED");
        command.add("-Xmx256m");
        if (hook != null) {
            command.add(hook);
        }
        command.add("-cp");
        command.add(childClassPath());
        command.add(ValidationCheckMain.class.getName());

        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                output.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("reading the child's output failed: ").append(e);
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            reader.join(5_000);
            fail("child JVM did not finish within " + CHILD_TIMEOUT_SECONDS + " s: " + command + "\n" + output);
        }
        reader.join(10_000);
        ChildRun run = new ChildRun();
        run.output = "command: " + String.join(" ", command) + "\nexit: " + process.exitValue() + "\n" + output;
        assertEquals(0, process.exitValue(), run.output);
        for (String line : run.output.split("\\R")) {
            if (line.startsWith(ValidationCheckMain.BANK)) {
                run.bankViolations = Long.parseLong(line.substring(ValidationCheckMain.BANK.length()).trim());
            } else if (line.startsWith(ValidationCheckMain.OPACITY)) {
                run.opacityViolations = Long.parseLong(line.substring(ValidationCheckMain.OPACITY.length()).trim());
            } else if (line.startsWith(ValidationCheckMain.DOOMED_READS)) {
                run.doomedReadViolations = Long.parseLong(line.substring(ValidationCheckMain.DOOMED_READS.length()).trim());
            } else if (line.startsWith(ValidationCheckMain.PRIVATIZATION)) {
                run.privatizationViolations =
                        Long.parseLong(line.substring(ValidationCheckMain.PRIVATIZATION.length()).trim());
            }
        }
        assertTrue(run.bankViolations >= 0 && run.opacityViolations >= 0 && run.privatizationViolations >= 0
                        && run.doomedReadViolations >= 0,
                "no result lines:\n" + run.output);
        System.out.println("[" + hook + "] bank violations " + run.bankViolations
                + ", opacity violations " + run.opacityViolations
                + ", privatization violations " + run.privatizationViolations
                + ", doomed-read violations " + run.doomedReadViolations);
        return run;
    }

    /**
     * The test classes, the runtime and Agrona, found from where their classes were loaded: the same
     * entries as the test class path, independent of how the test runner passes it.
     */
    private static String childClassPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : new Class<?>[] {ValidationCheckMain.class, Stm.class, UnsafeApi.class}) {
            entries.add(location(type).toString());
        }
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path location(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
