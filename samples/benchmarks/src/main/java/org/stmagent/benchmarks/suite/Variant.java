package org.stmagent.benchmarks.suite;

import org.stmagent.benchmarks.rival.ClojureStm;
import org.stmagent.benchmarks.rival.MultiverseStm;
import org.stmagent.benchmarks.rival.RivalStm;
import org.stmagent.benchmarks.rival.ScalaStm;

/** The ways the suite runs each workload, in the order reports list them. */
public enum Variant {
    /** The plain lock-based source, without the agent. */
    SYNCHRONIZED("synchronized", false),
    /** The very same source class under the agent. */
    STM_AGENT("stm-agent", true),
    /** The workload's {@code @Atomic} class under the agent. */
    STM_AGENT_ATOMIC("stm-agent-atomic", true),
    REENTRANT_LOCK("ReentrantLock", false),
    /** Hand-tuned: fine-grained locks or {@code java.util.concurrent}. */
    CEILING("ceiling", false),
    SCALA_STM("ScalaSTM", false),
    MULTIVERSE("Multiverse", false),
    CLOJURE("Clojure", false);

    private final String id;
    private final boolean underAgent;

    Variant(String id, boolean underAgent) {
        this.id = id;
        this.underAgent = underAgent;
    }

    /** The name used as the JMH parameter and in reports. */
    public String id() {
        return id;
    }

    /** Whether this variant runs in a JVM started with the agent. */
    public boolean underAgent() {
        return underAgent;
    }

    public static Variant of(String id) {
        for (Variant variant : values()) {
            if (variant.id.equals(id)) {
                return variant;
            }
        }
        throw new IllegalArgumentException("unknown variant " + id);
    }

    /** The other STM library this variant runs on; only for ScalaSTM, Multiverse and Clojure. */
    RivalStm rivalStm() {
        switch (this) {
            case SCALA_STM:
                return new ScalaStm();
            case MULTIVERSE:
                return new MultiverseStm();
            case CLOJURE:
                return new ClojureStm();
            default:
                throw new IllegalStateException(id + " runs on no other STM");
        }
    }
}
