package org.stmagent.benchmarks.suite;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Param;

/** The {@link SuiteBenchmark} variants that run in a plain JVM. */
@Fork(1)
public class PlainSuite extends SuiteBenchmark {
    @Param({"synchronized", "ReentrantLock", "ceiling", "ScalaSTM", "Multiverse", "Clojure"})
    public String variant;

    @Override
    protected String variant() {
        return variant;
    }
}
