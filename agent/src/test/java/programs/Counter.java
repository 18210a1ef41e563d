package programs;

/** A counter behind one lock, incremented by several threads; checks and prints the total. */
public final class Counter {
    private static final int THREADS = 4;
    private static final int INCREMENTS = 20_000;

    private long value;

    public static void main(String[] args) throws InterruptedException {
        Counter counter = new Counter();
        Thread[] threads = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < INCREMENTS; i++) {
                    counter.increment();
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long expected = (long) THREADS * INCREMENTS;
        long actual = counter.get();
        System.out.println("total " + actual + (actual == expected ? " ok" : " WRONG, expected " + expected));
        if (actual != expected) {
            System.exit(2);
        }
    }

    synchronized void increment() {
        value++;
    }

    synchronized long get() {
        return value;
    }
}
