package org.stmagent.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stmagent.testing.Jvm;

/**
 * Each sample, started from the shaded jar in a JVM of its own, verifies its own result: plain
 * (except the {@code @Atomic} bank, which is only correct under the agent) and under the agent.
 */
class SamplesIT {
    private static final String BANK = "org.stmagent.samples.bank.Bank";
    private static final String ATOMIC_BANK = "org.stmagent.samples.atomic.AtomicBank";
    private static final String PIPELINE = "org.stmagent.samples.pipeline.Pipeline";

    private static final String BANK_VERIFIED = "verified: money conserved, every audit saw the full total";
    private static final String PIPELINE_VERIFIED = "verified: every item produced was consumed exactly once";

    @Test
    void bankWithItsLockConservesMoney() throws Exception {
        Jvm.Result result = SampleJvm.plain(BANK, "--threads", "2", "--seconds", "1");
        assertVerifiedBank(result);
    }

    @Test
    void bankUnderTheAgentConservesMoney() throws Exception {
        Jvm.Result result = SampleJvm.underAgent(BANK, "--threads", "3", "--seconds", "1");
        assertVerifiedBank(result);
        assertRewritten(result, BANK);
    }

    @Test
    void theReportNamesTheStatisticEveryTransferWrites() throws Exception {
        String countingBank = "org.stmagent.samples.counting.CountingBank";
        Jvm.Result inside = SampleJvm.underAgent(countingBank, "--threads", "2", "--seconds", "1");
        assertVerifiedBank(inside);
        assertTrue(inside.err().matches("(?s).*conflicts: .*\\R +\\d+\\. +[\\d,]+ aborts +[\\d.]+ ms  [a-z ]+ "
                + "org\\.stmagent\\.samples\\.counting\\.CountingBank\\.transfers\\R"
                + " +lost: (read|write) transfers at org\\.stmagent\\.samples\\.counting\\.CountingBank\\.transferCounted\\(CountingBank\\.java:\\d+\\)\\R"
                + " +won:  write transfers at org\\.stmagent\\.samples\\.counting\\.CountingBank\\.transferCounted\\(CountingBank\\.java:\\d+\\)\\R.*"),
                inside::toString);
        assertCountedEveryTransfer(inside);
        Jvm.Result outside = SampleJvm.underAgent(countingBank, "--threads", "2", "--seconds", "1",
                "--count", "outside");
        assertVerifiedBank(outside);
        assertCountedEveryTransfer(outside);
        assertTrue(!outside.err().contains("CountingBank.transfers"), outside::toString);
    }

    @Test
    void aConflictFreeCounterInsideTheLockCountsEveryTransferWithoutConflicting() throws Exception {
        Jvm.Result result = SampleJvm.underAgent("org.stmagent.samples.counting.CountingBank",
                "--threads", "2", "--seconds", "1", "--count", "counter");
        assertVerifiedBank(result);
        assertCountedEveryTransfer(result);
        assertFalse(result.err().contains("CountingBank.transfers"), result::toString);
        String topConflict = result.err().lines().dropWhile(line -> !line.startsWith("conflicts:")).skip(1)
                .findFirst().orElse("");
        assertTrue(topConflict.isEmpty()
                || topConflict.matches(" +1\\. .* org\\.stmagent\\.samples\\.counting\\.CountingBank\\$Account(\\.balance|\\[\\] element)"),
                "the top conflict is on the accounts, not on the count\n" + result);
    }

    @Test
    void apiBankUnderTheAgentConservesMoneyAndRefusesANestedAudit() throws Exception {
        String apiBank = "org.stmagent.samples.api.ApiBank";
        Jvm.Result result = SampleJvm.underAgent(apiBank, "--accounts", "256", "--seconds", "0.5");
        assertVerifiedBank(result);
        assertEquals(2, result.out().lines().filter(BANK_VERIFIED::equals).count(), result::toString);
        assertTrue(result.out().contains("an audit inside a transaction: refused (NestedTransactionException)"),
                result::toString);
        assertRewritten(result, apiBank);
    }

    private static void assertCountedEveryTransfer(Jvm.Result result) {
        assertTrue(result.out().lines().anyMatch(line -> line.matches("transfers counted: ([0-9,]+) of \\1")),
                result::toString);
    }

    @Test
    void bankUnderTheAgentWithFewAccountsConservesMoney() throws Exception {
        Jvm.Result result = SampleJvm.underAgent(BANK, "--threads", "4", "--seconds", "1", "--accounts", "4");
        assertVerifiedBank(result);
    }

    @Test
    void atomicBankUnderTheAgentConservesMoney() throws Exception {
        Jvm.Result result = SampleJvm.underAgent(ATOMIC_BANK, "--threads", "3", "--seconds", "1");
        assertVerifiedBank(result);
        assertRewritten(result, ATOMIC_BANK);
    }

    @Test
    void atomicBankWithoutTheAgentSaysItNeedsTheAgent() throws Exception {
        Jvm.Result result = SampleJvm.plain(ATOMIC_BANK, "--threads", "2", "--seconds", "0.5");
        assertTrue(result.out().contains("only correct under the agent"), result::toString);
        if (result.exitCode() != 0) {
            assertEquals(1, result.exitCode(), result::toString);
            assertTrue(result.out().lines().anyMatch(line -> line.startsWith("FAILED: ")
                    && line.contains("AtomicBank is only correct under the agent")), result::toString);
        }
    }

    @Test
    void pipelineWithItsMonitorConsumesEveryItemOnce() throws Exception {
        Jvm.Result result = SampleJvm.plain(PIPELINE,
                "--producers", "2", "--consumers", "2", "--capacity", "4", "--seconds", "1");
        assertVerifiedPipeline(result);
    }

    @Test
    void pipelineUnderTheAgentConsumesEveryItemOnce() throws Exception {
        Jvm.Result result = SampleJvm.underAgent(PIPELINE,
                "--producers", "2", "--consumers", "2", "--capacity", "4", "--seconds", "1");
        assertVerifiedPipeline(result);
        assertRewritten(result, "org.stmagent.samples.pipeline.BoundedBuffer");
    }

    @Test
    void pipelineUnderTheAgentWithOneSlotConsumesEveryItemOnce() throws Exception {
        Jvm.Result result = SampleJvm.underAgent(PIPELINE,
                "--producers", "3", "--consumers", "1", "--capacity", "1", "--seconds", "1");
        assertVerifiedPipeline(result);
    }

    @Test
    void queueUnderTheAgentCountsWhatThePlainLoopCounts() throws Exception {
        Jvm.Result result = SampleJvm.underAgent("org.stmagent.samples.queue.QueueMap",
                "--entries", "2000", "--work", "50", "--repeats", "3");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("queue, 2 threads: +median +[0-9.]+ ms .*")),
                result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("speed-up of the queue, 2 threads over 1: [0-9.]+x; .*")),
                result::toString);
        assertTrue(result.out().contains("verified: every run counted the plain loop's histogram"), result::toString);
        assertFalse(result.out().contains("FAILED"), result::toString);
        assertRewritten(result, "org.stmagent.samples.queue.QueueMap");
    }

    @Test
    void reservationsUnderTheAgentTakeWholeBookingsOnly() throws Exception {
        Jvm.Result result = SampleJvm.underAgent("org.stmagent.samples.options.Reservations",
                "--threads", "2", "--seats", "2000", "--seconds", "0.5");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches(
                "bookings: [0-9,]+ made, [1-9][0-9,]* refused \\(a seat taken\\), [0-9,]+ given up after 3 retries")),
                result::toString);
        assertTrue(result.out().contains("verified: every taken seat belongs to a whole booking"), result::toString);
        assertTrue(result.out().contains("verified: each booking confirmed once and stamped within the run"),
                result::toString);
        assertTrue(result.out().contains("Stm.inTransaction(): true in an @Atomic method, false outside"),
                result::toString);
        assertFalse(result.out().contains("FAILED"), result::toString);
        assertFalse(result.err().contains("currentTimeMillis"), "the clock read made bookings inevitable\n" + result);
    }

    @Test
    void inventoryUnderTheAgentKeepsItsStockAndItsMapCallsStayOptimistic() throws Exception {
        Jvm.Result result = SampleJvm.underAgent("org.stmagent.samples.collections.Inventory",
                "--threads", "2", "--seconds", "1", "--items", "256");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("units in stock: 256,000 of 256,000;"), result::toString);
        assertTrue(result.out().contains("verified: no unit lost or invented"), result::toString);
        assertFalse(result.out().contains("FAILED"), result::toString);
        assertFalse(result.err().contains("call java.util."), "a map call made a region inevitable\n" + result);
        assertTrue(result.err().contains(" via org.stmagent.samples.collections.Inventory."),
                "conflicts inside the map name the sample's lines\n" + result);
    }

    @Test
    void launcherStartsASampleByName() throws Exception {
        Jvm.Result result = SampleJvm.plain("org.stmagent.samples.Samples",
                "pipeline", "--producers", "1", "--consumers", "1", "--seconds", "0.2");
        assertVerifiedPipeline(result);
    }

    @Test
    void unknownOptionIsRefusedWithTheUsage() throws Exception {
        Jvm.Result result = SampleJvm.plain(BANK, "--thread", "2");
        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("Bank: unknown option --thread"), result::toString);
        assertTrue(result.err().contains("--threads"), result::toString);
    }

    private static void assertVerifiedBank(Jvm.Result result) {
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("throughput: [0-9,]+ ops/ms .*")), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("audits that saw a wrong total: 0 of [0-9,]+")),
                result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("final total: ([0-9,]+) \\(expected \\1\\)")),
                result::toString);
        assertTrue(result.out().lines().anyMatch(BANK_VERIFIED::equals), result::toString);
        assertFalse(result.out().contains("FAILED"), result::toString);
    }

    private static void assertVerifiedPipeline(Jvm.Result result) {
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("throughput: [0-9,]+ items/ms .*")), result::toString);
        String produced = result.out().lines().filter(line -> line.startsWith("produced: ")).findFirst().orElse("?");
        String consumed = result.out().lines().filter(line -> line.startsWith("consumed: ")).findFirst().orElse("!");
        assertEquals(produced.substring("produced: ".length()), consumed.substring("consumed: ".length()),
                result::toString);
        assertTrue(result.out().lines().anyMatch(PIPELINE_VERIFIED::equals), result::toString);
    }

    /** The agent rewrote the sample's class and left none of the samples' classes unchanged. */
    private static void assertRewritten(Jvm.Result result, String className) {
        assertTrue(result.err().contains("stm-agent: rewritten " + className + " "), result::toString);
        assertFalse(result.err().contains("left unchanged"), result::toString);
    }
}
