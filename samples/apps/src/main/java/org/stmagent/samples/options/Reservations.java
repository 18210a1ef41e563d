package org.stmagent.samples.options;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.stmagent.annotations.Atomic;
import org.stmagent.runtime.RetryLimitExceededException;
import org.stmagent.runtime.RetrySafeThreadLocal;
import org.stmagent.runtime.Stm;
import org.stmagent.samples.SampleArgs;

/**
 * Seat reservations with the options of {@code @Atomic} and the runtime's retry helpers. Threads book
 * groups of adjacent seats at random places: a booking takes all its seats or none (failure atomicity: a taken seat
 * throws, and the seats already marked are rolled back), gives up after a few retries under
 * contention (a retry limit), counts its own bookings in a thread-local that a rolled-back attempt
 * does not advance, counts rolled-back attempts with an abort callback and confirmed bookings with
 * a commit callback, and stamps each booking with the time, a clock read that does not make the
 * transaction inevitable. At the end it checks that every taken seat belongs to a booking that got
 * all its seats, that each booking was confirmed once, and that every stamp lies within the run.
 *
 * <pre>
 * java -javaagent:stm-agent.jar=include=org.stmagent.samples.** -cp stm-sample-apps.jar \
 *     org.stmagent.samples.options.Reservations [--threads N] [--seats S] [--group G] [--seconds T]
 * </pre>
 *
 * Only correct under the agent: without it the annotations do nothing and the threads race.
 */
public final class Reservations {
    private final int[] holder; // booking number + 1 per seat, 0 when free
    private final int[] bookingSize;
    private final long[] bookedAt;
    private int bookings;

    private static final RetrySafeThreadLocal<Integer> BOOKED_BY_THIS_THREAD = RetrySafeThreadLocal.withInitialValue(() -> 0);
    private final AtomicLong rolledBackAttempts = new AtomicLong();
    private final AtomicLong confirmations = new AtomicLong();

    private Reservations(int seats, int maxBookings) {
        holder = new int[seats];
        bookingSize = new int[maxBookings];
        bookedAt = new long[maxBookings];
    }

    /** Thrown when a seat of the group is already taken: the whole booking is rolled back. */
    static final class SeatTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SeatTaken(int seat) {
            super("seat " + seat + " is taken", null, false, false);
        }
    }

    /**
     * Takes every seat of the group, or none: an exception leaving the method rolls it back. Gives
     * up with {@link RetryLimitExceededException} after 3 retries.
     */
    @Atomic(rollbackOnException = true, retries = 3)
    int book(int[] seats) {
        Stm.afterAbort(rolledBackAttempts::incrementAndGet);
        int booking = bookings++;
        for (int seat : seats) {
            if (holder[seat] != 0) {
                throw new SeatTaken(seat);
            }
            holder[seat] = booking + 1;
        }
        bookingSize[booking] = seats.length;
        bookedAt[booking] = System.currentTimeMillis(); // a clock read: pure, the booking stays optimistic
        BOOKED_BY_THIS_THREAD.set(BOOKED_BY_THIS_THREAD.get() + 1);
        Stm.afterCommit(confirmations::incrementAndGet); // once per booking made, never for a rolled-back one
        return booking;
    }

    /** Whether an {@code @Atomic} method runs in a transaction (it does, under the agent). */
    @Atomic
    boolean insideATransaction() {
        return Stm.inTransaction();
    }

    public static void main(String[] args) throws InterruptedException {
        SampleArgs options = SampleArgs.of("Reservations")
                .option("threads", Runtime.getRuntime().availableProcessors(), "threads booking")
                .option("seats", 1_000_000, "seats in the theatre")
                .option("group", 4, "adjacent seats per booking")
                .option("seconds", 2, "how long the threads book")
                .parse(args);
        int threads = options.positiveInt("threads");
        int seats = options.positiveInt("seats");
        int group = options.positiveInt("group");
        long nanos = options.seconds("seconds");
        Reservations theatre = new Reservations(seats, seats);
        long startMillis = System.currentTimeMillis();
        long[][] outcomes = new long[threads][]; // booked, refused, gave up, counted by the thread-local
        Thread[] workers = new Thread[threads];
        long end = System.nanoTime() + nanos;
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> outcomes[id] = theatre.bookUntil(end, group, id), "booking-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long booked = 0;
        long refused = 0;
        long gaveUp = 0;
        long counted = 0;
        for (long[] o : outcomes) {
            booked += o[0];
            refused += o[1];
            gaveUp += o[2];
            counted += o[3];
        }
        System.out.printf(Locale.ROOT, "Reservations: %,d seats, %d threads, groups of %d%n", seats, threads, group);
        System.out.printf(Locale.ROOT, "bookings: %,d made, %,d refused (a seat taken), %,d given up after 3 retries%n",
                booked, refused, gaveUp);
        System.out.printf(Locale.ROOT, "rolled-back attempts (counted by Stm.afterAbort): %,d%n",
                theatre.rolledBackAttempts.get());
        System.out.printf(Locale.ROOT, "confirmations (counted by Stm.afterCommit): %,d%n", theatre.confirmations.get());
        System.out.printf(Locale.ROOT, "Stm.inTransaction(): %b in an @Atomic method, %b outside%n",
                theatre.insideATransaction(), Stm.inTransaction());
        String problem = theatre.check(booked, counted, startMillis, System.currentTimeMillis());
        if (problem != null) {
            System.out.println("FAILED: " + problem);
            System.exit(1);
        }
        System.out.println("verified: every taken seat belongs to a whole booking; each thread counted its own bookings once");
        System.out.println("verified: each booking confirmed once and stamped within the run");
    }

    /** Books random groups until {@code end}; returns booked, refused, gave up, and the thread-local count. */
    private long[] bookUntil(long end, int group, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] outcome = new long[4];
        while (System.nanoTime() < end) {
            int first = random.nextInt(holder.length - group + 1);
            int[] seats = new int[group]; // side by side
            for (int i = 0; i < group; i++) {
                seats[i] = first + i;
            }
            try {
                book(seats);
                outcome[0]++;
            } catch (SeatTaken e) {
                outcome[1]++;
            } catch (RetryLimitExceededException e) {
                outcome[2]++;
            }
        }
        outcome[3] = BOOKED_BY_THIS_THREAD.get();
        return outcome;
    }

    /**
     * Null when the seats, the bookings, the thread-local counts, the confirmations and the time
     * stamps agree; otherwise what is wrong.
     */
    private synchronized String check(long booked, long counted, long startMillis, long endMillis) {
        int[] seatsHeld = new int[bookings];
        for (int h : holder) {
            if (h != 0) {
                seatsHeld[h - 1]++;
            }
        }
        long made = 0;
        for (int b = 0; b < bookings; b++) {
            if (bookingSize[b] != 0) {
                made++;
            }
            if (seatsHeld[b] != bookingSize[b]) {
                return "booking " + b + " holds " + seatsHeld[b] + " seats, made with " + bookingSize[b];
            }
            if (bookingSize[b] != 0 && (bookedAt[b] < startMillis || bookedAt[b] > endMillis)) {
                return "booking " + b + " is stamped " + bookedAt[b] + ", outside the run";
            }
        }
        if (made != booked) {
            return made + " bookings recorded, " + booked + " reported";
        }
        if (counted != booked) {
            return "the threads' own counts add up to " + counted + ", not " + booked;
        }
        if (confirmations.get() != booked) {
            return confirmations.get() + " confirmations for " + booked + " bookings";
        }
        return null;
    }
}
