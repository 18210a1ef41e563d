package org.stmagent.samples.thirdparty.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** What the harness takes from the agent's JSON report (its schema: docs/report-schema.json). */
record AgentReport(long committed, long aborted, List<Conflict> conflicts, List<Inevitable> inevitable) {

    /** A conflict site: where the aborted access was, what it lost to, and how often. */
    record Conflict(String location, String cause, long aborts, String lost, String won) {
    }

    /** A site that made transactions inevitable, and how many. */
    record Inevitable(String site, long transactions) {
    }

    static final AgentReport MISSING = new AgentReport(-1, -1, List.of(), List.of());

    private static final JsonMapper JSON = new JsonMapper();

    static AgentReport read(Path json) throws IOException {
        if (!Files.isRegularFile(json)) {
            return MISSING;
        }
        JsonNode root = JSON.readTree(json.toFile());
        JsonNode total = root.required("total");
        List<Conflict> conflicts = new ArrayList<>();
        for (JsonNode c : root.required("conflicts")) {
            conflicts.add(new Conflict(c.required("location").textValue(), c.required("cause").textValue(),
                    number(c, "aborts"), site(c.required("lost")), site(c.required("won"))));
        }
        List<Inevitable> inevitable = new ArrayList<>();
        for (JsonNode i : root.required("inevitable")) {
            inevitable.add(new Inevitable(site(i.required("site")), number(i, "transactions")));
        }
        inevitable.sort((a, b) -> Long.compare(b.transactions(), a.transactions()));
        return new AgentReport(number(total, "committed"), number(total, "aborted"), conflicts, inevitable);
    }

    boolean present() {
        return committed >= 0;
    }

    private static String site(JsonNode site) {
        return site.required("description").textValue();
    }

    private static long number(JsonNode object, String key) {
        return object.required(key).longValue();
    }
}
