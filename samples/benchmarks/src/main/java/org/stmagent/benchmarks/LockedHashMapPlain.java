package org.stmagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link LockedHashMapBenchmark} in a plain JVM: the real lock. */
@Fork(1)
public class LockedHashMapPlain extends LockedHashMapBenchmark {
}
