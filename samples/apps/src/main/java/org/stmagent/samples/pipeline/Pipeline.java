package org.stmagent.samples.pipeline;

import java.util.Locale;

import org.stmagent.samples.SampleArgs;

/**
 * Producers and consumers on one bounded buffer written with {@code synchronized},
 * {@code wait()} and {@code notifyAll()}. Producers put numbered items until the time is up;
 * then one poison pill per consumer ends the consumers. The counts and two checksums of what was
 * produced and what was consumed must match: every item consumed exactly once.
 *
 * <pre>
 * java -cp stm-sample-apps.jar org.stmagent.samples.pipeline.Pipeline [--producers P] [--consumers C] [--seconds S] [--capacity N]
 * </pre>
 */
public final class Pipeline {
    /** The item that tells a consumer to stop; real items are never negative. */
    static final long POISON_PILL = -1;

    /** Count and checksums of a stream of items; equal tallies mean the same items, with no loss or duplicate. */
    static final class Tally {
        long count;
        long sum;
        long mixedSum;

        void add(long item) {
            count++;
            sum += item;
            mixedSum += mix(item);
        }

        void add(Tally other) {
            count += other.count;
            sum += other.sum;
            mixedSum += other.mixedSum;
        }

        boolean sameAs(Tally other) {
            return count == other.count && sum == other.sum && mixedSum == other.mixedSum;
        }

        /** A bijective scramble (the SplitMix64 finaliser), so that a lost item and a duplicate rarely cancel. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d items, checksums %016x/%016x", count, sum, mixedSum);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        int half = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        SampleArgs options = SampleArgs.of("Pipeline")
                .option("producers", half, "producer threads")
                .option("consumers", half, "consumer threads")
                .option("seconds", 3, "how long the producers run")
                .option("capacity", 64, "buffer capacity")
                .parse(args);
        int producers = options.positiveInt("producers");
        int consumers = options.positiveInt("consumers");
        long nanos = options.seconds("seconds");
        int capacity = options.positiveInt("capacity");
        System.out.printf(Locale.ROOT, "Pipeline: %d producers, %d consumers, %.1f s, bounded buffer of %d,"
                + " synchronized with wait/notifyAll%n", producers, consumers, nanos / 1e9, capacity);

        BoundedBuffer buffer = new BoundedBuffer(capacity);
        Tally[] produced = new Tally[producers];
        Tally[] consumed = new Tally[consumers];
        Thread[] producerThreads = new Thread[producers];
        Thread[] consumerThreads = new Thread[consumers];
        long start = System.nanoTime();
        long deadline = start + nanos;
        for (int c = 0; c < consumers; c++) {
            Tally tally = consumed[c] = new Tally();
            consumerThreads[c] = new Thread(() -> consume(buffer, tally), "consumer-" + c);
            consumerThreads[c].start();
        }
        for (int p = 0; p < producers; p++) {
            Tally tally = produced[p] = new Tally();
            long first = (long) p << 40;
            producerThreads[p] = new Thread(() -> produce(buffer, first, deadline, tally), "producer-" + p);
            producerThreads[p].start();
        }
        for (Thread producer : producerThreads) {
            producer.join();
        }
        for (int c = 0; c < consumers; c++) {
            buffer.put(POISON_PILL);
        }
        for (Thread consumer : consumerThreads) {
            consumer.join();
        }
        double millis = (System.nanoTime() - start) / 1e6;

        Tally in = new Tally();
        Tally out = new Tally();
        for (Tally tally : produced) {
            in.add(tally);
        }
        for (Tally tally : consumed) {
            out.add(tally);
        }
        System.out.printf(Locale.ROOT, "throughput: %,.0f items/ms (%,d items in %,.0f ms)%n", in.count / millis, in.count, millis);
        System.out.println("produced: " + in);
        System.out.println("consumed: " + out);
        if (in.sameAs(out) && in.count > 0) {
            System.out.println("verified: every item produced was consumed exactly once");
            System.exit(0);
        }
        System.out.println(in.count == 0 ? "FAILED: nothing was produced"
                : "FAILED: what was consumed differs from what was produced");
        System.exit(1);
    }

    private static void produce(BoundedBuffer buffer, long first, long deadline, Tally tally) {
        long item = first;
        try {
            while ((item & 63) != 0 || System.nanoTime() < deadline) {
                buffer.put(item);
                tally.add(item);
                item++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void consume(BoundedBuffer buffer, Tally tally) {
        try {
            for (long item = buffer.take(); item != POISON_PILL; item = buffer.take()) {
                tally.add(item);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
