package org.stmagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/**
 * {@link LockedHashMapAgent} with {@code collections=false}: every {@code get} makes the transaction
 * inevitable, as any call into the JDK did before the collections had twins.
 */
@Fork(value = 1, jvmArgsAppend = {Rewriting.AGENT + ",collections=false"})
public class LockedHashMapAgentNoCollections extends LockedHashMapBenchmark {
}
