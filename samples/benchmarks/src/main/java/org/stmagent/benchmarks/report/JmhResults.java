package org.stmagent.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Reads JMH's JSON result files ({@code -rf json}) into {@link Result}s, and the run's settings. */
final class JmhResults {
    private static final String ALLOCATION_METRIC = "gc.alloc.rate.norm";

    private final List<Result> results = new ArrayList<>();
    private String settings = "";

    static JmhResults read(List<Path> files) throws IOException {
        JmhResults read = new JmhResults();
        for (Path file : files) {
            for (Object entry : (List<?>) Json.parse(Files.readString(file, StandardCharsets.UTF_8))) {
                read.add((Map<?, ?>) entry);
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

    private void add(Map<?, ?> entry) {
        Map<?, ?> params = entry.get("params") instanceof Map ? (Map<?, ?>) entry.get("params") : Map.of();
        String benchmark = (String) entry.get("benchmark");
        Map<?, ?> primary = (Map<?, ?>) entry.get("primaryMetric");
        results.add(new Result(workload(benchmark, params), variant(benchmark, params),
                ((Number) entry.get("threads")).intValue(), median(primary),
                number(primary.get("scoreError")), allocation(entry)));
        if (settings.isEmpty()) {
            settings = String.format("JDK %s (%s %s), JMH %s, %s fork(s), %s warm-up iterations of %s, %s measured iterations of %s",
                    entry.get("jdkVersion"), entry.get("vmName"), entry.get("vmVersion"), entry.get("jmhVersion"),
                    format(entry.get("forks")), format(entry.get("warmupIterations")), entry.get("warmupTime"),
                    format(entry.get("measurementIterations")), entry.get("measurementTime"));
        }
    }

    /** The {@code workload} parameter with every other parameter but the variant, or the benchmark's class. */
    private static String workload(String benchmark, Map<?, ?> params) {
        Object workload = params.get("workload");
        StringJoiner name = new StringJoiner(", ");
        name.add(workload != null ? workload.toString() : className(benchmark));
        params.forEach((key, value) -> {
            if (!"workload".equals(key) && !"variant".equals(key)) {
                name.add(key + "=" + value);
            }
        });
        return name.toString();
    }

    /** The {@code variant} parameter, or the benchmark's class and method. */
    private static String variant(String benchmark, Map<?, ?> params) {
        Object variant = params.get("variant");
        return variant != null ? variant.toString() : benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
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
    private static double median(Map<?, ?> primary) {
        List<Double> values = new ArrayList<>();
        if (primary.get("rawData") instanceof List) {
            for (Object fork : (List<?>) primary.get("rawData")) {
                for (Object iteration : (List<?>) fork) {
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

    private static double allocation(Map<?, ?> entry) {
        Object secondary = entry.get("secondaryMetrics");
        if (secondary instanceof Map) {
            for (Map.Entry<?, ?> metric : ((Map<?, ?>) secondary).entrySet()) {
                if (metric.getKey().toString().endsWith(ALLOCATION_METRIC)) {
                    return number(((Map<?, ?>) metric.getValue()).get("score"));
                }
            }
        }
        return Double.NaN;
    }

    private static double number(Object value) {
        return value instanceof Number ? ((Number) value).doubleValue() : Double.NaN;
    }

    private static String format(Object count) {
        return count instanceof Number ? String.valueOf(((Number) count).intValue()) : String.valueOf(count);
    }
}
