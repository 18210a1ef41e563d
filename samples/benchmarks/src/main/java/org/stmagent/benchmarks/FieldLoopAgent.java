package org.stmagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link FieldLoopBenchmark} in a JVM started with the agent, including the workload package: the
 * loop is rewritten but runs outside any transaction. Run from the repository root (the agent jar's
 * path is relative).
 */
@Fork(value = 1, jvmArgsAppend = {Rewriting.AGENT})
public class FieldLoopAgent extends FieldLoopBenchmark {
}
