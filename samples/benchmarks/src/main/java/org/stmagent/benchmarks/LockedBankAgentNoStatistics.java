package org.stmagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link LockedBankAgent} with {@code statistics=false}: no statistics, timings or conflict
 * attribution. The difference to {@link LockedBankAgent} is what the report costs.
 */
@Fork(value = 1, jvmArgsAppend = {Rewriting.AGENT + ",statistics=false"})
public class LockedBankAgentNoStatistics extends LockedBankBenchmark {
}
