package programs;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The main thread joins each worker inside {@code synchronized (worker)}, as commons-collections'
 * LRUMap tests do, while the workers still run regions that call into java.util.concurrent (which
 * makes a transaction inevitable under the agent). With locks nothing waits for the joiner's
 * monitor, so the program finishes; under the agent the joiner's region blocks while inevitable, and
 * the workers must still be able to become inevitable.
 */
public final class JoinInSynchronized {
    private static final int WORKERS = 4;
    private static final int REGIONS = 2_000;

    private final Map<Integer, Integer> map = new HashMap<>();
    private final AtomicLong calls = new AtomicLong();

    void put(int worker, int i) {
        synchronized (map) {
            map.put(worker * REGIONS + i, i);
            calls.incrementAndGet();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Run.startWatchdog();
        JoinInSynchronized p = new JoinInSynchronized();
        Thread[] workers = new Thread[WORKERS];
        for (int w = 0; w < WORKERS; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                for (int i = 0; i < REGIONS; i++) {
                    p.put(worker, i);
                }
            }, "worker " + w);
            workers[w].setUncaughtExceptionHandler(Run::uncaught);
        }
        for (Thread worker : workers) {
            worker.start();
        }
        for (Thread worker : workers) {
            synchronized (worker) {
                worker.join();
            }
        }
        int total = WORKERS * REGIONS;
        Run.check(p.map.size() == total, "map holds " + p.map.size() + " entries, expected " + total);
        Run.check(p.calls.get() == total, "counted " + p.calls.get() + " calls, expected " + total);
        System.out.println("join in synchronized: " + total + " regions while joined ok");
    }
}
