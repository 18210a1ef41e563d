package org.stmagent.runtime.core;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.seam.FieldAddresses;
import org.stmagent.runtime.stats.Sites;

/**
 * The opacity checker: writers keep {@code x + y == 0} for every {@link Pair} (moving an amount from
 * one field to the other in one transaction); readers read each pair's {@code x}, pause, read its
 * {@code y}, and check the sum inside the transaction body on every attempt, including attempts that
 * will abort. Any non-zero sum is a torn snapshot that a running transaction saw: an opacity
 * violation, counted in a plain {@link AtomicLong} that rollback cannot touch.
 *
 * <p>Shared by {@link OpacityTest} and the child-JVM check of {@link ValidationCheckMain}.
 */
final class OpacityWorkload {
    /** A pair of instance fields accessed only through the field barriers. */
    static final class Pair {
        long x;
        long y;
    }

    static final long X = FieldAddresses.instanceOffset(Pair.class, "x");
    static final long Y = FieldAddresses.instanceOffset(Pair.class, "y");

    final int pairs;
    final int writers;
    final int readers;
    final int readsPerReader;
    final int pauseSpins;
    final long maxMillis;

    /**
     * @param pauseSpins how long a reader waits between reading {@code x} and {@code y}, widening the
     *                   window in which a writer can commit
     * @param maxMillis  readers stop early after this long
     */
    OpacityWorkload(int pairs, int writers, int readers, int readsPerReader, int pauseSpins, long maxMillis) {
        this.pairs = pairs;
        this.writers = writers;
        this.readers = readers;
        this.readsPerReader = readsPerReader;
        this.pauseSpins = pauseSpins;
        this.maxMillis = maxMillis;
    }

    /** What one run saw. */
    static final class Result {
        long readerAttempts;
        long readerCommits;
        long writerCommits;
        /** Reader attempts that saw some pair with {@code x + y != 0}. */
        long violations;
        /** Pairs not summing to zero after the run. */
        long brokenPairsAtEnd;

        long allViolations() {
            return violations + brokenPairsAtEnd;
        }

        @Override
        public String toString() {
            return "opacity: readerAttempts=" + readerAttempts + " readerCommits=" + readerCommits
                    + " writerCommits=" + writerCommits + " violations=" + violations
                    + " brokenPairsAtEnd=" + brokenPairsAtEnd;
        }
    }

    Result run(long timeoutSeconds) {
        Pair[] data = new Pair[pairs];
        for (int i = 0; i < pairs; i++) {
            data[i] = new Pair();
        }
        AtomicLong attempts = new AtomicLong();
        AtomicLong readerCommits = new AtomicLong();
        AtomicLong writerCommits = new AtomicLong();
        AtomicLong violations = new AtomicLong();
        AtomicLong readersRunning = new AtomicLong(readers);
        AtomicBoolean stop = new AtomicBoolean();
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;

        Workers workers = new Workers("opacity");
        workers.add(writers, w -> () -> {
            SplittableRandom random = new SplittableRandom(1000L + w);
            while (readersRunning.get() > 0 && !stop.get()) {
                Pair p = data[random.nextInt(pairs)];
                long delta = 1 + random.nextInt(1_000);
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    long x = Barriers.readLong(p, X, s, Sites.UNKNOWN);
                    Barriers.writeLong(p, x + delta, X, s, Sites.UNKNOWN);
                    long y = Barriers.readLong(p, Y, s, Sites.UNKNOWN);
                    Barriers.writeLong(p, y - delta, Y, s, Sites.UNKNOWN);
                });
                writerCommits.incrementAndGet();
            }
        });
        workers.add(readers, r -> () -> {
            try {
                for (int i = 0; i < readsPerReader && !stop.get(); i++) {
                    Stm.atomic(() -> {
                        attempts.incrementAndGet();
                        Segment s = Barriers.current();
                        boolean torn = false;
                        for (Pair p : data) {
                            long x = Barriers.readLong(p, X, s, Sites.UNKNOWN);
                            pause();
                            long y = Barriers.readLong(p, Y, s, Sites.UNKNOWN);
                            if (x + y != 0) {
                                torn = true;
                            }
                        }
                        if (torn) {
                            violations.incrementAndGet();
                        }
                    });
                    readerCommits.incrementAndGet();
                    if ((i & 63) == 0 && System.nanoTime() - deadline > 0) {
                        break;
                    }
                }
            } finally {
                readersRunning.decrementAndGet();
            }
        });
        try {
            workers.run(timeoutSeconds);
        } finally {
            stop.set(true);
        }

        Result result = new Result();
        result.readerAttempts = attempts.get();
        result.readerCommits = readerCommits.get();
        result.writerCommits = writerCommits.get();
        result.violations = violations.get();
        for (Pair p : data) {
            if (p.x + p.y != 0) {
                result.brokenPairsAtEnd++;
            }
        }
        return result;
    }

    private void pause() {
        for (int i = 0; i < pauseSpins; i++) {
            Thread.onSpinWait();
        }
    }
}
