package org.stmagent.runtime.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.seam.FieldAddresses;
import org.stmagent.runtime.stats.Sites;

/**
 * Unrelated locations that share an orec: a reader of one reads through a lock another
 * transaction took to write the other, and only then; a writer of one waits for that lock at
 * commit instead of conflicting ({@link DeferredWrites}), and still loses to a real conflict.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SharedOrecTest {
    static final class Cell {
        long value;
    }

    private static final long VALUE = FieldAddresses.instanceOffset(Cell.class, "value");
    private static final int SITE = Sites.register(SharedOrecTest.class.getName(), "test", "SharedOrecTest.java", 1,
            "value", Cell.class.getName() + ".value");

    /** {@code count} cells whose value fields share one orec. */
    private static List<Cell> cellsUnderOneOrec(int count) {
        Map<Integer, List<Cell>> byOrec = new HashMap<>();
        while (true) {
            Cell cell = new Cell();
            List<Cell> cells = byOrec.computeIfAbsent(Orecs.index(cell, VALUE), k -> new ArrayList<>());
            cells.add(cell);
            if (cells.size() == count) {
                return cells;
            }
        }
    }

    /**
     * A writer that holds the orec while {@code body} of the test runs: it writes {@code written},
     * waits until the reader is done (or two seconds pass), puts the old values back and commits.
     */
    private static final class Holder extends Thread {
        final AtomicBoolean holding = new AtomicBoolean();
        final AtomicBoolean readerDone = new AtomicBoolean();
        private final Cell[] written;

        Holder(Cell... written) {
            this.written = written;
        }

        @Override
        public void run() {
            Stm.atomic(() -> {
                Segment s = Barriers.current();
                long[] old = new long[written.length];
                for (int i = 0; i < written.length; i++) {
                    old[i] = Barriers.readLong(written[i], VALUE, s, SITE);
                    Barriers.writeLong(written[i], -1, VALUE, s, SITE);
                }
                holding.set(true);
                long end = System.nanoTime() + 2_000_000_000L;
                while (!readerDone.get() && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                holding.set(false);
                for (int i = 0; i < written.length; i++) {
                    Barriers.writeLong(written[i], old[i], VALUE, s, SITE);
                }
            });
        }

        void awaitHolding() {
            while (!holding.get()) {
                Thread.onSpinWait();
            }
        }
    }

    private static long readInTransaction(Cell cell, AtomicInteger attempts) {
        return Stm.atomic(() -> {
            attempts.incrementAndGet();
            return Barriers.readLong(cell, VALUE, Barriers.current(), SITE);
        });
    }

    @Test
    void aWriterOfAnotherLocationWaitsForTheLockAtCommitInsteadOfConflicting() throws InterruptedException {
        List<Cell> cells = cellsUnderOneOrec(2);
        Cell mine = cells.get(1);
        mine.value = 3;
        Holder holder = new Holder(cells.get(0));
        holder.start();
        holder.awaitHolding();

        AtomicInteger attempts = new AtomicInteger();
        long[] seen = new long[1];
        AtomicBoolean heldWhileWriting = new AtomicBoolean();
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            attempts.incrementAndGet();
            Barriers.writeLong(mine, 5, VALUE, s, SITE);
            seen[0] = Barriers.readLong(mine, VALUE, s, SITE);
            heldWhileWriting.set(holder.holding.get());
            holder.readerDone.set(true); // the commit below waits for the holder's
        });
        holder.join();

        assertTrue(heldWhileWriting.get(), "the write was made while the other transaction held the orec");
        assertEquals(5, seen[0], "the attempt reads its own waiting write");
        assertEquals(1, attempts.get(), "no abort for a location the owner did not write");
        assertEquals(5, mine.value);
        assertEquals(0, cells.get(0).value, "the holder put its value back");
    }

    @Test
    void anExtensionPastTheOwnersReleaseTakesTheOrecSoTheWriterStillReadsItsOwnValue() throws InterruptedException {
        List<Cell> cells = cellsUnderOneOrec(2);
        Cell mine = cells.get(1);
        mine.value = 3;
        Cell elsewhere = new Cell();
        AtomicBoolean holding = new AtomicBoolean();
        AtomicBoolean wrote = new AtomicBoolean();
        Thread owner = new Thread(() -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.writeLong(cells.get(0), 1, VALUE, s, SITE);
            Barriers.writeLong(elsewhere, 9, VALUE, s, SITE); // committed after the writer's snapshot
            holding.set(true);
            long end = System.nanoTime() + 2_000_000_000L;
            while (!wrote.get() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        }));
        owner.start();
        while (!holding.get()) {
            Thread.onSpinWait();
        }

        AtomicInteger attempts = new AtomicInteger();
        long[] seen = new long[2];
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            if (attempts.incrementAndGet() == 1) {
                Barriers.writeLong(mine, 5, VALUE, s, SITE); // waits beside the owner's lock
                wrote.set(true);
                try {
                    owner.join(); // the owner commits: its orecs are released past this snapshot
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            seen[0] = Barriers.readLong(elsewhere, VALUE, s, SITE); // newer than the snapshot: an extension
            seen[1] = Barriers.readLong(mine, VALUE, s, SITE); // the orec is free now: only ours if taken
        });

        assertEquals(1, attempts.get());
        assertEquals(9, seen[0]);
        assertEquals(5, seen[1], "the attempt reads its own write, not the memory under a freed orec");
        assertEquals(5, mine.value);
        assertEquals(1, cells.get(0).value);
    }

    @Test
    void aWaitingWriteStillLosesToTheOwnerWritingItsLocationToo() throws InterruptedException {
        List<Cell> cells = cellsUnderOneOrec(2);
        Cell shared = cells.get(1);
        shared.value = 10;
        AtomicBoolean deferred = new AtomicBoolean();
        AtomicBoolean holding = new AtomicBoolean();
        Thread owner = new Thread(() -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            Barriers.writeLong(cells.get(0), 1, VALUE, s, SITE);
            holding.set(true);
            long end = System.nanoTime() + 2_000_000_000L;
            while (!deferred.get() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            // a second location under its lock: now it writes the one the other attempt read
            Barriers.writeLong(shared, Barriers.readLong(shared, VALUE, s, SITE) + 1, VALUE, s, SITE);
        }));
        owner.start();
        while (!holding.get()) {
            Thread.onSpinWait();
        }

        AtomicInteger attempts = new AtomicInteger();
        Stm.atomic(() -> {
            Segment s = Barriers.current();
            attempts.incrementAndGet();
            Barriers.writeLong(shared, Barriers.readLong(shared, VALUE, s, SITE) + 1, VALUE, s, SITE);
            deferred.set(true);
        });
        owner.join();

        assertEquals(12, shared.value, "both increments count: the waiting one was read before the owner's");
        assertTrue(attempts.get() >= 2, "the attempt that read the old value was rolled back");
    }

    /**
     * Reads {@code read} in a transaction that then waits, as if descheduled, while {@code others}
     * run on this thread, and writes what it read to {@code result} (a writing commit validates the
     * read); returns how many attempts it made.
     */
    private static int readWhileOthersCommit(Cell read, Cell result, Runnable others) throws InterruptedException {
        AtomicBoolean hasRead = new AtomicBoolean();
        AtomicBoolean othersDone = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        Thread reader = new Thread(() -> Stm.atomic(() -> {
            Segment s = Barriers.current();
            attempts.incrementAndGet();
            long seen = Barriers.readLong(read, VALUE, s, SITE);
            hasRead.set(true);
            long end = System.nanoTime() + 5_000_000_000L;
            while (!othersDone.get() && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            Barriers.writeLong(result, seen, VALUE, s, SITE);
        }));
        reader.start();
        while (!hasRead.get()) {
            Thread.onSpinWait();
        }
        others.run();
        othersDone.set(true);
        reader.join();
        return attempts.get();
    }

    /** Commits {@code count} transactions, the {@code i}-th adding one to {@code written.apply(i)}. */
    private static void incrementEach(int count, IntFunction<Cell> written) {
        for (int i = 0; i < count; i++) {
            Cell cell = written.apply(i);
            Stm.atomic(() -> {
                Segment s = Barriers.current();
                Barriers.writeLong(cell, Barriers.readLong(cell, VALUE, s, SITE) + 1, VALUE, s, SITE);
            });
        }
    }

    @Test
    void aReaderThatSleptThroughMoreCommitsThanARingHoldsStillTellsTheLocationsApart() throws InterruptedException {
        SoleWrites.wanted(); // as after a first reader that fell behind the rings: commits keep records
        List<Cell> cells = cellsUnderOneOrec(2);
        int attempts = readWhileOthersCommit(cells.get(1), new Cell(),
                () -> incrementEach(2 * CommitRing.ENTRIES, i -> cells.get(0)));

        assertEquals(2L * CommitRing.ENTRIES, cells.get(0).value);
        assertEquals(1, attempts, "the commits wrote only the other location under the orec");
    }

    @Test
    void aReaderThatSleptThroughACommitOfItsLocationAmongOthersIsRolledBack() throws InterruptedException {
        SoleWrites.wanted(); // as after a first reader that fell behind the rings: commits keep records
        List<Cell> cells = cellsUnderOneOrec(2);
        Cell read = cells.get(1);
        Cell result = new Cell();
        // once, halfway, the location read
        int attempts = readWhileOthersCommit(read, result,
                () -> incrementEach(2 * CommitRing.ENTRIES, i -> i == CommitRing.ENTRIES / 2 ? read : cells.get(0)));

        assertEquals(1, read.value);
        assertEquals(1, result.value, "the reader's commit saw the write it slept through");
        assertEquals(2, attempts);
    }

    @Test
    void aReaderOfAnotherLocationReadsThroughTheLockAtOnce() throws InterruptedException {
        List<Cell> cells = cellsUnderOneOrec(2);
        Cell read = cells.get(1);
        read.value = 42;
        Holder holder = new Holder(cells.get(0));
        holder.start();
        holder.awaitHolding();

        AtomicInteger attempts = new AtomicInteger();
        long seen = readInTransaction(read, attempts);
        boolean stillHeld = holder.holding.get();
        holder.readerDone.set(true);
        holder.join();

        assertEquals(42, seen);
        assertTrue(stillHeld, "the read finished while the other transaction held the orec");
        assertEquals(1, attempts.get(), "no abort for a location the owner did not write");
    }

    @Test
    void aReaderOfTheWrittenLocationNeverSeesTheOwnersValue() throws InterruptedException {
        List<Cell> cells = cellsUnderOneOrec(2);
        Cell written = cells.get(0);
        written.value = 7;
        Holder holder = new Holder(written);
        holder.start();
        holder.awaitHolding();

        long seen = readInTransaction(written, new AtomicInteger());
        holder.readerDone.set(true);
        holder.join();

        assertEquals(7, seen, "the owner's buffered value, or a value it put back, must stay unseen");
    }

    @Test
    void aSecondLocationUnderTheLockEndsReadingThrough() throws InterruptedException {
        List<Cell> cells = cellsUnderOneOrec(3);
        int orec = Orecs.index(cells.get(0), VALUE);
        Holder one = new Holder(cells.get(0));
        one.start();
        one.awaitHolding();
        boolean markedWithOne = Orecs.coversOneLocation(Orecs.get(orec));
        one.readerDone.set(true);
        one.join();

        Holder two = new Holder(cells.get(0), cells.get(1));
        two.start();
        two.awaitHolding();
        long word = Orecs.get(orec);
        two.readerDone.set(true);
        two.join();

        assertTrue(markedWithOne, "a lock taken for one location says so");
        assertTrue(Orecs.isLocked(word));
        assertFalse(Orecs.coversOneLocation(word), "a second location under the lock clears the mark");
        assertEquals(0, cells.get(0).value + cells.get(1).value + cells.get(2).value);
    }
}
