package org.stmagent.runtime;

import org.stmagent.runtime.core.Segment;
import org.stmagent.runtime.core.SegmentPool;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.stats.Sites;

/**
 * A counter that transactions can add to without conflicting with each other, as pypy-stm offered:
 * each segment slot adds to a cell of its own (on its own cache line and ownership record), and
 * reading sums the cells. Two transactions running at once are always in different slots, so
 * their adds never conflict; a read conflicts only with adds that commit while it runs.
 */
public final class ConflictFreeCounter {
    private static final int STRIDE = 8; // longs per cell: one cache line, and a distinct orec
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
        int cell = s.slotId() * STRIDE;
        Barriers.storeLong(cells, cell, Barriers.loadLong(cells, cell, s, ADD_SITE) + delta, s, ADD_SITE);
    }

    /** The sum of everything added and committed (as seen by the running transaction, if any). */
    public long get() {
        return Stm.atomic(() -> {
            Segment s = Barriers.current();
            long sum = 0;
            for (int cell = 0; cell < cells.length; cell += STRIDE) {
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
