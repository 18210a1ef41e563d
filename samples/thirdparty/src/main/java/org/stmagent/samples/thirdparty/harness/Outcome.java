package org.stmagent.samples.thirdparty.harness;

import java.time.Duration;
import java.util.List;

/** A suite's results plain and under the agent. */
record Outcome(Suite suite, TestCounts plain, TestCounts agent, Duration plainTime, Duration agentTime,
               boolean timedOut, AgentReport report) {

    /** Tests that failed under the agent only. */
    List<String> agentOnlyFailures() {
        return agent.failingBeyond(plain);
    }

    /** The same tests found, and none passed plain that did not pass under the agent. */
    boolean sameResults() {
        return !timedOut && agent.found() == plain.found() && agent.passed() >= plain.passed()
                && agentOnlyFailures().isEmpty();
    }

    double timeRatio() {
        return (double) agentTime.toMillis() / Math.max(1, plainTime.toMillis());
    }
}
