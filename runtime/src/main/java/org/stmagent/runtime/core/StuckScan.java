package org.stmagent.runtime.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.stmagent.runtime.stats.Sites;

/**
 * One look at the segment pool for the {@link Watchdog}: every transaction running in a slot,
 * every wait for the inevitable transaction and every wait for a segment, as they are now. It
 * reads what the runtime keeps for itself (slots, the token, the pool's waiters) and the stamps a
 * descriptor leaves when it begins and when it starts waiting; all racy, which a sample can afford.
 */
final class StuckScan {
    private final SegmentPool pool;

    StuckScan(SegmentPool pool) {
        this.pool = pool;
    }

    List<Stuck> look() {
        List<Stuck> seen = new ArrayList<>();
        SegmentSlot[] slots = pool.slots();
        SegmentSlot tokenHolder = InevitableToken.holder();
        Thread oldestOwner = null;
        long oldestBegan = 0;
        for (SegmentSlot slot : slots) {
            Thread owner = slot.owner;
            Segment tx = slot.descriptor;
            if (owner == null || tx == null || tx.slot != slot || !tx.running) {
                continue; // free, or between a claim and the descriptor taking the slot
            }
            boolean inevitable = slot.status == SegmentSlotFields.INEVITABLE;
            int attempt = tx.aborts + 1;
            long began = tx.began;
            long waitSince = tx.inevitableWaitSince;
            if (waitSince != 0) {
                SegmentSlot holder = inevitableOtherThan(slot, tokenHolder, slots);
                Stuck.Kind kind = slot.waitingInRuntime ? Stuck.Kind.LOCATION : Stuck.Kind.TOKEN;
                seen.add(new Stuck(kind, owner, waitSince, attempt, inevitable, siteOf(holder, tokenHolder),
                        holder == null ? null : holder.owner, false));
            } else {
                seen.add(new Stuck(Stuck.Kind.RUNNING, owner, began, attempt, inevitable, siteOf(slot, tokenHolder),
                        null, slot.ownerBlockedOutsideRuntime()));
            }
            if (oldestOwner == null || began - oldestBegan < 0) {
                oldestOwner = owner;
                oldestBegan = began;
            }
        }
        for (Map.Entry<Thread, Long> waiter : pool.waitingSince().entrySet()) {
            seen.add(new Stuck(Stuck.Kind.SEGMENT, waiter.getKey(), waiter.getValue(), 0, false, Sites.UNKNOWN,
                    oldestOwner, false));
        }
        return seen;
    }

    /**
     * The inevitable transaction {@code waiter} waits for: the token's holder, else another
     * inevitable one (a holder blocked in a call of its own, whose token was taken over).
     */
    private static SegmentSlot inevitableOtherThan(SegmentSlot waiter, SegmentSlot tokenHolder, SegmentSlot[] slots) {
        if (tokenHolder != null && tokenHolder != waiter) {
            return tokenHolder;
        }
        for (SegmentSlot slot : slots) {
            if (slot != waiter && slot.status == SegmentSlotFields.INEVITABLE && slot.owner != null) {
                return slot;
            }
        }
        return null;
    }

    /** The site {@code slot}'s transaction is inevitable for, known only for the token's holder. */
    private static int siteOf(SegmentSlot slot, SegmentSlot tokenHolder) {
        return slot != null && slot == tokenHolder ? InevitableToken.holderSite() : Sites.UNKNOWN;
    }
}
