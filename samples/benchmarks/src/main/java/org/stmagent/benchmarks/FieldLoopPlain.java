package org.stmagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link FieldLoopBenchmark} in a plain JVM. */
@Fork(1)
public class FieldLoopPlain extends FieldLoopBenchmark {
}
