package org.stmagent.samples;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of a sample: {@code --name value} or {@code --name=value} pairs, each name
 * declared with its default. An unknown name or a malformed value prints the usage and exits
 * with status 2.
 */
public final class SampleArgs {
    private final String program;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, String> meanings = new LinkedHashMap<>();

    private SampleArgs(String program) {
        this.program = program;
    }

    /** Starts the declaration of a sample's options. */
    public static SampleArgs of(String program) {
        return new SampleArgs(program);
    }

    /** Declares an option with its default value and meaning. */
    public SampleArgs option(String name, Object defaultValue, String meaning) {
        values.put(name, String.valueOf(defaultValue));
        defaults.put(name, String.valueOf(defaultValue));
        meanings.put(name, meaning);
        return this;
    }

    /** Reads the command line over the defaults. */
    public SampleArgs parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.print(usage());
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                fail("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                value = null;
                fail("option --" + name + " needs a value");
            }
            if (!values.containsKey(name)) {
                fail("unknown option --" + name);
            }
            values.put(name, value);
        }
        return this;
    }

    /** An option that must be one of {@code choices}. */
    public String choice(String name, String... choices) {
        String value = values.get(name);
        for (String choice : choices) {
            if (choice.equals(value)) {
                return value;
            }
        }
        fail("--" + name + " must be one of " + String.join(", ", choices) + ", not '" + value + "'");
        return null;
    }

    /** An integer option from 0 to 100. */
    public int percent(String name) {
        try {
            int value = Integer.parseInt(values.get(name));
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("--" + name + " must be a percentage from 0 to 100, not '" + values.get(name) + "'");
        return 0;
    }

    /** A positive integer option. */
    public int positiveInt(String name) {
        try {
            int value = Integer.parseInt(values.get(name));
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("--" + name + " must be a positive integer, not '" + values.get(name) + "'");
        return 0;
    }

    /** A positive duration in seconds (fractions allowed), as nanoseconds. */
    public long seconds(String name) {
        try {
            double value = Double.parseDouble(values.get(name));
            if (value > 0 && value < 1e6) {
                return (long) (value * 1e9);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        fail("--" + name + " must be a positive number of seconds, not '" + values.get(name) + "'");
        return 0;
    }

    private String usage() {
        StringBuilder usage = new StringBuilder("usage: " + program + " [options]\n");
        for (Map.Entry<String, String> option : meanings.entrySet()) {
            usage.append(String.format(Locale.ROOT, "  --%-10s %s (default %s)%n",
                    option.getKey(), option.getValue(), defaults.get(option.getKey())));
        }
        return usage.toString();
    }

    private void fail(String message) {
        System.err.println(program + ": " + message);
        System.err.print(usage());
        System.exit(2);
    }
}
