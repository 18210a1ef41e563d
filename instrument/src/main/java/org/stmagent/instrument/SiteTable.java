package org.stmagent.instrument;

/**
 * Numbers the source sites of the barrier calls the rewriter emits, for conflict reports: each
 * rewritten field or array access and each call that makes a transaction inevitable passes its
 * site's number to the runtime. The agent registers sites with the runtime's table;
 * {@link #NONE} numbers every site 0 (unknown).
 */
@FunctionalInterface
public interface SiteTable {
    /** Every site is unknown. */
    SiteTable NONE = (className, method, sourceFile, line, access, location) -> 0;

    /**
     * The number of a site.
     *
     * @param className  the class's internal name
     * @param method     the method's name in the source
     * @param sourceFile the class's source file attribute, or {@code null}
     * @param line       the line from the method's line number table, or -1
     * @param access     what the code does there, e.g. {@code read balance}
     * @param location   what a field or array access touches, named as conflict reports name it
     *                   ({@code com.acme.Bank$Account.balance}, {@code static com.acme.Ids.next},
     *                   {@code long[] element}), or {@code null} for a call
     */
    int siteOf(String className, String method, String sourceFile, int line, String access, String location);
}
