package org.stmagent.samples.pipeline;

/**
 * A first-in first-out buffer of {@code long}s with a fixed capacity, guarded by its own monitor:
 * {@link #put} waits while it is full, {@link #take} waits while it is empty, and each wakes the
 * other side with {@code notifyAll()}.
 */
final class BoundedBuffer {
    private final long[] items;
    private int head;
    private int count;

    BoundedBuffer(int capacity) {
        items = new long[capacity];
    }

    synchronized void put(long item) throws InterruptedException {
        while (count == items.length) {
            wait();
        }
        int tail = head + count;
        items[tail < items.length ? tail : tail - items.length] = item;
        count++;
        notifyAll();
    }

    synchronized long take() throws InterruptedException {
        while (count == 0) {
            wait();
        }
        long item = items[head];
        head = head + 1 == items.length ? 0 : head + 1;
        count--;
        notifyAll();
        return item;
    }
}
