package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.seam.FieldAddresses;
import org.stmagent.runtime.stats.Conflicts;
import org.stmagent.runtime.stats.Sites;
import org.stmagent.runtime.stats.Tallies;

/** Aborts are charged to the field or array they conflicted on, by name. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConflictAttributionTest {
    static final class Account {
        long hotBalance;
        long coldNote;
    }

    static long hotStatic;

    private static final String FILE = "ConflictAttributionTest.java";
    private static final String BALANCE = Account.class.getName() + ".hotBalance";
    private static final String STATIC = "static " + ConflictAttributionTest.class.getName() + ".hotStatic";
    private static final int READ_BALANCE = Sites.register(ConflictAttributionTest.class.getName(), "transfer", FILE, 101, "read hotBalance", BALANCE);
    private static final int WRITE_BALANCE = Sites.register(ConflictAttributionTest.class.getName(), "transfer", FILE, 102, "write hotBalance", BALANCE);
    private static final int READ_STATIC = Sites.register(ConflictAttributionTest.class.getName(), "transfer", FILE, 103, "read hotStatic", STATIC);
    private static final int WRITE_STATIC = Sites.register(ConflictAttributionTest.class.getName(), "transfer", FILE, 104, "write hotStatic", STATIC);
    private static final int LOAD_CELL = Sites.register(ConflictAttributionTest.class.getName(), "transfer", FILE, 105, "read long[] element", "long[] element");
    private static final int STORE_CELL = Sites.register(ConflictAttributionTest.class.getName(), "transfer", FILE, 106, "write long[] element", "long[] element");

    @Test
    void theReportNamesTheFieldsArraysAndSitesThatConflicted() {
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
                int kind = (i + t) % 3; // each location in transactions of its own, so each one conflicts
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    if (kind == 0) {
                        Barriers.writeLong(account, Barriers.readLong(account, balance, s, READ_BALANCE) + 1, balance, s, WRITE_BALANCE);
                    } else if (kind == 1) {
                        Barriers.writeLong(staticBase, Barriers.readLong(staticBase, staticOffset, s, READ_STATIC) + 1, staticOffset, s, WRITE_STATIC);
                    } else {
                        Barriers.storeLong(cells, 0, Barriers.loadLong(cells, 0, s, LOAD_CELL) + 1, s, STORE_CELL);
                    }
                });
            }
        }).run(60);

        List<Map.Entry<Conflicts.Conflict, Tallies.Tally>> conflicts = Conflicts.TALLIES.merged();
        String report = Conflicts.render(20);
        List<String> named = conflicts.stream().map(e -> e.getKey().location().describe()).collect(Collectors.toList());
        assertTrue(named.contains(Account.class.getName() + ".hotBalance"), report);
        assertTrue(named.contains("static " + ConflictAttributionTest.class.getName() + ".hotStatic"), report);
        assertTrue(named.contains("long[] element"), report);
        long onBalance = 0;
        long balancePairs = 0;
        for (Map.Entry<Conflicts.Conflict, Tallies.Tally> e : conflicts) {
            Conflicts.Conflict c = e.getKey();
            assertTrue(!c.location().describe().contains("coldNote"), "never touched, never blamed: " + report);
            if (c.location().describe().endsWith(".hotBalance")) {
                onBalance += e.getValue().count;
                // the loser touched the balance by reading or writing it; only one line writes it
                if ((c.lostSite() == READ_BALANCE || c.lostSite() == WRITE_BALANCE) && c.wonSite() == WRITE_BALANCE) {
                    balancePairs += e.getValue().count;
                }
            }
        }
        assertTrue(onBalance > 0, report);
        assertTrue(balancePairs * 10 >= onBalance * 9, "at least 90% of the balance's aborts name both its sites: " + report);
        assertTrue(report.contains("write hotBalance at " + ConflictAttributionTest.class.getName() + ".transfer(" + FILE + ":102)"), report);
    }
}
