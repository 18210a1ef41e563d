package org.stmagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link LockedHashMapBenchmark} under the agent: the block is a transaction running HashMap's twins. */
@Fork(value = 1, jvmArgsAppend = {Rewriting.AGENT})
public class LockedHashMapAgent extends LockedHashMapBenchmark {
}
