package org.stmagent.runtime.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.stmagent.runtime.seam.SeamNames;

/**
 * The source sites of barrier calls, for the conflict report. The rewriter registers each field or
 * array access and each irrevocable call it rewrites, with the class, method and line from the
 * class's debug information, and passes the returned id to the barrier as a constant; the runtime
 * keeps the id of the access a conflict happened at, and this table turns it back into a name at
 * report time. Site 0 is unknown; a few more stand for the runtime's own reasons to go inevitable.
 */
public final class Sites {
    /** No site known: code rewritten without sites, or a location reached by the runtime itself. */
    public static final int UNKNOWN = 0;
    public static final int AFTER_ABORTS = 1;
    public static final int LARGE_ATTEMPT = 2;
    public static final int AFTER_WAIT = 3;
    public static final int LARGE_ATTEMPT_LOCKING = 4;
    public static final int MONITOR = 5;
    public static final int LARGE_READ_ONLY = 6;

    /** The rewriter's prefix for the transactional twin of a method: a twin's frame names the original. */
    private static final String TWIN_PREFIX = SeamNames.MEMBER_PREFIX;

    private static final List<Site> SITES = new ArrayList<>();
    private static final Map<Site, Integer> IDS = new HashMap<>();
    /** By id: whether the site is in a JDK class (a collection's twin), read without the lock. */
    private static volatile boolean[] inJdk = new boolean[1024];

    static {
        SITES.add(new Site("", "", null, -1, "(unknown site)", null, UNKNOWN));
        SITES.add(new Site("", "", null, -1, "(contention: inevitable after repeated aborts)", null, UNKNOWN));
        SITES.add(new Site("", "", null, -1, "(a large transaction: run alone after an abort)", null, UNKNOWN));
        SITES.add(new Site("", "", null, -1, "(the part of a region after wait())", null, UNKNOWN));
        SITES.add(new Site("", "", null, -1,
                "(a large transaction: inevitable after an abort, the others did not stand aside in time)", null,
                UNKNOWN));
        SITES.add(new Site("", "", null, -1, "(entering or notifying on a converted monitor)", null, UNKNOWN));
        SITES.add(new Site("", "", null, -1,
                "(a large read-only transaction: inevitable after an abort, locking what it reads while writers go on)",
                null, UNKNOWN));
    }

    private Sites() {
    }

    /**
     * The id of a site, the same for the same site registered twice (a method and its twin).
     *
     * @param className  the class, dotted or internal name
     * @param method     the method's name as written in the source
     * @param sourceFile the class's source file, or {@code null} when compiled without it
     * @param line       the line number, or a negative number when unknown
     * @param access     what happens there, e.g. {@code read balance}, {@code call PrintStream.println}
     * @param location   what a field or array access there touches, as the conflict report names it
     *                   ({@code com.acme.Bank$Account.balance}, {@code static com.acme.Ids.next},
     *                   {@code long[] element}); {@code null} for other sites
     */
    public static synchronized int register(String className, String method, String sourceFile, int line,
            String access, String location) {
        return add(new Site(className.replace('/', '.'), method, sourceFile, line, access, location, UNKNOWN));
    }

    /**
     * The site {@code jdkSite} (an access inside a JDK collection's twin) as reached from the
     * program's call {@code callSite}: {@code read value at java.util.HashMap.getNode(HashMap.java:568)
     * via com.acme.Cache.get(Cache.java:42)}. Users cannot fix {@code HashMap.java}; they can fix the call.
     */
    public static synchronized int via(int jdkSite, int callSite) {
        Site s = get(jdkSite);
        return add(new Site(s.className, s.method, s.sourceFile, s.line, s.access, s.location, callSite));
    }

    /** Whether {@code id} is a site inside a JDK class: the accesses of the collections' twins. */
    public static boolean isInJdk(int id) {
        boolean[] flags = inJdk;
        return id < flags.length && flags[id];
    }

    private static int add(Site site) {
        Integer known = IDS.get(site);
        if (known != null) {
            return known;
        }
        int id = SITES.size();
        SITES.add(site);
        IDS.put(site, id);
        if (site.via == UNKNOWN && (site.className.startsWith("java.") || site.className.startsWith("jdk."))) {
            boolean[] flags = inJdk;
            if (id >= flags.length) {
                flags = Arrays.copyOf(flags, Math.max(flags.length * 2, id + 1));
            }
            flags[id] = true;
            inJdk = flags;
        }
        return id;
    }

    /**
     * The site of the code that called into the runtime's API (the first frame outside this
     * package and {@code Stm}), for rare calls such as {@code Stm.becomeInevitable()}: it walks the stack.
     */
    public static int ofCaller(String access) {
        // the first frame outside this package and the API class that asked (Stm.becomeInevitable)
        String api = SeamNames.STM.replace('/', '.');
        StackWalker.StackFrame caller = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !f.getClassName().startsWith(Sites.class.getPackageName() + ".")
                        && !f.getClassName().equals(api))
                .findFirst().orElse(null));
        if (caller == null) {
            return UNKNOWN;
        }
        String method = caller.getMethodName();
        if (method.startsWith(TWIN_PREFIX)) {
            method = method.substring(TWIN_PREFIX.length());
        }
        return register(caller.getClassName(), method, caller.getFileName(), caller.getLineNumber(), access, null);
    }

    /** The site registered as {@code id}; the unknown site for an id never registered. */
    public static synchronized Site get(int id) {
        return id >= 0 && id < SITES.size() ? SITES.get(id) : SITES.get(UNKNOWN);
    }

    /**
     * One site: a stack-trace-like position, what is done there, and to what (or null); for an
     * access inside a JDK collection, the program's call that reached it (or {@link #UNKNOWN}).
     */
    public record Site(String className, String method, String sourceFile, int line, String access, String location,
            int via) {
        /** {@code read balance at com.acme.Bank.transfer(Bank.java:42)}, or the access alone. */
        public String describe() {
            if (className.isEmpty()) {
                return access;
            }
            String described = access + " at " + position();
            return via == UNKNOWN ? described : described + " via " + get(via).position();
        }

        /** {@code com.acme.Bank.transfer(Bank.java:42)}. */
        String position() {
            String file = sourceFile == null ? "Unknown Source" : line >= 0 ? sourceFile + ":" + line : sourceFile;
            return className + "." + method + "(" + file + ")";
        }
    }
}
