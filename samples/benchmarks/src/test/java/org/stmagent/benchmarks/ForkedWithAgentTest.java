package org.stmagent.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stmagent.benchmarks.suite.AgentSuite;
import org.stmagent.benchmarks.suite.PlainSuite;

/** A benchmark expects the rewritten classes exactly when its {@code @Fork} starts the agent. */
class ForkedWithAgentTest {
    @Test
    void theAgentVariantsForkWithTheAgentAndThePlainOnesWithout() {
        assertTrue(Rewriting.forkedWithAgent(new LockedBankAgent()));
        assertTrue(Rewriting.forkedWithAgent(new LockedBankAgentNoStatistics()));
        assertTrue(Rewriting.forkedWithAgent(new LockedHashMapAgentNoCollections()));
        assertTrue(Rewriting.forkedWithAgent(new FieldLoopAgent()));
        assertTrue(Rewriting.forkedWithAgent(new AgentSuite()));
        assertFalse(Rewriting.forkedWithAgent(new LockedBankPlain()));
        assertFalse(Rewriting.forkedWithAgent(new LockedHashMapPlain()));
        assertFalse(Rewriting.forkedWithAgent(new PlainSuite()));
    }

    /** JMH runs a subclass it generates; the annotation is inherited. */
    @Test
    void jmhsGeneratedStateClassInheritsTheFork() throws Exception {
        String generated = "org.stmagent.benchmarks.jmh_generated.";
        assertTrue(Rewriting.forkedWithAgent(Class.forName(generated + "LockedBankAgent_jmhType")
                .getDeclaredConstructor().newInstance()));
        assertFalse(Rewriting.forkedWithAgent(Class.forName(generated + "LockedBankPlain_jmhType")
                .getDeclaredConstructor().newInstance()));
    }
}
