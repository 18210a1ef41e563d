package org.stmagent.runtime.seam;

/**
 * The names rewritten code and the runtime agree on, in one place: the classes rewritten bytecode
 * calls, and the prefixes and suffixes the rewriter gives what it generates. All are compile-time
 * constants, so the rewriter uses them without loading any runtime class; a runtime test checks
 * each class name against the class itself.
 */
public final class SeamNames {
    /** Root package of the runtime; its classes are never rewritten. */
    public static final String RUNTIME_PACKAGE = "org/stmagent/runtime/";
    public static final String BARRIERS = "org/stmagent/runtime/seam/Barriers";
    public static final String FIELD_ADDRESSES = "org/stmagent/runtime/seam/FieldAddresses";
    public static final String JDK_CALLS = "org/stmagent/runtime/seam/JdkCalls";
    public static final String SEGMENT = "org/stmagent/runtime/core/Segment";
    public static final String TRANSACTION_ABORT = "org/stmagent/runtime/core/TransactionAbort";

    /** Prefix of every member the rewriter adds to a class (transactional twins of methods, markers). */
    public static final String MEMBER_PREFIX = "$stm$";
    /** Suffix of the hidden class holding a JDK class's transactional twins. */
    public static final String TWIN_CLASS_SUFFIX = "$$StmTwin";

    private SeamNames() {
    }
}
