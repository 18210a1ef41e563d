package org.stmagent.benchmarks.suite;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;

/**
 * A diagnostic beside the JMH suite: the processor time one operation of a workload costs each
 * thread, from the threads' own CPU clocks. On a shared machine a thread's CPU time hardly moves
 * when other processes take the cores (its wall-clock throughput does), so two builds of the agent
 * can be compared while the machine is busy. It is no substitute for the suite: time a thread spends
 * descheduled while another spins for it is not counted, and cache effects of other processes are.
 *
 * <pre>
 * java [-javaagent:agent/target/stm-agent.jar=include=org.stmagent.benchmarks.workload.**,report=none] \
 *     -cp samples/benchmarks/target/benchmarks.jar org.stmagent.benchmarks.suite.CpuTimePerOperation \
 *     WORKLOAD VARIANT [OPERATIONS_PER_ROUND [ROUNDS [THREADS]]]
 * </pre>
 *
 * Prints the median over every thread's rounds of CPU nanoseconds per operation, then each round's
 * figure in ascending order (the first rounds include the JIT's warm-up).
 */
public final class CpuTimePerOperation {
    private CpuTimePerOperation() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CpuTimePerOperation WORKLOAD VARIANT [OPERATIONS_PER_ROUND [ROUNDS [THREADS]]]");
            System.exit(2);
        }
        String workload = args[0];
        Variant variant = Variant.of(args[1]);
        int operations = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Workload running = Workloads.create(workload, variant, threads);
        double[] perOperation = measure(running, operations, rounds, threads);
        running.verify();
        Arrays.sort(perOperation);
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s %s, %d thread(s): %.1f CPU ns per operation (median of %d rounds of %,d operations); rounds:",
                workload, variant.id(), threads, perOperation[perOperation.length / 2], perOperation.length, operations));
        for (double round : perOperation) {
            line.append(String.format(Locale.ROOT, " %.0f", round));
        }
        System.out.println(line);
    }

    /** Each thread's CPU ns per operation in each round; the threads start every round together. */
    private static double[] measure(Workload running, int operations, int rounds, int threads) throws Exception {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] perOperation = new double[threads * rounds];
        CyclicBarrier together = new CyclicBarrier(threads);
        Thread[] workers = new Thread[threads];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = new Thread(() -> {
                Worker worker = new Worker(index);
                long sink = 0;
                try {
                    for (int round = 0; round < rounds; round++) {
                        together.await();
                        long start = cpu.getCurrentThreadCpuTime();
                        for (int i = 0; i < operations; i++) {
                            sink += running.operate(worker);
                        }
                        perOperation[index * rounds + round] =
                                (cpu.getCurrentThreadCpuTime() - start) / (double) operations;
                    }
                } catch (Exception e) {
                    failure[0] = e;
                }
                if (sink == Long.MIN_VALUE) {
                    System.out.print(""); // keeps the operations' results alive
                }
            }, "worker-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure[0] != null) {
            throw new IllegalStateException("a worker failed", failure[0]);
        }
        return perOperation;
    }
}
