package org.stmagent.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads JMH's JSON result files ({@code -rf json}) into {@link Result}s, and the run's settings. */
final class JmhResults {
    private static final String ALLOCATION_METRIC = "gc.alloc.rate.norm";
    /** JMH writes a missing score as the string "NaN"; a bare NaN is read as well. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final List<Result> results = new ArrayList<>();
    private String settings = "";

    static JmhResults read(List<Path> files) throws IOException {
        JmhResults read = new JmhResults();
        for (Path file : files) {
            for (JsonNode entry : JSON.readTree(file.toFile())) {
                read.add(entry);
            }
        }
        return read;
    }

    List<Result> results() {
        return results;
    }

    /** JDK, JMH and iteration settings of the first result, in one line. */
    String settings() {
        return settings;
    }

    private void add(JsonNode entry) {
        JsonNode params = entry.path("params");
        String benchmark = entry.get("benchmark").asText();
        JsonNode primary = entry.get("primaryMetric");
        results.add(new Result(workload(benchmark, params), variant(benchmark, params),
                entry.get("threads").intValue(), median(primary),
                number(primary.get("scoreError")), allocation(entry)));
        if (settings.isEmpty()) {
            settings = String.format("JDK %s (%s %s), JMH %s, %s fork(s), %s warm-up iterations of %s, %s measured iterations of %s",
                    text(entry.get("jdkVersion")), text(entry.get("vmName")), text(entry.get("vmVersion")),
                    text(entry.get("jmhVersion")), format(entry.get("forks")), format(entry.get("warmupIterations")),
                    text(entry.get("warmupTime")), format(entry.get("measurementIterations")),
                    text(entry.get("measurementTime")));
        }
    }

    /** The {@code workload} parameter with every other parameter but the variant, or the benchmark's class. */
    private static String workload(String benchmark, JsonNode params) {
        JsonNode workload = params.get("workload");
        StringJoiner name = new StringJoiner(", ");
        name.add(workload != null ? text(workload) : className(benchmark));
        for (Map.Entry<String, JsonNode> param : params.properties()) {
            if (!"workload".equals(param.getKey()) && !"variant".equals(param.getKey())) {
                name.add(param.getKey() + "=" + text(param.getValue()));
            }
        }
        return name.toString();
    }

    /** The {@code variant} parameter, or the benchmark's class and method. */
    private static String variant(String benchmark, JsonNode params) {
        JsonNode variant = params.get("variant");
        return variant != null ? text(variant) : benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    }

    private static String className(String benchmark) {
        String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /**
     * The median of every measured iteration of every fork (the lower one of an even count): at two
     * threads on two cores a fork can land in one of two steady states (see docs/performance.md),
     * and the median stays a value that was measured, never a mean of the two. JMH's score when
     * there are no raw data.
     */
    private static double median(JsonNode primary) {
        List<Double> values = new ArrayList<>();
        if (primary.path("rawData").isArray()) {
            for (JsonNode fork : primary.get("rawData")) {
                for (JsonNode iteration : fork) {
                    values.add(number(iteration));
                }
            }
        }
        if (values.isEmpty()) {
            return number(primary.get("score"));
        }
        values.sort(null);
        return values.get((values.size() - 1) / 2);
    }

    private static double allocation(JsonNode entry) {
        JsonNode secondary = entry.path("secondaryMetrics");
        for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
            if (metric.getKey().endsWith(ALLOCATION_METRIC)) {
                return number(metric.getValue().get("score"));
            }
        }
        return Double.NaN;
    }

    /** A number as a double; anything else (JMH's "NaN" string, a missing value) as NaN. */
    private static double number(JsonNode value) {
        return value != null && value.isNumber() ? value.doubleValue() : Double.NaN;
    }

    /** A count as an integer, anything else as its text ("null" when missing). */
    private static String format(JsonNode count) {
        return count != null && count.isNumber() ? String.valueOf(count.intValue()) : text(count);
    }

    /** A string's text, any other value as JSON, "null" when missing. */
    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "null" : value.isTextual() ? value.textValue() : value.toString();
    }
}
