package org.stmagent.agent;

import java.lang.instrument.Instrumentation;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The agent's entry points: {@code -javaagent:stm-agent.jar=options} calls {@link #premain}, attaching
 * to a running JVM calls {@link #agentmain}.
 *
 * <p>Start-up, in this order: read the options; put the runtime on the boot class path and open
 * {@code jdk.internal.misc} to it; hand the options to the runtime; register the transformer.
 *
 * <p>When the options are unknown or malformed, or the runtime cannot be installed, {@code premain}
 * prints one line to standard error and ends the JVM with status 1 before the application's
 * {@code main} runs. It does not throw: an exception out of {@code premain} makes the JVM abort
 * with a native "processing of -javaagent failed" error, a stack trace and a core-dump signal.
 * {@code agentmain} prints the same line and returns, leaving the running application alone.
 */
public final class StmAgent {
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private StmAgent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:stm-agent.jar[=options]}. */
    public static void premain(String options, Instrumentation instrumentation) {
        if (!start(options, instrumentation, false)) {
            System.exit(1);
        }
    }

    /** Called by the JVM when the agent is attached to it while it runs. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, true);
    }

    private static boolean start(String argument, Instrumentation instrumentation, boolean attached) {
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
            Path runtimeJar = RuntimeInstaller.install(instrumentation);
            RuntimeHandoff.configure(options);
            ClassNamePatterns selection = options.getClassSelection();
            Path dump = options.getDumpFolder();
            StmTransformer transformer = new StmTransformer(selection, Rewriters.create(options),
                    dump == null ? null : new ClassDumper(dump), listener);
            instrumentation.addTransformer(transformer, false);
            if (options.isVerbose()) {
                System.err.println(ConsoleListener.PREFIX + "started with '" + options + "', runtime in " + runtimeJar);
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
