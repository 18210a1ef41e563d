package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.seam.FieldAddresses;
import org.stmagent.runtime.settings.RuntimeSettings;

/**
 * The orec table's two parts: data and monitors' signal words never share an orec; the fields of
 * one object and the neighbouring elements in the first 4 KB of an array never share one either;
 * further on, an array has an orec per cache line.
 */
class OrecsTest {

    @Test
    void aMonitorsSignalWordNeverSharesAnOrecWithData() {
        int dataOrecs = 1 << Orecs.DATA_BITS;
        for (int i = 0; i < 100_000; i++) {
            Object o = new long[1 + (i & 7)];
            int monitor = Orecs.monitorIndex(o);
            assertTrue(monitor >= dataOrecs && monitor < Orecs.SIZE, () -> "monitor orec " + monitor);
            for (long offset = 0; offset < 64; offset += 8) {
                int data = Orecs.index(o, offset);
                assertTrue(data >= 0 && data < dataOrecs, () -> "data orec " + data);
            }
        }
    }

    /** Six 4-byte fields side by side, as in a tree node (key, value, left, right, parent, colour). */
    static final class Node {
        Object key;
        Object value;
        Node left;
        Node right;
        Node parent;
        int colour;
    }

    @Test
    void theFieldsOfOneObjectHaveOrecsOfTheirOwn() {
        String[] fields = {"key", "value", "left", "right", "parent", "colour"};
        for (int i = 0; i < 1_000; i++) {
            Node node = new Node();
            Set<Integer> orecs = new HashSet<>();
            for (String field : fields) {
                orecs.add(Orecs.index(node, FieldAddresses.instanceOffset(Node.class, field)));
            }
            assertEquals(fields.length, orecs.size(), "fields sharing an orec");
        }
    }

    @Test
    void neighbouringArrayElementsHaveOrecsOfTheirOwnInTheFirstFourKilobytes() {
        int[] ints = new int[1_000];
        long[] longs = new long[500];
        Set<Integer> intOrecs = new HashSet<>();
        Set<Integer> longOrecs = new HashSet<>();
        for (int i = 0; i < ints.length; i++) {
            intOrecs.add(Orecs.index(ints, 16L + 4L * i));
        }
        for (int i = 0; i < longs.length; i++) {
            longOrecs.add(Orecs.index(longs, 16L + 8L * i));
        }
        assertEquals(ints.length, intOrecs.size());
        assertEquals(longs.length, longOrecs.size());
    }

    /** Past the first 4 KB, a large array has one orec per 64-byte line, and lines have their own. */
    @Test
    void aLargeArrayHasAnOrecPerCacheLineBeyondItsFirstFourKilobytes() {
        long[] longs = new long[65_536];
        Set<Integer> lineOrecs = new HashSet<>();
        for (long line = Orecs.FINE_BYTES; line < Orecs.FINE_BYTES + 64L * 4_096; line += 64) {
            int orec = Orecs.index(longs, line);
            for (long offset = line; offset < line + 64; offset += 8) {
                assertEquals(orec, Orecs.index(longs, offset), "one line, one orec");
            }
            lineOrecs.add(orec);
        }
        assertEquals(4_096, lineOrecs.size(), "lines sharing an orec");
        assertTrue(Orecs.index(longs, Orecs.FINE_BYTES - 8) != Orecs.index(longs, Orecs.FINE_BYTES));
    }

    @Test
    void aLockWordNamesItsOwnerAndEntryAndDiffersFromOneAttemptToTheNext() {
        int largestEntry = (1 << Orecs.DATA_BITS) + (1 << Orecs.MONITOR_BITS);
        for (int attempt = 0; attempt < 3; attempt++) {
            long tag = Orecs.attemptTag(attempt);
            for (int entry : new int[] {0, 1, 4095, largestEntry}) {
                long word = Orecs.lockedWord(Orecs.MAX_SEGMENTS - 1, entry, tag);
                assertTrue(Orecs.isLocked(word));
                assertEquals(Orecs.MAX_SEGMENTS - 1, Orecs.owner(word));
                assertEquals(entry, Orecs.lockEntry(word));
                assertTrue(word != Orecs.lockedWord(Orecs.MAX_SEGMENTS - 1, entry, Orecs.attemptTag(attempt + 1)),
                        "the same lock in the next attempt must have another word");
            }
        }
    }

    @Test
    void theTableSizeIsAPowerOfTwoInRange() {
        String previous = System.getProperty("stm.orecs");
        try {
            System.setProperty("stm.orecs", "1048576");
            assertEquals(1 << 20, RuntimeSettings.orecs());
            System.setProperty("stm.orecs", "1000");
            assertThrows(IllegalArgumentException.class, RuntimeSettings::orecs);
            System.setProperty("stm.orecs", "512");
            assertThrows(IllegalArgumentException.class, RuntimeSettings::orecs);
        } finally {
            if (previous == null) {
                System.clearProperty("stm.orecs");
            } else {
                System.setProperty("stm.orecs", previous);
            }
        }
    }
}
