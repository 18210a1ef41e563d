package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.stmagent.runtime.stats.Sites;

/** The read set's list and its lazily built membership index, across many attempts. */
class ReadSetTest {

    @Test
    void membershipMatchesWhatWasAddedAcrossAttemptsOfEverySize() {
        ReadSet reads = new ReadSet();
        Random random = new Random(7);
        for (int attempt = 0; attempt < 200; attempt++) {
            Set<Integer> added = new HashSet<>();
            int size = random.nextInt(attempt % 3 == 0 ? 5_000 : 40);
            for (int i = 0; i < size; i++) {
                int orec = random.nextInt(Orecs.SIZE);
                reads.add(orec, Orecs.ANY_LOCATION, Sites.UNKNOWN);
                added.add(orec);
                if (i % 97 == 0) {
                    assertTrue(reads.contains(orec)); // asking midway, then adding more
                }
            }
            for (int probe = 0; probe < 500; probe++) {
                int orec = random.nextInt(Orecs.SIZE);
                assertEquals(added.contains(orec), reads.contains(orec), "attempt " + attempt + " orec " + orec);
            }
            for (int orec : added) {
                assertTrue(reads.contains(orec));
            }
            reads.clear();
            assertEquals(0, reads.size());
            for (int orec : added) {
                assertFalse(reads.contains(orec), "a cleared read set still contains " + orec);
            }
        }
    }
}
