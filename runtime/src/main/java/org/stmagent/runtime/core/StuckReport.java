package org.stmagent.runtime.core;

import java.math.BigDecimal;
import java.util.Locale;

import org.stmagent.runtime.stats.Sites;

/**
 * The {@link Watchdog}'s text for one stuck transaction or wait: one block on standard error, its
 * first line prefixed {@value #PREFIX}, naming the thread, what it waits for or how many attempts
 * it made and for how long, the inevitable transaction's thread and site, both stacks, and one line
 * of what to do. The settings it is given are those its advice names.
 */
record StuckReport(long thresholdNanos, int inevitableAfter, int segmentLimit) {
    static final String PREFIX = "stm-agent watchdog: ";
    private static final int FRAMES = 16;
    private static final String NL = System.lineSeparator();

    String render(Stuck stuck, long now) {
        StringBuilder out = new StringBuilder(PREFIX).append("thread ").append(name(stuck.thread()))
                .append(' ').append(what(stuck, now)).append(NL);
        Thread holder = stuck.holder();
        if (stuck.kind() == Stuck.Kind.TOKEN || stuck.kind() == Stuck.Kind.LOCATION) {
            out.append(holder == null ? "  no inevitable transaction is running now"
                    : "  the inevitable transaction is thread " + name(holder) + " (" + holder.getState() + ")"
                            + inevitableFor(stuck.site())).append(NL);
        } else if (stuck.kind() == Stuck.Kind.SEGMENT && holder != null) {
            out.append("  the oldest transaction holding a segment is thread ").append(name(holder)).append(" (")
                    .append(holder.getState()).append(')').append(NL);
        }
        stack(out, stuck.thread());
        if (holder != null && holder != stuck.thread()) {
            stack(out, holder);
        }
        out.append("  what to do: ").append(advice(stuck)).append(NL);
        return out.toString();
    }

    private String what(Stuck stuck, long now) {
        String time = seconds(now - stuck.since());
        switch (stuck.kind()) {
            case TOKEN:
                return "has waited " + time + " for the inevitable token (attempt " + stuck.attempts()
                        + " of its transaction)";
            case LOCATION:
                return "has waited " + time + " for a location the inevitable transaction holds (attempt "
                        + stuck.attempts() + " of its transaction)";
            case SEGMENT:
                return "has waited " + time + " for a free segment (segments=" + segmentLimit + ", and "
                        + SegmentPool.EXTRA_SLOTS + " more for starved threads, are all taken)";
            default:
                String attempt = stuck.attempts() == 1 ? "in its first attempt"
                        : "in attempt " + stuck.attempts() + " (" + (stuck.attempts() - 1) + " rolled back)";
                return "has run one transaction for " + time + ", " + attempt + ", "
                        + (stuck.inevitable() ? "inevitable" + inevitableFor(stuck.site()) : "optimistic");
        }
    }

    private String advice(Stuck stuck) {
        String exclude = excludeAdvice(stuck);
        switch (stuck.kind()) {
            case TOKEN:
            case LOCATION:
                String retry = stuck.site() == Sites.AFTER_ABORTS
                        ? "; it became inevitable after inevitableAfter=" + inevitableAfter
                                + " rolled-back attempts: raising inevitableAfter makes that rarer"
                        : "";
                return "the inevitable transaction does not end while this thread waits for it; if its region "
                        + "waits for another thread (a loop on a flag, a handshake), " + exclude
                        + " (or monitors=lock, for every synchronized region)" + retry;
            case SEGMENT:
                return "every segment is held by a transaction that does not end; if their regions wait for other "
                        + "threads, " + exclude + "; else raise segments (now segments=" + segmentLimit + ")";
            default:
                if (stuck.attempts() > 1 && !stuck.inevitable()) {
                    return "its attempts keep rolling back: lower inevitableAfter (now inevitableAfter=" + inevitableAfter
                            + ") so that it runs inevitable sooner, or " + exclude;
                }
                return "if it waits for another thread (a loop on a flag, a handshake), " + exclude
                        + "; if it only computes for this long, raise watchdog (now watchdog="
                        + BigDecimal.valueOf(thresholdNanos / 1_000_000, 3).stripTrailingZeros().toPlainString() + ")";
        }
    }

    /** Advice to take the class of the transaction in question out of the rewriting. */
    private static String excludeAdvice(Stuck stuck) {
        Thread thread = stuck.holder() != null ? stuck.holder() : stuck.thread();
        String programClass = programClass(stuck.site(), thread);
        String option = programClass == null ? "exclude=<its class>" : "exclude=" + programClass;
        return "run its class under its real locks with " + option;
    }

    /**
     * The class named by the site, else the innermost class on the stack, that is neither the
     * runtime's nor the JDK's (a site registered by {@code Stm.becomeInevitable} names the API).
     */
    private static String programClass(int site, Thread thread) {
        String named = Sites.get(site).className();
        if (isProgramClass(named)) {
            return named;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (isProgramClass(frame.getClassName())) {
                return frame.getClassName();
            }
        }
        return null;
    }

    private static boolean isProgramClass(String name) {
        return !name.isEmpty() && !name.startsWith("org.stmagent.") && !name.startsWith("java.")
                && !name.startsWith("jdk.") && !name.startsWith("sun.");
    }

    private static String inevitableFor(int site) {
        return site == Sites.UNKNOWN ? "" : " for " + Sites.get(site).describe();
    }

    private static void stack(StringBuilder out, Thread thread) {
        StackTraceElement[] frames = thread.getStackTrace();
        out.append("  ").append(name(thread)).append(" (").append(thread.getState()).append("):").append(NL);
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            out.append("    at ").append(frames[i]).append(NL);
        }
        if (frames.length > FRAMES) {
            out.append("    ... ").append(frames.length - FRAMES).append(" more").append(NL);
        }
    }

    private static String name(Thread thread) {
        return '"' + thread.getName() + '"';
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
