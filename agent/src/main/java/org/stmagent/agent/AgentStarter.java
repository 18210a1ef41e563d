package org.stmagent.agent;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the agent, in this order: read the options; open {@code jdk.internal.misc} to the runtime;
 * hand the options to the runtime; install the JDK collections' twins; register the transformer.
 * Runs in the boot loader (see {@link StmAgent}); public only so that {@link StmAgent} can reach it
 * from another loader.
 */
public final class AgentStarter {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private AgentStarter() {
    }

    /** Without twins every call into the JDK's collections makes a transaction inevitable: a warning, not a stop. */
    private static void installJdkTwins(Instrumentation instrumentation, AgentOptions options,
            ClassNamePatterns selection, TransformListener listener) {
        try {
            JdkTwinSetup.install(instrumentation, Rewriters.policy(options, selection), listener);
        } catch (ReflectiveOperationException | RuntimeException e) {
            listener.onWarning("the JDK's collections make transactions inevitable: " + ConsoleListener.describe(e));
        }
    }

    /**
     * @param argument the agent argument, or {@code null}
     * @param attached whether the agent was attached to a running JVM
     * @return {@code false} if the agent could not start; the reason has been printed
     */
    public static boolean start(String argument, Instrumentation instrumentation, boolean attached) {
        AgentOptions options;
        try {
            options = OptionSources.resolve(argument, System.getProperties());
        } catch (OptionException e) {
            System.err.println(ConsoleListener.PREFIX + e.getMessage());
            return false;
        }
        if (!STARTED.compareAndSet(false, true)) {
            System.err.println(ConsoleListener.PREFIX + "already running; options '" + options + "' ignored");
            return true;
        }
        TransformListener listener = new ConsoleListener(System.err, options.isVerbose());
        try {
            RuntimeAccess.openInternals(instrumentation);
            RuntimeHandoff.configure(options);
            ClassNamePatterns selection = options.getClassSelection();
            if (options.isCollections()) {
                installJdkTwins(instrumentation, options, selection, listener);
            }
            Path dump = options.getDumpFolder();
            StmTransformer transformer = new StmTransformer(selection, Rewriters.create(options, selection),
                    dump == null ? null : new ClassDumper(dump), listener);
            instrumentation.addTransformer(transformer, false);
            if (options.isVerbose()) {
                System.err.println(ConsoleListener.PREFIX + "started with '" + options + "'");
            }
            if (selection.isEmpty()) {
                listener.onWarning("no '" + AgentOptions.INCLUDE + "' option: no class is rewritten");
            }
            if (attached) {
                String loaded = LoadedClasses.describe(LoadedClasses.included(instrumentation, selection));
                if (loaded != null) {
                    listener.onWarning(loaded);
                }
            }
            return true;
        } catch (Exception | LinkageError e) {
            System.err.println(ConsoleListener.PREFIX + "cannot start: " + ConsoleListener.describe(e));
            return false;
        }
    }
}
