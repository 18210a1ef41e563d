package org.stmagent.runtime.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.stmagent.runtime.core.AdaptiveSites;
import org.stmagent.runtime.core.Watchdog;
import org.stmagent.runtime.stats.Conflicts;
import org.stmagent.runtime.stats.InevitableSites;
import org.stmagent.runtime.stats.Recording;
import org.stmagent.runtime.stats.Timings;

/**
 * Writes the statistics report once, when the JVM shuts down (normal exit, {@code System.exit},
 * or an uncaught exception ending the last thread). A report that cannot be written costs one
 * warning line and never changes the program's exit status.
 */
public final class ShutdownReport {
    /** Report target meaning standard error. */
    public static final String STDERR = "stderr";
    /** Report target meaning no report. */
    public static final String NONE = "none";

    private static boolean installed;
    private static int topConflicts = 10;

    private ShutdownReport() {
    }

    /**
     * Arranges for the report to be written at shutdown to {@code target}: {@value #STDERR},
     * {@value #NONE}, or a file path; and, if {@code jsonFile} is not null, as JSON to that file
     * (see {@link JsonReport}); the conflict section lists the {@code top} locations that lost the
     * most time. Only the first call has an effect.
     */
    public static synchronized void install(String target, String jsonFile, int top) {
        if (installed || (NONE.equals(target) && jsonFile == null)) {
            return;
        }
        installed = true;
        topConflicts = top;
        Thread hook = new Thread(() -> {
            if (!NONE.equals(target)) {
                write(target, render());
            }
            if (jsonFile != null) {
                write(jsonFile, JsonReport.render());
            }
        }, "stm-agent report");
        hook.setDaemon(true);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The text of the report as it stands now. */
    public static String render() {
        if (!Recording.ON) {
            return "stm-agent report: statistics=false: no statistics, timings or conflicts were kept" + System.lineSeparator()
                    + Watchdog.summary();
        }
        return "stm-agent report: transaction statistics per thread (count, time, share of the thread's time)"
                + System.lineSeparator() + StatisticsTable.render() + Conflicts.render(topConflicts)
                + InevitableSites.render(topConflicts) + AdaptiveSites.render(topConflicts) + Timings.render()
                + Watchdog.summary();
    }

    static void write(String target, String text) {
        try {
            if (STDERR.equals(target)) {
                PrintStream err = System.err;
                err.print(text);
                err.flush();
            } else {
                Path path = Paths.get(target);
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(path, text, StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("stm-agent: warning: could not write the report to " + target + ": " + e);
        }
    }
}
