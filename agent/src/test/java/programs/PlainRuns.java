package programs;

import java.util.ArrayList;
import java.util.List;

/**
 * One ledger under one monitor, moved by every thread at once: as transactions nearly every two
 * moves conflict, so under the agent the {@code synchronized} methods switch to running under their
 * real lock, and back, and again, while a checker keeps reading the ledger in a
 * {@code synchronized} block, which always runs as a transaction. Every move keeps
 * {@code left + right} constant and appends its amount to a ring that {@code moves} counts; the
 * checker, the movers' own audits and the final state must see every total whole and every move
 * counted once. A move that calls back into the ledger ({@code moveTwice}, reentrant) runs plainly
 * inside a plain run; one that enters another monitor in a callee ({@code moveAndNote}) starts a
 * transaction inside a plain run.
 *
 * <p>{@code --no-locks} runs the same code without mutual exclusion: it must fail.
 */
public final class PlainRuns {
    private static final int MOVERS = 4;
    private static final int ROUNDS = 40_000;
    private static final long INITIAL = 1_000_000L;

    private static boolean locks = true;

    static final class Ledger {
        long left = INITIAL;
        long right;
        final long[] ring = new long[64];
        long moves;
        long moved;

        void move(long units) {
            if (locks) {
                moveLocked(units);
            } else {
                moveBody(units);
            }
        }

        private synchronized void moveLocked(long units) {
            moveBody(units);
        }

        private void moveBody(long units) {
            left -= units;
            for (int i = 0; i < 16; i++) { // a long critical section: concurrent moves overlap
                ring[(int) ((moves + i) & 63)] += units;
            }
            moves++;
            moved += units;
            right += units;
        }

        void moveTwice(long units) {
            if (locks) {
                moveTwiceLocked(units);
            } else {
                move(units);
                move(units);
            }
        }

        private synchronized void moveTwiceLocked(long units) {
            move(units);
            move(units);
        }

        void moveAndNote(long units, Notes notes) {
            if (locks) {
                moveAndNoteLocked(units, notes);
            } else {
                moveBody(units);
                notes.add(units);
            }
        }

        private synchronized void moveAndNoteLocked(long units, Notes notes) {
            moveBody(units);
            notes.add(units);
        }

        long total() {
            return locks ? totalLocked() : left + right;
        }

        private synchronized long totalLocked() {
            return left + right;
        }
    }

    /** Amounts noted under a monitor of their own, entered in a block. */
    static final class Notes {
        private final List<Long> amounts = new ArrayList<>();

        void add(long units) {
            synchronized (locks ? this : new Object()) {
                amounts.add(units);
            }
        }

        long sum() {
            synchronized (this) {
                long sum = 0;
                for (long a : amounts) {
                    sum += a;
                }
                return sum;
            }
        }
    }

    /** What one mover's calls should have done, counted outside every monitor. */
    static final class Tally {
        long moves;
        long moved;
        long noted;
        long audits;
        long tornAudits;
    }

    public static void main(String[] args) throws Exception {
        // without locks the list of notes can be torn too: any exception is a failed check
        Thread.currentThread().setUncaughtExceptionHandler(Run::uncaught);
        locks = !(args.length > 0 && args[0].equals("--no-locks"));
        Ledger ledger = new Ledger();
        Notes notes = new Notes();
        Tally[] tallies = new Tally[MOVERS];
        Thread[] movers = new Thread[MOVERS];
        for (int t = 0; t < MOVERS; t++) {
            Tally tally = tallies[t] = new Tally();
            int seed = 17 + t;
            movers[t] = new Thread(() -> moveMany(ledger, notes, tally, seed), "mover-" + t);
            movers[t].setUncaughtExceptionHandler(Run::uncaught);
        }
        long[] checks = new long[2]; // checks made, torn totals seen
        boolean[] done = new boolean[1];
        Thread checker = new Thread(() -> {
            while (!isDone(done)) {
                synchronized (locks ? ledger : new Object()) {
                    if (ledger.left + ledger.right != INITIAL) {
                        checks[1]++;
                    }
                    checks[0]++;
                }
            }
        }, "checker");
        checker.setUncaughtExceptionHandler(Run::uncaught);
        checker.start();
        for (Thread m : movers) {
            m.start();
        }
        for (Thread m : movers) {
            m.join();
        }
        synchronized (done) {
            done[0] = true;
        }
        checker.join();

        long moves = 0;
        long moved = 0;
        long noted = 0;
        long audits = 0;
        long torn = checks[1];
        for (Tally t : tallies) {
            moves += t.moves;
            moved += t.moved;
            noted += t.noted;
            audits += t.audits;
            torn += t.tornAudits;
        }
        List<String> failures = new ArrayList<>();
        if (torn != 0) {
            failures.add(torn + " audits saw a torn total");
        }
        if (ledger.left + ledger.right != INITIAL) {
            failures.add("final total " + (ledger.left + ledger.right));
        }
        if (ledger.moves != moves || ledger.moved != moved) {
            failures.add("ledger counted " + ledger.moves + " moves of " + ledger.moved + ", movers made " + moves
                    + " of " + moved);
        }
        if (notes.sum() != noted) {
            failures.add("notes hold " + notes.sum() + ", movers noted " + noted);
        }
        if (checks[0] == 0) {
            failures.add("the checker never ran");
        }
        if (!failures.isEmpty()) {
            System.out.println("FAILED: " + String.join("; ", failures));
            System.exit(2);
        }
        System.out.println("plain runs: " + moves + " moves of " + moved + " units, " + audits
                + " audits, totals whole ok");
    }

    private static boolean isDone(boolean[] done) {
        synchronized (done) {
            return done[0];
        }
    }

    private static void moveMany(Ledger ledger, Notes notes, Tally tally, int seed) {
        int x = seed;
        for (int i = 0; i < ROUNDS; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            int pick = Math.floorMod(x, 100);
            long units = 1 + Math.floorMod(x >>> 8, 7);
            if (pick < 80) {
                ledger.move(units);
                tally.moves++;
                tally.moved += units;
            } else if (pick < 94) {
                ledger.moveTwice(units);
                tally.moves += 2;
                tally.moved += 2 * units;
            } else if (pick < 95) {
                ledger.moveAndNote(units, notes);
                tally.moves++;
                tally.moved += units;
                tally.noted += units;
            } else {
                tally.audits++;
                if (ledger.total() != INITIAL) {
                    tally.tornAudits++;
                }
            }
        }
    }
}
