package org.stmagent.runtime.core;

import org.stmagent.runtime.stats.Sites;

/**
 * Switches that break the STM on purpose, so the tests can prove their checkers notice, or push it
 * into rare states far more often than real programs would. Each is
 * read once from a system property into a constant the JIT folds, and only slow paths look at
 * them: the barriers' fast paths never do.
 */
final class TestHooks {
    /** Skip read validation (extensions and commits accept whatever was read). */
    static final boolean BROKEN_VALIDATION = Boolean.getBoolean("stm.test.brokenValidation");
    /** Writing commits do not ask older readers to revalidate (privatization of doomed reads). */
    static final boolean NO_VALIDATION_REQUESTS = Boolean.getBoolean("stm.test.noValidationRequests");
    /**
     * Sites switch to plain mode after one rollback in four transactions and are probed again after
     * 64 plain runs, so monitors go back and forth between plain runs and transactions all the time.
     */
    static final boolean EAGER_PLAIN = Boolean.getBoolean("stm.test.eagerPlain");
    /**
     * A write that meets another transaction's lock taken for one other location gives way at once,
     * as a conflict, instead of waiting in {@link DeferredWrites}: to measure what that saves.
     */
    static final boolean NO_DEFERRED_WRITES = Boolean.getBoolean("stm.test.noDeferredWrites");

    private TestHooks() {
    }
}
