package org.stmagent.benchmarks.suite;

import org.stmagent.benchmarks.suite.IntSetWorkload.Structure;
import org.stmagent.benchmarks.suite.VacationWorkload.Contention;

/** The suite's workloads by the names the JMH parameter {@code workload} takes. */
final class Workloads {
    static final String BANK_64 = "bank-64";
    static final String BANK_65536 = "bank-65536";
    /** bank-65536 with each thread transferring within its own share of the accounts: a diagnostic, not in the suite's table. */
    static final String BANK_65536_DISJOINT = "bank-65536-disjoint";
    static final String INTSET_LIST_256 = "intset-list-256";
    static final String INTSET_SKIPLIST_65536 = "intset-skiplist-65536";
    static final String HASHMAP_4096 = "hashmap-4096";
    static final String COUNTER = "counter";
    static final String VACATION_LOW = "vacation-low";
    static final String VACATION_HIGH = "vacation-high";

    private Workloads() {
    }

    /** Whether the workload has a version for this variant; {@link #create} fails for one it has not. */
    static boolean supports(String name, Variant variant) {
        return !name.equals(VACATION_LOW) && !name.equals(VACATION_HIGH) || VacationWorkload.supports(variant);
    }

    static Workload create(String name, Variant variant, int threads) {
        switch (name) {
            case BANK_64:
                return BankMixWorkload.create(variant, 64);
            case BANK_65536:
                return BankMixWorkload.create(variant, 65_536);
            case BANK_65536_DISJOINT:
                return BankMixWorkload.disjoint(variant, 65_536, threads);
            case INTSET_LIST_256:
                return IntSetWorkload.create(variant, Structure.LIST, 256, threads);
            case INTSET_SKIPLIST_65536:
                return IntSetWorkload.create(variant, Structure.SKIP_LIST, 65_536, threads);
            case HASHMAP_4096:
                return HashMapWorkload.create(variant, 4096, threads);
            case COUNTER:
                return CounterWorkload.create(variant, threads);
            case VACATION_LOW:
                return VacationWorkload.create(variant, Contention.LOW, threads);
            case VACATION_HIGH:
                return VacationWorkload.create(variant, Contention.HIGH, threads);
            default:
                throw new IllegalArgumentException("unknown workload " + name);
        }
    }
}
