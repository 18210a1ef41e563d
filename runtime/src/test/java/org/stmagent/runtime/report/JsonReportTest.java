package org.stmagent.runtime.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.core.Workers;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;
import org.stmagent.runtime.stats.Statistics;
import org.stmagent.runtime.stats.ThreadReport;
import org.stmagent.runtime.stats.TimedState;

/** The JSON report is well-formed JSON with the same figures as the threads' statistics. */
class JsonReportTest {

    @Test
    void parsesAndItsTotalsAreTheSumOfItsThreads() {
        long[] cell = new long[1];
        new Workers("json \"quoted\" \\ name").add(2, t -> () -> {
            for (int i = 0; i < 100; i++) {
                Stm.atomic(() -> Barriers.storeLong(cell, 0, Barriers.loadLong(cell, 0, Barriers.current(), Sites.UNKNOWN) + 1,
                        Barriers.current(), Sites.UNKNOWN));
            }
        }).run(30);
        List<ThreadReport> threads = Statistics.perThread();

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) new MiniJson(JsonReport.render(threads)).value();

        assertEquals("stm-agent report", json.get("format"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parsed = (List<Map<String, Object>>) json.get("threads");
        assertEquals(threads.size(), parsed.size());
        long committed = 0;
        for (int i = 0; i < threads.size(); i++) {
            assertEquals(threads.get(i).threadName(), parsed.get(i).get("name"));
            assertEquals(threads.get(i).committed(), parsed.get(i).get("committed"));
            committed += (Long) parsed.get(i).get("committed");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) json.get("total");
        assertEquals(committed, total.get("committed"));
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> states = (Map<String, Map<String, Object>>) total.get("states");
        assertEquals(TimedState.values().length, states.size());
        assertEquals(committed, states.get("run committed").get("count"));
        assertTrue(parsed.stream().anyMatch(t -> ((String) t.get("name")).startsWith("json \"quoted\" \\ name")));
    }

    /** A strict reader for the JSON subset the report uses: objects, arrays, strings, integers, booleans. */
    private static final class MiniJson {
        private final String text;
        private int at;

        MiniJson(String text) {
            this.text = text;
        }

        Object value() {
            Object v = parse();
            skip();
            assertEquals(text.length(), at, "trailing characters");
            return v;
        }

        private Object parse() {
            skip();
            char c = text.charAt(at);
            if (c == '{') {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                skip();
                if (text.charAt(at) == '}') {
                    at++;
                    return map;
                }
                do {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    map.put(key, parse());
                    skip();
                } while (text.charAt(at++) == ',');
                assertEquals('}', text.charAt(at - 1));
                return map;
            }
            if (c == '[') {
                List<Object> list = new ArrayList<>();
                at++;
                skip();
                if (text.charAt(at) == ']') {
                    at++;
                    return list;
                }
                do {
                    list.add(parse());
                    skip();
                } while (text.charAt(at++) == ',');
                assertEquals(']', text.charAt(at - 1));
                return list;
            }
            if (c == '"') {
                return string();
            }
            if (text.startsWith("null", at)) {
                at += 4;
                return null;
            }
            if (text.startsWith("true", at) || text.startsWith("false", at)) {
                boolean b = text.startsWith("true", at);
                at += b ? 4 : 5;
                return b;
            }
            int start = at;
            if (c == '-') {
                at++;
            }
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
            }
            assertTrue(at > start, "a value at " + start);
            return Long.parseLong(text.substring(start, at));
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            char c;
            while ((c = text.charAt(at++)) != '"') {
                if (c == '\\') {
                    char e = text.charAt(at++);
                    if (e == 'u') {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    } else {
                        out.append(e);
                    }
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        private void expect(char c) {
            assertEquals(c, text.charAt(at++), "at " + (at - 1));
        }

        private void skip() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }
    }
}
