package org.stmagent.runtime.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.seam.FieldAddresses;

/** How conflicts are named and merged for the reports. */
class ConflictsTest {
    static final class Ledger {
        long onlyHereBalance;
    }

    @Test
    void aLocationKnownOnlyFromTheLosingSiteIsNamedAsTheRewriterNamedIt() {
        int site = Sites.register("com.acme.Bank", "audit", "Bank.java", 7, "read total", "com.acme.Bank.total");
        assertEquals("com.acme.Bank.total", ConflictLocation.ofSite(site).describe());
        assertSame(ConflictLocation.UNKNOWN, ConflictLocation.ofSite(Sites.UNKNOWN));
    }

    @Test
    void theSameFieldFoundAtRunTimeAndFromASiteIsOneRowOfTheReport() {
        String field = Ledger.class.getName() + ".onlyHereBalance";
        int lost = Sites.register(ConflictsTest.class.getName(), "move", "ConflictsTest.java", 40, "read onlyHereBalance", field);
        long offset = FieldAddresses.instanceOffset(Ledger.class, "onlyHereBalance");
        Map<Conflicts.Conflict, Tallies.Tally> mine = Conflicts.TALLIES.forThread(Thread.currentThread());
        Conflicts.charge(mine, new Conflicts.Conflict(ConflictLocation.of(Ledger.class, offset, false),
                AbortCause.WRITE_READ, lost, Sites.UNKNOWN), 100);
        Conflicts.charge(mine, new Conflicts.Conflict(ConflictLocation.ofSite(lost), AbortCause.WRITE_READ, lost,
                Sites.UNKNOWN), 50);

        List<Map.Entry<Conflicts.Named, Tallies.Tally>> rows = Conflicts.named().stream()
                .filter(e -> e.getKey().location().equals(field)).collect(Collectors.toList());
        assertEquals(1, rows.size(), rows::toString);
        assertEquals(2, rows.get(0).getValue().count);
        assertEquals(150, rows.get(0).getValue().nanos);
    }

    @Test
    void aLosingAccessToAnotherLocationThanTheWrittenOneIsAFalseConflict() {
        int readsCount = Sites.register("com.acme.Bank", "audit", "Bank.java", 9, "read count", "com.acme.Bank.count");
        assertTrue(new Conflicts.Named("com.acme.Bank.total", AbortCause.WRITE_READ, readsCount, Sites.UNKNOWN).isFalse());
        assertFalse(new Conflicts.Named("com.acme.Bank.count", AbortCause.WRITE_READ, readsCount, Sites.UNKNOWN).isFalse());
        assertFalse(new Conflicts.Named("(unknown location)", AbortCause.WRITE_READ, readsCount, Sites.UNKNOWN).isFalse());
    }
}
