package org.stmagent.benchmarks;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Fork;

/**
 * Checks, inside a benchmark's fork, that a workload class is (or is not) the agent's rewritten
 * version, so that a missing or misconfigured {@code -javaagent} cannot pass for a measurement of
 * the agent, nor a stray one for a measurement of the plain program. The rewriter gives each
 * method a transactional twin whose name starts with {@code $stm$}.
 */
public final class Rewriting {
    /** The JVM argument of the agent forks; the jar path is relative to the repository root. */
    public static final String AGENT =
            "-javaagent:agent/target/stm-agent.jar=include=org.stmagent.benchmarks.workload.**";

    static final String TWIN_PREFIX = "$stm$";

    private Rewriting() {
    }

    static boolean isRewritten(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).map(Method::getName).anyMatch(n -> n.startsWith(TWIN_PREFIX));
    }

    /**
     * Whether the benchmark's forks start with the agent, as its class's {@link Fork} annotation
     * (inherited by JMH's generated subclasses) says: a {@code -javaagent:} among its JVM arguments.
     */
    public static boolean forkedWithAgent(Object benchmark) {
        Fork fork = benchmark.getClass().getAnnotation(Fork.class);
        return fork != null && Stream.of(fork.jvmArgs(), fork.jvmArgsPrepend(), fork.jvmArgsAppend())
                .flatMap(Arrays::stream).anyMatch(arg -> arg.startsWith("-javaagent:"));
    }

    /** Throws unless every class given is rewritten exactly when the benchmark's forks start with the agent. */
    public static void requireAsForked(Object benchmark, Class<?>... types) {
        require(forkedWithAgent(benchmark), types);
    }

    /** Throws unless every class given is rewritten ({@code expected} true) or none is (false). */
    public static void require(boolean expected, Class<?>... types) {
        for (Class<?> type : types) {
            boolean rewritten = isRewritten(type);
            if (rewritten != expected) {
                throw new IllegalStateException(type.getName() + (expected
                        ? " was NOT rewritten by the agent: this fork would measure the plain program. Run from the "
                                + "repository root so that agent/target/stm-agent.jar is found, and build the agent first."
                        : " WAS rewritten although this fork runs without the agent"));
            }
        }
    }
}
