package org.stmagent.runtime.core;

import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

import org.stmagent.runtime.stats.Sites;

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
public final class AdaptiveSites {
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
    /**
     * Transactions in a window that rolled back or waited for another's commit to release what they
     * touched, that switch the site: one in four. Every pair of a shared counter's increments
     * conflicts, yet most of them wait rather than roll back.
     */
    static final int SWITCHING_CONTENDED = TestHooks.EAGER_PLAIN ? 1 : WINDOW / 4;
    private static final int FIRST_PROBE = TestHooks.EAGER_PLAIN ? 64 : 1 << 12;
    private static final int LAST_PROBE = TestHooks.EAGER_PLAIN ? 64 : 1 << 22;

    private static final byte TRANSACTIONS = 0;
    private static final byte PLAIN = 1;
    private static final byte NEVER = 2;

    private static volatile byte[] modes = new byte[1024];
    private static final Map<Integer, Record> RECORDS = new ConcurrentHashMap<>();
    /** The plain runs each live thread's window has not reported yet. */
    private static final Queue<Unreported> UNREPORTED = new ConcurrentLinkedQueue<>();
    /** Reports a window's last counts once its thread is gone. */
    private static final Cleaner CLEANER = Cleaner.create();

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
     * {@code ranAlone}, its last attempt was made inevitable (or serial) because of them; with
     * {@code waited}, it waited for another transaction's commit.
     */
    static void committed(Window window, int site, int rollbacks, boolean ranAlone, boolean waited) {
        int i = window.at(site);
        window.transactions[i]++;
        window.rollbacks[i] += rollbacks;
        if (ranAlone) {
            window.alone[i]++;
        }
        if (rollbacks > 0 || waited) {
            window.contended[i]++;
        }
        if (window.transactions[i] < WINDOW) {
            return;
        }
        int seen = window.rollbacks[i];
        int alone = window.alone[i];
        int contended = window.contended[i];
        window.transactions[i] = 0;
        window.rollbacks[i] = 0;
        window.alone[i] = 0;
        window.contended[i] = 0;
        if ((seen >= SWITCHING_ROLLBACKS || alone >= SWITCHING_ALONE || contended >= SWITCHING_CONTENDED)
                && mode(site) == TRANSACTIONS) {
            record(site).switched(seen, alone, contended);
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
        window.countPlainRun(i, site);
        if (mode(cause) != PLAIN) {
            return true;
        }
        Record switched = window.causeRecord(i, cause);
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
    public static String render(int top) {
        if (RECORDS.isEmpty()) {
            return "";
        }
        for (Unreported u : UNREPORTED) {
            u.reportAll(); // the live threads' last counts: read racily, at shutdown
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
                                "               switched %d times, probed %d times; last switch after %d rollbacks in %d transactions, "
                                        + "%d of them rolled back or waited for another's commit, %d run alone%n",
                                r.switches, r.probes, r.lastRollbacks, WINDOW, r.lastContended, r.lastAlone));
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
        volatile int lastContended;
        volatile String stopped;

        synchronized void switched(int rollbacks, int alone, int contended) {
            switches++;
            lastRollbacks = rollbacks;
            lastAlone = alone;
            lastContended = contended;
        }
    }

    /**
     * One thread's counts, by site, direct-mapped: a thread meets the same few sites over and over.
     * Plain runs are added to the site's record in batches: an atomic add after every plain run
     * would wait for the real lock's release to reach the other cores.
     */
    static final class Window {
        private static final int SIZE = 64;
        private static final int REPORT_EVERY = 1024;
        private final int[] sites = new int[SIZE];
        private final int[] transactions = new int[SIZE];
        private final int[] rollbacks = new int[SIZE];
        private final int[] alone = new int[SIZE];
        private final int[] contended = new int[SIZE];
        private final long[] plainRuns = new long[SIZE];
        private final Unreported plain = new Unreported();
        /** The record of the site whose switch made the monitor plain, by slot: a map look-up per plain run costs. */
        private final int[] causes = new int[SIZE];
        private final Record[] causeRecords = new Record[SIZE];

        Window() {
            Arrays.fill(sites, -1);
            Arrays.fill(causes, -1);
            Unreported counts = plain;
            UNREPORTED.add(counts);
            CLEANER.register(this, () -> {
                counts.reportAll();
                UNREPORTED.remove(counts);
            });
        }

        private int at(int site) {
            int i = site & (SIZE - 1);
            if (sites[i] != site) {
                plain.report(i);
                sites[i] = site;
                transactions[i] = 0;
                rollbacks[i] = 0;
                alone[i] = 0;
                contended[i] = 0;
                plainRuns[i] = 0;
                plain.records[i] = null;
                causes[i] = -1;
                causeRecords[i] = null;
            }
            return i;
        }

        private void countPlainRun(int i, int site) {
            if (plain.records[i] == null) {
                plain.records[i] = record(site);
            }
            if (++plain.counts[i] >= REPORT_EVERY) {
                plain.report(i);
            }
        }

        private Record causeRecord(int i, int cause) {
            if (causes[i] != cause || causeRecords[i] == null) {
                causeRecords[i] = RECORDS.get(cause);
                causes[i] = causeRecords[i] != null ? cause : -1;
            }
            return causeRecords[i];
        }
    }

    /** A window's plain runs not yet added to their sites' records, by slot. */
    private static final class Unreported {
        final long[] counts = new long[Window.SIZE];
        final Record[] records = new Record[Window.SIZE];

        void report(int i) {
            long n = counts[i];
            Record r = records[i];
            if (n > 0 && r != null) {
                counts[i] = 0;
                r.plainRuns.add(n);
            }
        }

        void reportAll() {
            for (int i = 0; i < counts.length; i++) {
                report(i);
            }
        }
    }
}
