package org.stmagent.runtime.seam;

/**
 * The names rewritten code and the runtime agree on, in one place: the classes rewritten bytecode
 * calls, the runtime's API it calls as it is, and the prefixes and suffixes the rewriter gives what
 * it generates. All are compile-time constants, so the rewriter uses them without loading any
 * runtime class; a runtime test checks each name against the class itself.
 */
public final class SeamNames {
    /** Root package of the runtime; its classes are never rewritten. */
    public static final String RUNTIME_PACKAGE = "org/stmagent/runtime/";
    public static final String BARRIERS = "org/stmagent/runtime/seam/Barriers";
    public static final String FIELD_ADDRESSES = "org/stmagent/runtime/seam/FieldAddresses";
    public static final String JDK_CALLS = "org/stmagent/runtime/seam/JdkCalls";
    public static final String SEGMENT = "org/stmagent/runtime/core/Segment";
    public static final String TRANSACTION_ABORT = "org/stmagent/runtime/core/TransactionAbort";
    /** The runtime's public entry point. */
    public static final String STM = "org/stmagent/runtime/Stm";

    /**
     * The runtime's public API that a transaction calls as it is: these methods know about
     * transactions themselves, so calling one is part of the transaction, never a reason to make it
     * inevitable, and never rewritten. Method patterns ({@code class.method}, {@code *} for every
     * method), separated by {@value #PATTERN_SEPARATOR} as in the agent's {@code pure} option: one
     * string, so that it stays a compile-time constant.
     */
    public static final String PURE_API = "org.stmagent.runtime.Stm.*"
            + ":org.stmagent.runtime.ConflictFreeCounter.*"
            + ":org.stmagent.runtime.TransactionQueue.add:org.stmagent.runtime.TransactionQueue.size"
            + ":org.stmagent.runtime.RetrySafeThreadLocal.*";
    /** What separates the patterns of {@link #PURE_API}. */
    public static final String PATTERN_SEPARATOR = ":";

    /**
     * stm-agent's own packages and its relocated dependencies, never rewritten: internal-name
     * prefixes separated by {@value #PATTERN_SEPARATOR}. The rewriter and the agent's class
     * selection both read this one list.
     */
    public static final String OWN_PACKAGES = "org/stmagent/agent/" + PATTERN_SEPARATOR + RUNTIME_PACKAGE
            + PATTERN_SEPARATOR + "org/stmagent/instrument/" + PATTERN_SEPARATOR + "org/stmagent/annotations/"
            + PATTERN_SEPARATOR + "org/stmagent/shaded/";

    /** Prefix of every member the rewriter adds to a class (transactional twins of methods, markers). */
    public static final String MEMBER_PREFIX = "$stm$";
    /** Suffix of the hidden class holding a JDK class's transactional twins. */
    public static final String TWIN_CLASS_SUFFIX = "$$StmTwin";

    private SeamNames() {
    }
}
