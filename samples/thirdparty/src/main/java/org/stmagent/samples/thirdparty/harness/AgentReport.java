package org.stmagent.samples.thirdparty.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the harness takes from the agent's JSON report (schema in the runtime's {@code JsonReport}). */
record AgentReport(long committed, long aborted, List<Conflict> conflicts, List<Inevitable> inevitable) {

    /** A conflict site: where the aborted access was, what it lost to, and how often. */
    record Conflict(String location, String cause, long aborts, String lost, String won) {
    }

    /** A site that made transactions inevitable, and how many. */
    record Inevitable(String site, long transactions) {
    }

    static final AgentReport MISSING = new AgentReport(-1, -1, List.of(), List.of());

    static AgentReport read(Path json) throws IOException {
        if (!Files.isRegularFile(json)) {
            return MISSING;
        }
        Map<?, ?> root = (Map<?, ?>) Json.parse(Files.readString(json));
        Map<?, ?> total = (Map<?, ?>) root.get("total");
        List<Conflict> conflicts = new ArrayList<>();
        for (Object o : (List<?>) root.get("conflicts")) {
            Map<?, ?> c = (Map<?, ?>) o;
            conflicts.add(new Conflict((String) c.get("location"), (String) c.get("cause"), number(c, "aborts"),
                    site(c.get("lost")), site(c.get("won"))));
        }
        List<Inevitable> inevitable = new ArrayList<>();
        for (Object o : (List<?>) root.get("inevitable")) {
            Map<?, ?> i = (Map<?, ?>) o;
            inevitable.add(new Inevitable(site(i.get("site")), number(i, "transactions")));
        }
        inevitable.sort((a, b) -> Long.compare(b.transactions(), a.transactions()));
        return new AgentReport(number(total, "committed"), number(total, "aborted"), conflicts, inevitable);
    }

    boolean present() {
        return committed >= 0;
    }

    private static String site(Object site) {
        return (String) ((Map<?, ?>) site).get("description");
    }

    private static long number(Map<?, ?> map, String key) {
        return ((Double) map.get(key)).longValue();
    }
}
