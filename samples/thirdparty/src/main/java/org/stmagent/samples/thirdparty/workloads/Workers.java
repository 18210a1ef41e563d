package org.stmagent.samples.thirdparty.workloads;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Runs a task on several threads at once and collects what they threw. */
final class Workers {
    /** One worker's task; {@code worker} numbers the threads from 0. */
    interface Task {
        void run(int worker) throws Exception;
    }

    private Workers() {
    }

    static List<Throwable> run(int threads, Task task) throws InterruptedException {
        List<Throwable> thrown = Collections.synchronizedList(new ArrayList<>());
        List<Thread> started = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w;
            Thread t = new Thread(() -> {
                try {
                    task.run(worker);
                } catch (Throwable e) {
                    thrown.add(e);
                }
            }, "worker-" + w);
            t.start();
            started.add(t);
        }
        for (Thread t : started) {
            t.join();
        }
        for (Throwable e : thrown) {
            e.printStackTrace(System.out);
        }
        return thrown;
    }
}
