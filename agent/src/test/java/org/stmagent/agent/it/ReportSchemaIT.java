package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stmagent.testing.Jvm;

/**
 * The JSON report a real run writes ({@code json=<file>}) is what docs/report-schema.json says:
 * every object with all its fields and no others, of the types and values given there.
 */
class ReportSchemaIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Schema schema;

    @TempDir
    Path temp;

    @BeforeAll
    static void readSchema() throws IOException {
        Path file = Paths.get(Jvm.required("stm.it.reportSchema"));
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(JSON.readTree(file.toFile()));
    }

    /** A program with a known conflict and an irrevocable call fills every part of the report. */
    @Test
    void aReportWithConflictsAndInevitableSitesIsWhatTheSchemaSays() throws Exception {
        JsonNode report = reportOf("segments=2,adaptive=false", "programs.KnownConflict");
        assertFalse(report.path("threads").isEmpty(), report::toPrettyString);
        assertFalse(report.path("conflicts").isEmpty(), report::toPrettyString);
        assertFalse(report.path("inevitable").isEmpty(), report::toPrettyString);
        assertEquals(0, report.path("watchdogReports").asInt(-1), report::toPrettyString);
        assertValid(report);

        ObjectNode renamed = report.deepCopy();
        ObjectNode conflict = (ObjectNode) renamed.path("conflicts").get(0);
        conflict.set("nanosWasted", conflict.remove("nanosLost"));
        assertTrue(schema.validate(renamed).stream().anyMatch(e -> e.getMessage().contains("nanosLost")),
                () -> "a renamed field passes: " + schema.validate(renamed));
    }

    /** A run in which the watchdog reported stuck threads counts what it printed. */
    @Test
    void aReportCountsWhatTheWatchdogReported() throws Exception {
        Jvm.Result result = runWithReport("watchdog=1", "programs.WatchdogHang");
        JsonNode report = writtenReport();
        long printed = result.err().lines().filter(line -> line.startsWith("stm-agent watchdog: thread ")).count();
        assertTrue(printed > 0, result::toString);
        assertEquals(printed, report.path("watchdogReports").asLong(-1), () -> result + report.toPrettyString());
        assertValid(report);
    }

    /** With {@code statistics=false} the report keeps its shape, with nothing in it. */
    @Test
    void anEmptyReportIsWhatTheSchemaSays() throws Exception {
        JsonNode report = reportOf("statistics=false", "programs.Counter");
        assertTrue(report.path("conflicts").isEmpty(), report::toPrettyString);
        assertValid(report);
    }

    private JsonNode reportOf(String options, String program) throws Exception {
        runWithReport(options, program);
        return writtenReport();
    }

    private Jvm.Result runWithReport(String options, String program) throws Exception {
        Jvm.Result result = Jvm.run(Jvm.agent("include=programs.**,report=none,json=" + jsonFile() + "," + options),
                "-cp", Jvm.programs(), program);
        assertEquals(0, result.exitCode(), result::toString);
        return result;
    }

    private JsonNode writtenReport() throws IOException {
        return JSON.readTree(jsonFile().toFile());
    }

    private Path jsonFile() {
        return temp.resolve("report.json");
    }

    private static void assertValid(JsonNode report) {
        List<Error> errors = schema.validate(report);
        assertEquals(List.of(), errors.stream().map(Error::toString).toList(), report::toPrettyString);
    }
}
