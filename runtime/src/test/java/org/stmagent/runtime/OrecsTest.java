package org.stmagent.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The orec table's two parts: data and monitors' signal words never share an orec. */
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
}
