package programs;

/**
 * A conflict at known lines: a writer increments {@code hot} in short regions while a reader reads
 * it at the start of long regions, so the reader's attempts are overwritten and retried. Every
 * hundredth write region also flushes standard output, an irrevocable call that makes it inevitable.
 * The lines the report must name are marked with comments the test looks for.
 */
public final class KnownConflict {
    private static final long RUN_NANOS = 1_000_000_000L;

    private long hot;
    private long cold;
    private long flushes;

    public static void main(String[] args) throws InterruptedException {
        KnownConflict c = new KnownConflict();
        long end = System.nanoTime() + RUN_NANOS;
        Thread writer = new Thread(() -> {
            for (int i = 0; System.nanoTime() < end; i++) {
                if (i % 100 == 0) {
                    c.bumpAndFlush();
                } else {
                    c.bump();
                }
            }
        }, "writer");
        Thread reader = new Thread(() -> {
            while (System.nanoTime() < end) {
                c.look();
            }
        }, "reader");
        writer.start();
        reader.start();
        writer.join();
        reader.join();
        System.out.println("flushes " + c.flushCount());
    }

    synchronized void bump() {
        hot++; // the winning write
    }

    synchronized void bumpAndFlush() {
        hot++;
        flushes++;
        System.out.flush(); // the irrevocable call
    }

    synchronized void look() {
        long seen = hot; // the losing read
        long mix = seen;
        for (int i = 0; i < 20_000; i++) { // long enough for the writer to commit meanwhile
            mix = mix * 6364136223846793005L + 1442695040888963407L;
        }
        cold = mix;
    }

    synchronized long flushCount() {
        return flushes;
    }
}
