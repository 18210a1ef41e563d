package programs;

/**
 * Several producers and consumers on a bounded buffer with {@code wait}/{@code notifyAll}: every
 * item is taken exactly once (count and sum), the buffer never over- or underflows. Some takes run
 * inside an outer {@code synchronized} on the same buffer (wait while the lock is held twice).
 */
public final class BoundedBuffer {
    private static final int PRODUCERS = 3;
    private static final int CONSUMERS = 3;
    private static final int ITEMS = 4_000;
    private static final int CAPACITY = 4;
    private static final long POISON = -1;

    private final long[] items = new long[CAPACITY];
    private int head;
    private int count;
    private int producersDone;

    synchronized void put(long item) throws InterruptedException {
        while (count == CAPACITY) {
            wait();
        }
        Run.check(count < CAPACITY, "put into a full buffer");
        items[(head + count) % CAPACITY] = item;
        count++;
        notifyAll();
    }

    synchronized long take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        Run.check(count > 0, "take from an empty buffer");
        long item = items[head];
        head = (head + 1) % CAPACITY;
        count--;
        notifyAll();
        return item;
    }

    public static void main(String[] args) {
        Run.startWatchdog();
        BoundedBuffer buffer = new BoundedBuffer();
        long[] taken = new long[CONSUMERS];
        long[] sums = new long[CONSUMERS];
        Run.threads(PRODUCERS + CONSUMERS, t -> {
            try {
                if (t < PRODUCERS) {
                    for (int i = 1; i <= ITEMS; i++) {
                        buffer.put(i);
                    }
                    boolean last;
                    synchronized (buffer) {
                        last = ++buffer.producersDone == PRODUCERS;
                    }
                    if (last) { // every item is queued ahead of the poison
                        for (int c = 0; c < CONSUMERS; c++) {
                            buffer.put(POISON);
                        }
                    }
                    return;
                }
                int c = t - PRODUCERS;
                long n = 0;
                long sum = 0;
                for (int i = 0; ; i++) {
                    long item;
                    if (i % 3 == 0) {
                        synchronized (buffer) {
                            item = buffer.take();
                        }
                    } else {
                        item = buffer.take();
                    }
                    if (item == POISON) {
                        break;
                    }
                    n++;
                    sum += item;
                }
                taken[c] = n;
                sums[c] = sum;
            } catch (InterruptedException e) {
                Run.fail("interrupted");
            }
        });
        long n = 0;
        long sum = 0;
        for (int c = 0; c < CONSUMERS; c++) {
            n += taken[c];
            sum += sums[c];
        }
        Run.check(buffer.count == 0, buffer.count + " items left over");
        long expectedN = (long) PRODUCERS * ITEMS;
        long expectedSum = PRODUCERS * ((long) ITEMS * (ITEMS + 1) / 2);
        Run.check(n == expectedN && sum == expectedSum,
                "took " + n + " items summing to " + sum + ", expected " + expectedN + " and " + expectedSum);
        System.out.println("bounded buffer: " + n + " items, sum " + sum + " ok");
    }
}
