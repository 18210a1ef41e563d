package org.stmagent.runtime.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.stmagent.runtime.Stm;
import org.stmagent.runtime.seam.Barriers;
import org.stmagent.runtime.seam.FieldAddresses;
import org.stmagent.runtime.stats.Sites;

/**
 * Privatization seen from a doomed reader. A pair whose two fields are equal while shared is
 * published through a holder; the privatizer unlinks it in a transaction, then changes the two
 * fields one after the other with plain writes (so they differ for a moment), makes them equal
 * again and links the pair back. Readers read the link and then the two fields, pausing between
 * them. A reader that read the link before the unlink committed is doomed; if it is allowed to
 * read on, it sees the fields differ: an inconsistent state no serial order explains, counted the
 * moment it is seen, whether or not the attempt later aborts.
 */
final class DoomedReadWorkload {
    static final class Pair {
        long first;
        long second;
    }

    static final class Holder {
        Pair pair = new Pair();
    }

    private static final long PAIR = FieldAddresses.instanceOffset(Holder.class, "pair");
    private static final long FIRST = FieldAddresses.instanceOffset(Pair.class, "first");
    private static final long SECOND = FieldAddresses.instanceOffset(Pair.class, "second");
    private static final int READER_PAUSE = 200;

    private final int readers;
    private final long millis;

    DoomedReadWorkload(int readers, long millis) {
        this.readers = readers;
        this.millis = millis;
    }

    /** What one run saw. */
    static final class Result {
        long privatized;
        long reads;
        /** Reads that saw the pair's two fields differ. */
        long inconsistentReads;

        @Override
        public String toString() {
            return "doomed readers: privatized=" + privatized + " reads=" + reads
                    + " inconsistentReads=" + inconsistentReads;
        }
    }

    Result run(long timeoutSeconds) {
        Holder holder = new Holder();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong privatized = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        AtomicLong inconsistent = new AtomicLong();
        long deadline = System.nanoTime() + millis * 1_000_000L;

        Workers workers = new Workers("doomed-readers");
        workers.add(readers, r -> () -> {
            while (!stop.get()) {
                Stm.atomic(() -> {
                    Segment s = Barriers.current();
                    Pair pair = (Pair) Barriers.readRef(holder, PAIR, s, Sites.UNKNOWN);
                    if (pair == null) {
                        return;
                    }
                    long first = Barriers.readLong(pair, FIRST, s, Sites.UNKNOWN);
                    for (int i = 0; i < READER_PAUSE; i++) {
                        Thread.onSpinWait();
                    }
                    if (Barriers.readLong(pair, SECOND, s, Sites.UNKNOWN) != first) {
                        inconsistent.incrementAndGet(); // seen inside the attempt: already too late
                    }
                });
                reads.incrementAndGet();
            }
        });
        workers.add(() -> {
            try {
                long round = 0;
                while (System.nanoTime() - deadline < 0) {
                    round++;
                    Pair pair = Stm.atomic(() -> {
                        Segment s = Barriers.current();
                        Pair shared = (Pair) Barriers.readRef(holder, PAIR, s, Sites.UNKNOWN);
                        Barriers.writeRef(holder, null, PAIR, s, Sites.UNKNOWN);
                        return shared;
                    });
                    // private now: plain writes, the two fields differ in between
                    pair.first = round;
                    pair.second = round;
                    Stm.atomic(() -> Barriers.writeRef(holder, pair, PAIR, Barriers.current(), Sites.UNKNOWN));
                    privatized.incrementAndGet();
                }
            } finally {
                stop.set(true);
            }
        });
        try {
            workers.run(timeoutSeconds);
        } finally {
            stop.set(true);
        }
        Result result = new Result();
        result.privatized = privatized.get();
        result.reads = reads.get();
        result.inconsistentReads = inconsistent.get();
        return result;
    }
}
