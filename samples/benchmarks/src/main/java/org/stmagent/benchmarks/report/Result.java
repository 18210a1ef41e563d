package org.stmagent.benchmarks.report;

/**
 * One JMH result of the suite: a workload (its name with any other parameters), a variant, a thread
 * count, the throughput in ops/ms with its error, and the bytes allocated per operation, or NaN when
 * the run had no {@code -prof gc}.
 */
record Result(String workload, String variant, int threads, double score, double error, double bytesPerOp) {
}
