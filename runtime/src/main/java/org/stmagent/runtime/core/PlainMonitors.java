package org.stmagent.runtime.core;

/**
 * Monitors whose regions run plainly: their original code under the real lock, while transactions
 * keep away from them (see {@link AdaptiveSites} for when, docs/design.md for why it is safe). The
 * state lives in the monitor's signal orec, which every transaction entering the monitor reads; a
 * word owned by {@link #OWNER} (no slot has that id) means:
 * <ul>
 *   <li>{@link #ENTERING}: a thread is switching the monitor to plain mode;</li>
 *   <li>{@link #held held(site)}: plain regions may run; a transaction that reads the word gives way;
 *       {@code site} is the one whose switch made the monitor plain ({@link #causeOf});</li>
 *   <li>{@link #DRAINING}: a thread switches it back: no plain region starts, and once those running
 *       have left ({@link PlainHolder#awaitNoneInside}) the word is unlocked again.</li>
 * </ul>
 * Plain regions announce themselves on their own thread's {@link PlainHolder} before they read the
 * word (a Dekker handshake with the drainer, who changes the word before reading the holders), so
 * steady plain mode writes no shared line besides the real lock's.
 */
final class PlainMonitors {
    static final int OWNER = Orecs.MAX_SEGMENTS - 1;
    static final long ENTERING = Orecs.lockedWord(OWNER, 0);
    static final long DRAINING = Orecs.lockedWord(OWNER, 1);
    private static final int FIRST_HELD = 2;

    private PlainMonitors() {
    }

    static boolean isPlain(long word) {
        return Orecs.isLocked(word) && Orecs.owner(word) == OWNER;
    }

    static long held(int site) {
        return Orecs.lockedWord(OWNER, FIRST_HELD + site);
    }

    static boolean isHeld(long word) {
        return isPlain(word) && Orecs.lockEntry(word) >= FIRST_HELD;
    }

    /** The site whose switch holds the monitor plain, or -1 if the word is not held. */
    static int causeOf(long word) {
        return isHeld(word) ? Orecs.lockEntry(word) - FIRST_HELD : -1;
    }

    /** Whether a region on the monitor with this word should join plain mode rather than run a transaction. */
    static boolean invitesPlain(long word) {
        return isPlain(word) && word != DRAINING;
    }

    /**
     * Enters a plain region on {@code monitor}, whose signal orec is {@code orec}, for {@code descriptor}'s thread, switching
     * the monitor to plain mode first if it is not. Returns true once the region may run the original code; false, with
     * nothing entered, when a switch gave way to a regionless transaction in flight ({@link PlainRunExclusion#admitSwitch}).
     */
    static boolean enter(Segment descriptor, PlainHolder holder, Object monitor, int orec, int site) {
        int round = 0;
        while (true) {
            holder.push(orec, site);
            long word = Orecs.get(orec); // after the push: see the class comment
            if (isHeld(word) || holder.holds(orec, 1)) {
                return true; // plain mode, or re-entered: this thread is inside already
            }
            holder.pop();
            if (isPlain(word) || Orecs.isLocked(word)) {
                // being switched, or a transaction holds the word (inevitable inside, or notifying)
                round = Spin.pause(round);
            } else if (Orecs.compareAndSet(orec, word, ENTERING)
                    && !switchToPlain(descriptor, monitor, orec, word, site)) {
                return false;
            }
        }
    }

    /** Leaves the innermost plain region of {@code holder}. */
    static void exit(PlainHolder holder) {
        holder.pop();
    }

    /**
     * Holding the word as ENTERING: stops every transaction that may have entered the monitor, then
     * lets plain regions in. Like a commit that writes the signal word: it draws a version and logs
     * the word in a slot's commit ring (so an attempt that read the word fails to extend its
     * snapshot over it), asks every older reader to revalidate (an attempt inside the monitor meets
     * the locked word at its next access), and waits for older commits still writing back.
     */
    private static boolean switchToPlain(Segment descriptor, Object monitor, int orec, long unlocked, int site) {
        if (SerialMode.requested()) { // read after the CAS: a serial transaction does not lock what it reads
            Orecs.release(orec, unlocked);
            int round = 0;
            while (SerialMode.requested()) {
                round = Spin.pause(round);
            }
            return true;
        }
        SegmentPool pool = SegmentPool.instance();
        if (!PlainRunExclusion.admitSwitch(pool)) {
            Orecs.release(orec, unlocked);
            return false;
        }
        SegmentSlot slot = pool.claim(Thread.currentThread(), 0);
        slot.descriptor = descriptor;
        PublishedState published = slot.published;
        published.startWriteback(OrecSummary.ANY);
        long version = VersionClock.tick();
        published.markWriteback(version);
        slot.commits.publishSignal(version, orec, monitor.getClass());
        Privatization.requestRevalidation(pool, slot, version);
        awaitOlderWritebacks(pool, slot, version);
        published.markWriteback(0);
        pool.release(slot);
        Orecs.release(orec, held(site));
        return true;
    }

    private static void awaitOlderWritebacks(SegmentPool pool, SegmentSlot self, long version) {
        for (int id = 0, n = pool.size(); id < n; id++) {
            SegmentSlot other = pool.slot(id);
            if (other != self) {
                long writing = other.published.awaitVersionDrawn();
                if (writing != 0 && writing < version) {
                    other.published.awaitWritebackBefore(version);
                }
            }
        }
    }

    /**
     * {@link #drain} for the inevitable transaction, which takes the word as it leaves plain mode:
     * locked by it under a new lock entry of {@code writes}, so the plain regions that keep coming
     * cannot switch the monitor back before the transaction is inside. False, nothing taken, when
     * the word is not in plain mode.
     */
    static boolean drainAndLock(int orec, PlainHolder self, WriteLog writes, int slotId, long lockTag,
            Object holder, long offset, int site) {
        int round = 0;
        while (true) {
            long word = Orecs.get(orec);
            if (!isPlain(word)) {
                return false;
            }
            if (isHeld(word) && Orecs.compareAndSet(orec, word, DRAINING)) {
                PlainHolder.awaitNoneInside(orec, self);
                int entry = writes.addLock(orec, Orecs.unlockedWord(VersionClock.now()), holder, offset, site, false);
                Orecs.release(orec, Orecs.lockedWord(slotId, entry, lockTag));
                PlainRunExclusion.monitorDrained();
                return true;
            }
            round = Spin.pause(round);
        }
    }

    /**
     * Switches the monitor back to transactions, unless it is not in plain mode: waits until the
     * plain regions running on it (none of them the caller's) have left, then unlocks the word.
     * Returns when the word is no longer owned by plain mode.
     */
    static void drain(int orec, PlainHolder self) {
        int round = 0;
        while (true) {
            long word = Orecs.get(orec);
            if (!isPlain(word)) {
                return;
            }
            if (isHeld(word) && Orecs.compareAndSet(orec, word, DRAINING)) {
                PlainHolder.awaitNoneInside(orec, self);
                // no attempt read the word while plain: its version only has to be a committed one
                Orecs.release(orec, Orecs.unlockedWord(VersionClock.now()));
                PlainRunExclusion.monitorDrained();
                return;
            }
            round = Spin.pause(round);
        }
    }
}
