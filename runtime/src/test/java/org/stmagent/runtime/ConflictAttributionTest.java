package org.stmagent.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Aborts are charged to the field or array they conflicted on, by name. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConflictAttributionTest {
    static final class Account {
        long hotBalance;
        long coldNote;
    }

    static long hotStatic;

    @Test
    void theReportNamesTheFieldsAndArraysThatConflicted() {
        Account account = new Account();
        long[] cells = new long[4];
        long balance = FieldAddresses.instanceOffset(Account.class, "hotBalance");
        Object staticBase = FieldAddresses.staticBase(ConflictAttributionTest.class, "hotStatic");
        long staticOffset = FieldAddresses.staticOffset(ConflictAttributionTest.class, "hotStatic");

        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
        new Workers("conflicting").add(4, t -> () -> {
            try {
                start.await(); // all four run at once, for long enough to overlap on 2 cores
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            long end = System.nanoTime() + 300_000_000L;
            for (int i = 0; i < 20_000 || System.nanoTime() < end; i++) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    Barriers.writeLong(account, Barriers.readLong(account, balance, s) + 1, balance, s);
                    Barriers.writeLong(staticBase, Barriers.readLong(staticBase, staticOffset, s) + 1, staticOffset, s);
                    Barriers.storeLong(cells, 0, Barriers.loadLong(cells, 0, s) + 1, s);
                });
            }
        }).run(60);

        List<String> named = Conflicts.merged().stream()
                .map(e -> e.getKey().describe()).collect(Collectors.toList());
        String report = Conflicts.render(10);
        assertTrue(named.contains(Account.class.getName() + ".hotBalance"), report);
        assertTrue(named.contains("static " + ConflictAttributionTest.class.getName() + ".hotStatic")
                || named.contains("long[] element"), report);
        long attributed = Conflicts.merged().stream().mapToLong(e -> e.getValue().aborts).sum();
        assertTrue(attributed > 0, report);
        for (Map.Entry<ConflictLocation, Conflicts.Tally> e : Conflicts.merged()) {
            assertTrue(!e.getKey().describe().contains("coldNote"), "never touched, never blamed: " + report);
        }
    }
}
