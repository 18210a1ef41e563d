package org.stmagent.samples;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Lists the samples and starts one by its short name:
 * {@code java -cp stm-sample-apps.jar org.stmagent.samples.Samples bank --threads 4}.
 */
public final class Samples {
    private static final Map<String, String[]> SAMPLES = new LinkedHashMap<>();

    static {
        SAMPLES.put("bank", new String[] {"org.stmagent.samples.bank.Bank",
            "transfers and audits under one global synchronized lock"});
        SAMPLES.put("atomic", new String[] {"org.stmagent.samples.atomic.AtomicBank",
            "the same bank with @Atomic methods (only correct under the agent)"});
        SAMPLES.put("pipeline", new String[] {"org.stmagent.samples.pipeline.Pipeline",
            "producers and consumers on a bounded buffer with wait/notifyAll"});
        SAMPLES.put("api", new String[] {"org.stmagent.samples.api.ApiBank",
            "the bank with Stm.atomic and Stm.exclusiveAtomic transactions (only correct under the agent)"});
        SAMPLES.put("inventory", new String[] {"org.stmagent.samples.collections.Inventory",
            "a HashMap of stock under one lock: JDK collections inside transactions"});
        SAMPLES.put("counting", new String[] {"org.stmagent.samples.counting.CountingBank",
            "the bank with a statistic counted inside its lock: a conflict the report points at"});
        SAMPLES.put("reservations", new String[] {"org.stmagent.samples.options.Reservations",
            "@Atomic(rollbackOnException, retries), Stm.afterAbort, RetrySafeThreadLocal (only correct under the agent)"});
        SAMPLES.put("queue", new String[] {"org.stmagent.samples.queue.QueueMap",
            "a loop over a map's entries as a TransactionQueue on 1 and 2 threads (only correct under the agent)"});
    }

    private Samples() {
    }

    public static void main(String[] args) throws Throwable {
        String[] sample = args.length == 0 ? null : SAMPLES.get(args[0]);
        if (sample == null) {
            System.err.println("usage: Samples <sample> [options]   (<sample> --help lists its options)");
            for (Map.Entry<String, String[]> entry : SAMPLES.entrySet()) {
                System.err.printf("  %-9s %s: %s%n", entry.getKey(), entry.getValue()[0], entry.getValue()[1]);
            }
            System.exit(2);
        }
        try {
            Class.forName(sample[0]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
