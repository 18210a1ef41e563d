package org.stmagent.agent;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's options: one constant per key, their defaults, parsing of the option string
 * ({@code key=value,key=value}), validation and typed getters. Lists inside a value are separated by
 * {@code :}. {@link #toString()} rebuilds an option string that parses back to equal options.
 *
 * <p>Every value is checked when it is set, so an instance never holds a malformed option;
 * problems are reported as {@link OptionException}s naming the option and its source.
 * {@link OptionSources} merges the agent argument, {@code -Dstm.<key>} system properties and a
 * configuration file into one instance.
 */
public final class AgentOptions {
    /** Class-name patterns of the classes to rewrite. Default: none, nothing is rewritten. */
    public static final String INCLUDE = "include";

    /** Class-name patterns left alone even if included. Default: none. */
    public static final String EXCLUDE = "exclude";

    /** The segment limit: most transactions running at once. Default: available processors. */
    public static final String SEGMENTS = "segments";

    /** {@code transaction} or {@code lock}: what {@code synchronized} becomes. Default: {@code transaction}. */
    public static final String MONITORS = "monitors";

    /** Extra annotation class names treated as {@code @Atomic}. Default: none. */
    public static final String ANNOTATIONS = "annotations";

    /** {@code stderr}, {@code none}, or a file for the text report at shutdown. Default: {@code stderr}. */
    public static final String REPORT = "report";

    /** A file for the report as JSON. Default: none. */
    public static final String JSON = "json";

    /** How many conflict sites the report lists. Default: {@value #DEFAULT_TOP}. */
    public static final String TOP = "top";

    /** A file for an HdrHistogram interval log. Default: none. */
    public static final String HISTOGRAM = "histogram";

    /** A folder to write every rewritten class to. Default: none. */
    public static final String DUMP = "dump";

    /** Extra method patterns that transactions may call without becoming inevitable. Default: the built-in list only. */
    public static final String PURE = "pure";

    /** {@code true} to log each class rewritten or skipped. Default: {@code false}. */
    public static final String VERBOSE = "verbose";

    /** Aborts after which a transaction's next attempt runs inevitable. Default: {@value #DEFAULT_INEVITABLE_AFTER}. */
    public static final String INEVITABLE_AFTER = "inevitableAfter";

    /**
     * {@code false} to keep no statistics, timings or conflict attribution (the report then says
     * so), for the last few percent of speed. Default: {@code true}.
     */
    public static final String STATISTICS = "statistics";

    /**
     * {@code false} to make every call into the JDK's collections inside a transaction inevitable, as
     * any other JDK code, instead of running their transactional twins. Default: {@code true}.
     */
    public static final String COLLECTIONS = "collections";

    /**
     * {@code false} to keep every {@code synchronized} region a transaction, even one whose
     * transactions keep rolling back; by default such a region runs under its real lock, and is
     * tried as a transaction again later (the report lists them). Default: {@code true}.
     */
    public static final String ADAPTIVE = "adaptive";

    /**
     * Ownership records for data: a power of two from 2^10 to 2^26, for programs whose transactions
     * touch more than the default table covers without false conflicts. Default: 2^16.
     */
    public static final String ORECS = "orecs";

    /**
     * Seconds after which the watchdog reports, once, a transaction still retrying or running, or a
     * thread still waiting for the inevitable transaction or for a segment; {@code 0} or {@code off}
     * turns it off. Default: {@value #DEFAULT_WATCHDOG_SECONDS}.
     */
    public static final String WATCHDOG = "watchdog";

    /** A properties file with any of these keys, overridden by the other sources. Default: none. */
    public static final String CONFIG = "config";

    /** Every valid key, in the order {@link #toString()} writes them. */
    public static final List<String> VALID_KEYS = List.of(INCLUDE, EXCLUDE, SEGMENTS, MONITORS, ANNOTATIONS,
            REPORT, JSON, TOP, HISTOGRAM, DUMP, PURE, VERBOSE, INEVITABLE_AFTER, STATISTICS, COLLECTIONS, ADAPTIVE, ORECS,
            WATCHDOG, CONFIG);

    /** Default of {@link #TOP}. */
    public static final int DEFAULT_TOP = 10;

    /** Default of {@link #INEVITABLE_AFTER}; equal to the runtime's own default. */
    public static final int DEFAULT_INEVITABLE_AFTER = 10;

    /** Default of {@link #WATCHDOG}; equal to the runtime's own default. */
    public static final int DEFAULT_WATCHDOG_SECONDS = 10;

    /** The {@link #WATCHDOG} value that turns the watchdog off (as {@code 0} does). */
    public static final String WATCHDOG_OFF = "off";

    /** The {@link #REPORT} value that writes the report to standard error (the default). */
    public static final String REPORT_STDERR = "stderr";

    /** The {@link #REPORT} value that writes no text report. */
    public static final String REPORT_NONE = "none";

    private static final char ENTRY_SEPARATOR = ',';
    private static final char LIST_SEPARATOR = ':';

    private final Map<String, String> values = new LinkedHashMap<>();

    /** Options with every key at its default. */
    public AgentOptions() {
    }

    /**
     * Parses an option string such as {@code include=com.acme.**,segments=4}; {@code null} or empty
     * means all defaults.
     *
     * @throws OptionException if an entry is malformed, a key unknown or given twice, or a value invalid
     */
    public AgentOptions(String optionString) {
        this(optionString, "agent argument");
    }

    AgentOptions(String optionString, String source) {
        if (optionString == null || optionString.isBlank()) {
            return;
        }
        for (String entry : split(optionString, ENTRY_SEPARATOR)) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new OptionException("malformed option '" + entry.trim() + "' in the " + source
                        + ": expected key=value");
            }
            String key = entry.substring(0, eq).trim();
            if (values.containsKey(key)) {
                throw new OptionException("option '" + key + "' is given twice in the " + source);
            }
            set(key, entry.substring(eq + 1), "the " + source);
        }
    }

    /**
     * Sets one option after checking it.
     *
     * @param source where the value came from, for messages (e.g. "-Dstm.segments")
     * @throws OptionException if the key is unknown or the value invalid
     */
    void set(String key, String value, String source) {
        if (!VALID_KEYS.contains(key)) {
            throw new OptionException("unknown option '" + key + "' in " + source);
        }
        String trimmed = value.trim();
        try {
            check(key, trimmed);
        } catch (IllegalArgumentException e) {
            throw new OptionException("bad option '" + key + "=" + trimmed + "' in " + source + ": " + e.getMessage());
        }
        values.put(key, trimmed);
    }

    /** The raw value of {@code key} as given, or {@code null} if it was not given. */
    String get(String key) {
        return values.get(key);
    }

    /** Copies every option given in {@code other} over this one's. */
    void overrideWith(AgentOptions other) {
        values.putAll(other.values);
    }

    /** @see #INCLUDE */
    public List<String> getIncludes() {
        return list(INCLUDE);
    }

    /** @see #EXCLUDE */
    public List<String> getExcludes() {
        return list(EXCLUDE);
    }

    /** The matcher built from {@link #getIncludes()} and {@link #getExcludes()}. */
    public ClassNamePatterns getClassSelection() {
        return new ClassNamePatterns(getIncludes(), getExcludes());
    }

    /** @see #SEGMENTS */
    public int getSegments() {
        String value = values.get(SEGMENTS);
        return value == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(value);
    }

    /** @see #MONITORS */
    public MonitorsOption getMonitors() {
        String value = values.get(MONITORS);
        return value == null ? MonitorsOption.TRANSACTION : MonitorsOption.fromOptionValue(value.toLowerCase(Locale.ROOT));
    }

    /** @see #ANNOTATIONS */
    public List<String> getAnnotations() {
        return list(ANNOTATIONS);
    }

    /** {@link #REPORT_STDERR}, {@link #REPORT_NONE} or a file path. @see #REPORT */
    public String getReport() {
        return values.getOrDefault(REPORT, REPORT_STDERR);
    }

    /** The file the text report goes to, or {@code null} if it goes to standard error or nowhere. */
    public Path getReportFile() {
        String report = getReport();
        return report.equals(REPORT_STDERR) || report.equals(REPORT_NONE) ? null : Paths.get(report);
    }

    /** @see #JSON; {@code null} if not given. */
    public Path getJsonFile() {
        return path(JSON);
    }

    /** @see #TOP */
    public int getTop() {
        String value = values.get(TOP);
        return value == null ? DEFAULT_TOP : Integer.parseInt(value);
    }

    /** @see #HISTOGRAM; {@code null} if not given. */
    public Path getHistogramFile() {
        return path(HISTOGRAM);
    }

    /** @see #DUMP; {@code null} if not given. */
    public Path getDumpFolder() {
        return path(DUMP);
    }

    /** @see #PURE */
    public List<String> getPureMethods() {
        return list(PURE);
    }

    /** @see #VERBOSE */
    public boolean isVerbose() {
        return Boolean.parseBoolean(values.get(VERBOSE));
    }

    /** @see #STATISTICS */
    public boolean isStatistics() {
        return !"false".equalsIgnoreCase(values.get(STATISTICS));
    }

    /** @see #ORECS; null for the default */
    public String getOrecs() {
        return values.get(ORECS);
    }

    /** @see #ADAPTIVE */
    public boolean isAdaptive() {
        return !"false".equalsIgnoreCase(values.get(ADAPTIVE));
    }

    /** @see #COLLECTIONS */
    public boolean isCollections() {
        return !"false".equalsIgnoreCase(values.get(COLLECTIONS));
    }

    /** @see #INEVITABLE_AFTER */
    public int getInevitableAfter() {
        String value = values.get(INEVITABLE_AFTER);
        return value == null ? DEFAULT_INEVITABLE_AFTER : Integer.parseInt(value);
    }

    /** The watchdog's threshold in milliseconds, 0 when it is off. @see #WATCHDOG */
    public long getWatchdogMillis() {
        String value = values.get(WATCHDOG);
        if (value == null) {
            return DEFAULT_WATCHDOG_SECONDS * 1000L;
        }
        return value.equalsIgnoreCase(WATCHDOG_OFF) ? 0 : new BigDecimal(value).movePointRight(3).longValueExact();
    }

    /** @see #CONFIG; {@code null} if not given. */
    public Path getConfigFile() {
        return path(CONFIG);
    }

    /** The options given, as an option string that parses back to equal options. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (String key : VALID_KEYS) {
            String value = values.get(key);
            if (value != null) {
                if (out.length() > 0) {
                    out.append(ENTRY_SEPARATOR);
                }
                out.append(key).append('=').append(value);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgentOptions && ((AgentOptions) other).values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    private static void check(String key, String value) {
        switch (key) {
            case INCLUDE:
            case EXCLUDE:
                for (String pattern : splitList(value)) {
                    ClassNamePatterns.check(pattern);
                }
                break;
            case SEGMENTS:
            case INEVITABLE_AFTER:
                checkInteger(value, 1, "a positive integer");
                break;
            case TOP:
                checkInteger(value, 0, "a non-negative integer");
                break;
            case ORECS:
                checkInteger(value, 1 << 10, "a power of two from 1024 to 67108864");
                int orecs = Integer.parseInt(value.trim());
                if (Integer.bitCount(orecs) != 1 || orecs > 1 << 26) {
                    throw new IllegalArgumentException("expected a power of two from 1024 to 67108864");
                }
                break;
            case WATCHDOG:
                if (!value.equalsIgnoreCase(WATCHDOG_OFF) && !value.matches("\\d{1,9}(\\.\\d{1,3})?")) {
                    throw new IllegalArgumentException("expected a number of seconds (up to three decimals) or 'off'");
                }
                break;
            case MONITORS:
                if (MonitorsOption.fromOptionValue(value.toLowerCase(Locale.ROOT)) == null) {
                    throw new IllegalArgumentException("expected 'transaction' or 'lock'");
                }
                break;
            case ANNOTATIONS:
                for (String name : splitList(value)) {
                    checkClassName(name);
                }
                break;
            case PURE:
                for (String pattern : splitList(value)) {
                    MethodPatterns.check(pattern);
                }
                break;
            case VERBOSE:
            case STATISTICS:
            case COLLECTIONS:
            case ADAPTIVE:
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("expected 'true' or 'false'");
                }
                break;
            case REPORT:
                if (!value.equals(REPORT_STDERR) && !value.equals(REPORT_NONE)) {
                    checkOutputFile(value);
                }
                break;
            case JSON:
            case HISTOGRAM:
                checkOutputFile(value);
                break;
            case DUMP:
                checkFolder(value);
                break;
            case CONFIG:
                checkInputFile(value);
                break;
            default:
                throw new AssertionError(key);
        }
    }

    private static void checkInteger(String value, int min, String expected) {
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected " + expected, e);
        }
        if (parsed < min) {
            throw new IllegalArgumentException("expected " + expected);
        }
    }

    private static void checkClassName(String name) {
        boolean segmentStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (segmentStart) {
                    throw new IllegalArgumentException("'" + name + "' is not a class name");
                }
                segmentStart = true;
            } else if (segmentStart ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                segmentStart = false;
            } else {
                throw new IllegalArgumentException("'" + name + "' is not a class name");
            }
        }
        if (segmentStart) {
            throw new IllegalArgumentException("'" + name + "' is not a class name");
        }
    }

    private static Path toPath(String value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("expected a path");
        }
        try {
            return Paths.get(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid path: " + e.getReason(), e);
        }
    }

    private static void checkOutputFile(String value) {
        Path path = toPath(value).toAbsolutePath();
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException("'" + value + "' is a folder; expected a file");
        }
        Path parent = path.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("the folder '" + parent + "' does not exist");
        }
    }

    private static void checkFolder(String value) {
        Path path = toPath(value);
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException("'" + value + "' is a file; expected a folder");
        }
    }

    private static void checkInputFile(String value) {
        Path path = toPath(value);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException("no readable file '" + value + "'");
        }
    }

    private List<String> list(String key) {
        String value = values.get(key);
        return value == null ? List.of() : Collections.unmodifiableList(splitList(value));
    }

    private Path path(String key) {
        String value = values.get(key);
        return value == null ? null : Paths.get(value);
    }

    private static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : split(value, LIST_SEPARATOR)) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return items;
    }

    private static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= value.length(); i++) {
            if (i == value.length() || value.charAt(i) == separator) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }
}
