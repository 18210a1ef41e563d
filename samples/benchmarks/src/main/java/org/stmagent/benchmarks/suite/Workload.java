package org.stmagent.benchmarks.suite;

import java.util.List;

/** One workload of the suite, built for one variant: the operation mix and the check of its invariant. */
public interface Workload {
    /** Runs one operation chosen by the worker; the result only keeps the JIT from dropping it. */
    long operate(Worker worker);

    /** Throws {@link IllegalStateException} if the invariant is broken; called when no operation runs. */
    void verify();

    /** The lock-based classes of this workload, which the agent rewrites and a plain JVM does not. */
    List<Class<?>> sourceClasses();
}
