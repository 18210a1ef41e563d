package org.stmagent.samples.thirdparty.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs third-party suites and workloads plain and under the agent and prints the comparison.
 * Run from samples/thirdparty (see run.sh): {@code Harness [--timeout-minutes N] [suite ...]};
 * no suite named runs them all. Exits with 1 when a suite does not give the same results under
 * the agent as plain.
 */
public final class Harness {
    private static final Path AGENT_JAR = Path.of("../../agent/target/stm-agent.jar");

    private Harness() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Duration timeout = Duration.ofMinutes(30);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--timeout-minutes")) {
                timeout = Duration.ofMinutes(Long.parseLong(args[++i]));
            } else {
                names.add(args[i]);
            }
        }
        Path module = Path.of("").toAbsolutePath();
        List<Suite> suites = Suites.named(module, names);
        Path runs = Files.createDirectories(module.resolve("target/runs"));
        // A private copy, under the agent jar's own name, which its Boot-Class-Path entry needs.
        Path agent = Files.createDirectories(runs.resolve("agent")).resolve("stm-agent.jar");
        Files.copy(AGENT_JAR, agent, StandardCopyOption.REPLACE_EXISTING);

        SuiteRunner runner = new SuiteRunner(agent, runs, timeout);
        List<Outcome> outcomes = new ArrayList<>();
        for (Suite suite : suites) {
            outcomes.add(runner.run(suite));
        }
        System.out.println();
        ResultTable.print(outcomes, System.out);
        long passed = outcomes.stream().mapToLong(o -> o.agent().passed()).sum();
        long agentOnly = outcomes.stream().mapToLong(o -> o.agentOnlyFailures().size()).sum();
        boolean same = outcomes.stream().allMatch(Outcome::sameResults);
        System.out.println();
        System.out.println(same ? "Same results plain and under the agent." : "Results differ under the agent.");
        System.out.printf("thirdparty: %d passed, %d failed%n", passed, agentOnly);
        System.exit(same ? 0 : 1);
    }
}
