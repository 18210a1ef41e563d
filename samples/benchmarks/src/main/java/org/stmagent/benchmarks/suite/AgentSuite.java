package org.stmagent.benchmarks.suite;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;
import org.stmagent.benchmarks.Rewriting;

/**
 * The {@link SuiteBenchmark} variants that run in a JVM started with the agent, including the
 * workload packages. Run from the repository root (the agent jar's path is relative).
 */
@Fork(value = 1, jvmArgsAppend = {Rewriting.AGENT})
public class AgentSuite extends SuiteBenchmark {
    @Param({"stm-agent", "stm-agent-atomic"})
    public String variant;

    @Override
    protected String variant() {
        return variant;
    }
}
