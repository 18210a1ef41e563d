package org.stmagent.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.util.jar.JarFile;

/**
 * The agent's entry points: {@code -javaagent:stm-agent.jar=options} calls {@link #premain}, attaching
 * to a running JVM calls {@link #agentmain}.
 *
 * <p>Rewritten classes call the runtime from whatever class loader defines them, so the runtime must
 * be on the boot class path, which every loader sees. The agent jar holds the runtime and names
 * itself in its manifest's {@code Boot-Class-Path}, so the JVM puts it there before this class is
 * loaded, and this class and everything it uses come from the boot loader. If the jar was renamed,
 * that entry finds nothing and this class comes from the application class loader: it then appends
 * its own jar to the boot class path (the JVM warns that class sharing is then limited to boot
 * classes) and continues in the boot loader's copy of {@link AgentStarter}. Only public members
 * cross that line, so the two copies of this package never need package access to each other.
 *
 * <p>When the options are unknown or malformed, or the agent cannot start, {@code premain} ends the
 * JVM with status 1 after one line on standard error, before the application's {@code main} runs.
 * It does not throw: an exception out of {@code premain} makes the JVM abort with a native
 * "processing of -javaagent failed" error, a stack trace and a core-dump signal.
 * {@code agentmain} prints the same line and returns, leaving the running application alone.
 */
public final class StmAgent {
    private StmAgent() {
    }

    /** Called by the JVM before {@code main} for {@code -javaagent:stm-agent.jar[=options]}. */
    public static void premain(String options, Instrumentation instrumentation) {
        if (!onBootClassPath(instrumentation) || !AgentStarter.start(options, instrumentation, false)) {
            System.exit(1);
        }
    }

    /** Called by the JVM when the agent is attached to it while it runs. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        if (onBootClassPath(instrumentation)) {
            AgentStarter.start(options, instrumentation, true);
        }
    }

    private static boolean onBootClassPath(Instrumentation instrumentation) {
        if (StmAgent.class.getClassLoader() == null) {
            return true;
        }
        try {
            File jar = new File(StmAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
            return true;
        } catch (Exception e) {
            System.err.println("stm-agent: cannot start: cannot put the agent jar on the boot class path: " + e);
            return false;
        }
    }
}
