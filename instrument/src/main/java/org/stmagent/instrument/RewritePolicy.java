package org.stmagent.instrument;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What the {@link Instrumenter} does, fixed for its lifetime.
 *
 * @param monitorMode      whether {@code synchronized} becomes transactions or stays a real lock
 * @param atomicAnnotations descriptors of annotations that mark a method atomic, besides
 *                         {@code Lorg/stmagent/annotations/Atomic;} (e.g. {@code Lorg/deuce/Atomic;})
 * @param included         whether a class (internal name) is rewritten; a call into an included
 *                         class goes to its transactional twin, any other call makes the
 *                         transaction inevitable unless the callee is pure
 * @param pureMethods      extra methods that may be called inside a transaction without making it
 *                         inevitable: {@code class.method} with {@code *} within a package segment
 *                         or a name, {@code **} across segments (e.g. {@code com.acme.Util.hash},
 *                         {@code com.acme.math.**.*})
 * @param sites            numbers the sites of emitted barrier calls, for conflict reports
 * @param jdkCollections   whether calls that can reach the JDK's collections are linked at run time
 *                         to their transactional twins (see the runtime's {@code JdkTwins}) instead
 *                         of making the transaction inevitable
 */
public record RewritePolicy(MonitorMode monitorMode, Set<String> atomicAnnotations, Predicate<String> included,
        List<String> pureMethods, SiteTable sites, boolean jdkCollections) {

    /** The descriptor of the built-in atomic annotation. */
    public static final String ATOMIC = "Lorg/stmagent/annotations/Atomic;";

    public RewritePolicy {
        Objects.requireNonNull(monitorMode, "monitorMode");
        atomicAnnotations = Set.copyOf(atomicAnnotations);
        Objects.requireNonNull(included, "included");
        pureMethods = List.copyOf(pureMethods);
        Objects.requireNonNull(sites, "sites");
    }

    /**
     * Transactions for {@code synchronized}, no aliases, no extra pure methods, no site numbers, calls
     * into the JDK's collections linked to their twins.
     */
    public static RewritePolicy of(Predicate<String> included) {
        return new RewritePolicy(MonitorMode.TRANSACTION, Set.of(), included, List.of(), SiteTable.NONE, true);
    }

    public RewritePolicy withMonitorMode(MonitorMode mode) {
        return new RewritePolicy(mode, atomicAnnotations, included, pureMethods, sites, jdkCollections);
    }

    public RewritePolicy withAtomicAnnotations(Set<String> descriptors) {
        return new RewritePolicy(monitorMode, descriptors, included, pureMethods, sites, jdkCollections);
    }

    public RewritePolicy withPureMethods(List<String> patterns) {
        return new RewritePolicy(monitorMode, atomicAnnotations, included, patterns, sites, jdkCollections);
    }

    public RewritePolicy withSites(SiteTable table) {
        return new RewritePolicy(monitorMode, atomicAnnotations, included, pureMethods, table, jdkCollections);
    }

    public RewritePolicy withJdkCollections(boolean linked) {
        return new RewritePolicy(monitorMode, atomicAnnotations, included, pureMethods, sites, linked);
    }

    /** Whether {@code descriptor} names {@code @Atomic} or one of its aliases. */
    public boolean isAtomicAnnotation(String descriptor) {
        return ATOMIC.equals(descriptor) || atomicAnnotations.contains(descriptor);
    }
}
