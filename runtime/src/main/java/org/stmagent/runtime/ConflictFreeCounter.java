package org.stmagent.runtime;

import org.agrona.UnsafeApi;
import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.core.SegmentPool;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * A counter that transactions can add to without conflicting with each other, as pypy-stm offered:
 * each segment slot adds to a cell of its own (on its own cache line and ownership record), and
 * reading sums the cells. Two transactions running at once are always in different slots, so
 * their adds never conflict. An add does not read its cell: it is kept as a pending increment and
 * added under the cell's orec at commit, so a read conflicts only with adds that commit while it
 * runs, and a location sharing the cell's orec by chance is not held for a whole transaction.
 */
public final class ConflictFreeCounter {
    private static final int STRIDE = 8; // longs per cell: one cache line, and a distinct orec
    private static final long CELLS_BASE = UnsafeApi.arrayBaseOffset(long[].class);
    private static final int ADD_SITE = site("add", "add to a cell");
    private static final int GET_SITE = site("get", "sum the cells");

    private final long[] cells = new long[(SegmentPool.instance().limit() + SegmentPool.EXTRA_SLOTS) * STRIDE];

    /** Adds {@code delta}: inside the running transaction, or as a transaction of its own. */
    public void add(long delta) {
        Segment s = Barriers.current();
        if (s == null) {
            Stm.atomic(() -> add(delta));
            return;
        }
        s.addToCounterCell(cells, CELLS_BASE + ((long) s.slotId() * STRIDE << 3), delta, ADD_SITE);
    }

    /** The sum of everything added and committed (as seen by the running transaction, if any). */
    public long get() {
        return Stm.atomic(() -> {
            Segment s = Barriers.current();
            long sum = 0;
            for (int cell = 0; cell < cells.length; cell += STRIDE) {
                s.settleCounter(cells, CELLS_BASE + ((long) cell << 3), GET_SITE); // this transaction's own adds
                sum += Barriers.loadLong(cells, cell, s, GET_SITE);
            }
            return sum;
        });
    }

    private static int site(String method, String access) {
        return Sites.register(ConflictFreeCounter.class.getName(), method, "ConflictFreeCounter.java", -1, access,
                "long[] element");
    }
}
