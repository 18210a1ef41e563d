package org.stmagent.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workload in every variant that runs without the agent and that it has keeps its invariant,
 * alone and with two threads.
 */
class WorkloadInvariantTest {
    private static final int OPERATIONS_PER_THREAD = 5_000;

    static Stream<Arguments> plainVariantsOfEveryWorkload() {
        List<Arguments> cases = new ArrayList<>();
        for (String workload : List.of(Workloads.BANK_64, Workloads.BANK_65536, Workloads.INTSET_LIST_256,
                Workloads.INTSET_SKIPLIST_65536, Workloads.HASHMAP_4096, Workloads.COUNTER, Workloads.VACATION_LOW,
                Workloads.VACATION_HIGH)) {
            for (Variant variant : Variant.values()) {
                if (!variant.underAgent() && Workloads.supports(workload, variant)) {
                    cases.add(Arguments.of(workload, variant));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("plainVariantsOfEveryWorkload")
    void keepsItsInvariantWithOneThenTwoThreads(String workload, Variant variant) {
        Workload running = Workloads.create(workload, variant, 2);

        operate(running, new Worker(0));
        running.verify();

        Worker first = new Worker(0);
        Worker second = new Worker(1);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> operate(running, second));
        operate(running, first);
        other.join();
        running.verify();
    }

    @Test
    void aVariantTheWorkloadHasNotFailsToBuild() {
        assertThrows(IllegalArgumentException.class, () -> Workloads.create(Workloads.VACATION_LOW, Variant.CEILING, 1));
    }

    private static void operate(Workload running, Worker worker) {
        for (int i = 0; i < OPERATIONS_PER_THREAD; i++) {
            running.operate(worker);
        }
    }
}
