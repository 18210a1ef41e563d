package org.stmagent.benchmarks;

import org.openjdk.jmh.annotations.Fork;

/** {@link LockedBankBenchmark} in a plain JVM: the bank's real lock. */
@Fork(1)
public class LockedBankPlain extends LockedBankBenchmark {
}
