package org.stmagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link LockedBankBenchmark} in a JVM started with the agent, including the workload package: the
 * bank's {@code synchronized} blocks run as transactions. Run from the repository root (the agent
 * jar's path is relative).
 */
@Fork(value = 1, jvmArgsAppend = {Rewriting.AGENT})
public class LockedBankAgent extends LockedBankBenchmark {
}
