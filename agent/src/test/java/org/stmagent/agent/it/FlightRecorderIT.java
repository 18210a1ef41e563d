package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stmagent.testing.Jvm;

/** A flight recording of a program under the agent holds its abort and inevitable events. */
class FlightRecorderIT {
    @TempDir
    Path temp;

    @Test
    void recordingHoldsOneAbortEventPerAbortAndTheInevitableSwitches() throws Exception {
        Path jfr = temp.resolve("run.jfr");
        Path json = temp.resolve("run.json");
        Jvm.Result result = Jvm.run("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile",
                Jvm.agent("include=programs.**,report=none,json=" + json), "-cp", Jvm.programs(),
                "programs.IoInSynchronized");
        assertEquals(0, result.exitCode(), result::toString);

        long aborts = 0;
        long inevitable = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            String name = event.getEventType().getName();
            if (name.equals("org.stmagent.TransactionAbort")) {
                aborts++;
                assertTrue(event.getString("location") != null && event.getString("lostAt") != null
                        && event.getString("wonBy") != null, event::toString);
            } else if (name.equals("org.stmagent.Inevitable")) {
                inevitable++;
                assertTrue(event.getString("reason").length() > 0);
            }
        }
        Matcher total = Pattern.compile("\"total\": \\{[^}]*\"aborted\": (\\d+)").matcher(Files.readString(json));
        assertTrue(total.find());
        assertEquals(Long.parseLong(total.group(1)), aborts, "one event per abort in the report");
        assertTrue(inevitable > 0, "I/O inside synchronized turns transactions inevitable");
    }
}
