package org.stmagent.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which {@code synchronized} methods run under their real lock instead of as transactions. A method
 * whose transactions keep rolling back (every call conflicts with every other, as on one shared
 * counter) gains nothing from running optimistically and pays for each retry; such a site is
 * switched to plain mode: its original code runs under the real monitor, and transactions keep
 * away from the monitor ({@link PlainMonitors}). A thread that has run a switched site
 * {@link #probeInterval} times switches it back, to see whether transactions do better now; each
 * switch after a probe doubles the interval. A site whose transactions did something a plain run
 * could not join (made themselves inevitable for an irrevocable call, waited or notified, entered
 * another monitor) is never switched.
 *
 * <p>Decisions are made by each thread from its own counts ({@link Window}): the only shared
 * writes are the rare switches.
 */
final class AdaptiveSites {
    /** Whether sites may be switched at all ({@code stm.adaptive}, default true). */
    static final boolean ENABLED = !"false".equals(System.getProperty("stm.adaptive"));
    /** Transactions a thread counts at a site before it judges it. */
    static final int WINDOW = TestHooks.EAGER_PLAIN ? 4 : 32;
    /** Rollbacks in a window that switch the site: one per transaction on average. */
    static final int SWITCHING_ROLLBACKS = TestHooks.EAGER_PLAIN ? 1 : WINDOW;
    /**
     * Transactions in a window that the runtime had to run inevitable or alone after rollbacks
     * (which holds up every other transaction) that switch the site: one in four.
     */
    static final int SWITCHING_ALONE = TestHooks.EAGER_PLAIN ? 1 : WINDOW / 4;
    private static final int FIRST_PROBE = TestHooks.EAGER_PLAIN ? 64 : 1 << 12;
    private static final int LAST_PROBE = TestHooks.EAGER_PLAIN ? 64 : 1 << 22;

    private static final byte TRANSACTIONS = 0;
    private static final byte PLAIN = 1;
    private static final byte NEVER = 2;

    private static volatile byte[] modes = new byte[1024];
    private static final Map<Integer, Record> RECORDS = new ConcurrentHashMap<>();

    private AdaptiveSites() {
    }

    /** Whether {@code site} may run plainly: it never did what a plain run cannot join. */
    static boolean mayRunPlain(int site) {
        return mode(site) != NEVER;
    }

    static boolean runsPlain(int site) {
        byte[] m = modes;
        return site < m.length && m[site] == PLAIN;
    }

    /**
     * A transaction of {@code site} committed after {@code rollbacks} rolled-back attempts; with
     * {@code ranAlone}, its last attempt was made inevitable (or serial) because of them.
     */
    static void committed(Window window, int site, int rollbacks, boolean ranAlone) {
        int i = window.at(site);
        window.transactions[i]++;
        window.rollbacks[i] += rollbacks;
        if (ranAlone) {
            window.alone[i]++;
        }
        if (window.transactions[i] < WINDOW) {
            return;
        }
        int seen = window.rollbacks[i];
        int alone = window.alone[i];
        window.transactions[i] = 0;
        window.rollbacks[i] = 0;
        window.alone[i] = 0;
        if ((seen >= SWITCHING_ROLLBACKS || alone >= SWITCHING_ALONE) && mode(site) == TRANSACTIONS) {
            record(site).switched(seen, alone);
            setMode(site, PLAIN, TRANSACTIONS);
        }
    }

    /** {@code site}'s transactions did what a plain run cannot join: never switch it (again). */
    static void neverPlain(int site, String why) {
        if (mode(site) != NEVER) {
            setMode(site, NEVER, mode(site));
            Record r = RECORDS.get(site);
            if (r != null) {
                r.stopped = why;
            }
        }
    }

    /**
     * A plain run of {@code site} ended; the monitor is plain because {@code cause} was switched.
     * Returns whether the caller should switch the monitor back to transactions: {@code cause} is
     * no longer switched, or this thread's runs since its last probe reached the probe interval.
     */
    static boolean plainRunEnded(Window window, int site, int cause) {
        int i = window.at(site);
        long runs = ++window.plainRuns[i];
        Record own = window.records[i];
        if (own == null) {
            own = window.records[i] = record(site);
        }
        own.plainRuns.increment();
        if (mode(cause) != PLAIN) {
            return true;
        }
        Record switched = RECORDS.get(cause);
        if (switched != null && runs >= probeInterval(switched.switches)) {
            window.plainRuns[i] = 0;
            switched.probes++;
            setMode(cause, TRANSACTIONS, PLAIN);
            return true;
        }
        return false;
    }

    static int probeInterval(int switches) {
        return (int) Math.min(LAST_PROBE, (long) FIRST_PROBE << Math.min(20, Math.max(0, switches - 1)));
    }

    private static byte mode(int site) {
        byte[] m = modes;
        return site < m.length ? m[site] : TRANSACTIONS;
    }

    private static synchronized void setMode(int site, byte mode, byte expected) {
        byte[] m = modes;
        if (site >= m.length) {
            m = Arrays.copyOf(m, Math.max(site + 1, m.length * 2));
        }
        if (m[site] == expected) {
            m[site] = mode;
        }
        modes = m; // republished: readers of the array see the change
    }

    private static Record record(int site) {
        return RECORDS.computeIfAbsent(site, s -> new Record());
    }

    /** The report's section: each site switched, how often, why, and how many runs were plain. */
    static String render(int top) {
        if (RECORDS.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "regions run under their real lock (as transactions they rolled back too often): %d sites%n", RECORDS.size()));
        RECORDS.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().plainRuns.sum(), a.getValue().plainRuns.sum()))
                .limit(top)
                .forEach(e -> {
                    Record r = e.getValue();
                    out.append(String.format(Locale.ROOT, "  %,12d plain runs  %s%n", r.plainRuns.sum(),
                            Sites.get(e.getKey()).describe()));
                    if (r.switches > 0) {
                        out.append(String.format(Locale.ROOT,
                                "               switched %d times, probed %d times; last switch after %d rollbacks in %d transactions, %d of them run alone%n",
                                r.switches, r.probes, r.lastRollbacks, WINDOW, r.lastAlone));
                    } else {
                        out.append("               run plainly inside its monitor's plain mode, switched by another site\n");
                    }
                    if (r.stopped != null) {
                        out.append("               no longer switched: its transactions ").append(r.stopped).append('\n');
                    }
                });
        return out.toString();
    }

    /** What the report says about one site; written rarely, read at shutdown. */
    private static final class Record {
        final LongAdder plainRuns = new LongAdder();
        volatile int switches;
        volatile int probes;
        volatile int lastRollbacks;
        volatile int lastAlone;
        volatile String stopped;

        synchronized void switched(int rollbacks, int alone) {
            switches++;
            lastRollbacks = rollbacks;
            lastAlone = alone;
        }
    }

    /** One thread's counts, by site, direct-mapped: a thread meets the same few sites over and over. */
    static final class Window {
        private static final int SIZE = 64;
        private final int[] sites = new int[SIZE];
        private final int[] transactions = new int[SIZE];
        private final int[] rollbacks = new int[SIZE];
        private final int[] alone = new int[SIZE];
        private final long[] plainRuns = new long[SIZE];
        private final Record[] records = new Record[SIZE];

        Window() {
            Arrays.fill(sites, -1);
        }

        private int at(int site) {
            int i = site & (SIZE - 1);
            if (sites[i] != site) {
                sites[i] = site;
                transactions[i] = 0;
                rollbacks[i] = 0;
                alone[i] = 0;
                plainRuns[i] = 0;
                records[i] = null;
            }
            return i;
        }
    }
}
