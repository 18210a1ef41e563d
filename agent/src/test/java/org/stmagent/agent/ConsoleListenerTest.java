package org.stmagent.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleListenerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quietListenerPrintsOnlyProblems() {
        ConsoleListener listener = new ConsoleListener(out, false);
        listener.onRewritten("a.B", 10, 20);
        listener.onUnchanged("a.C");
        listener.onSkipped("a.D", "excluded");
        assertEquals("", printed());
    }

    @Test
    void errorIsOneLineNamingClassAndReason() {
        new ConsoleListener(out, false).onError("com.acme.Big", new IllegalStateException("Method too large: run()V"));
        assertEquals("stm-agent: warning: com.acme.Big left unchanged: IllegalStateException: Method too large: run()V"
                + System.lineSeparator(), printed());
    }

    @Test
    void rewriteExceptionGivesItsReasonWithoutRepeatingTheClass() {
        new ConsoleListener(out, false).onError("com.acme.Big",
                new org.stmagent.instrument.RewriteException("com/acme/Big", "method run()V would exceed 64 KiB of bytecode"));
        assertEquals("stm-agent: warning: com.acme.Big left unchanged: method run()V would exceed 64 KiB of bytecode"
                + System.lineSeparator(), printed());
    }

    @Test
    void errorWithoutMessageNamesTheException() {
        new ConsoleListener(out, false).onError("a.B", new NullPointerException());
        assertTrue(printed().startsWith("stm-agent: warning: a.B left unchanged: java.lang.NullPointerException"));
    }

    @Test
    void multiLineMessagesAreFlattened() {
        new ConsoleListener(out, false).onError("a.B", new RuntimeException("one\ntwo"));
        assertEquals(1, printed().lines().count());
    }

    @Test
    void verboseListenerPrintsEveryClass() {
        ConsoleListener listener = new ConsoleListener(out, true);
        listener.onRewritten("a.B", 10, 20);
        listener.onUnchanged("a.C");
        listener.onSkipped("a.D", "excluded");
        assertEquals(String.join(System.lineSeparator(),
                "stm-agent: rewritten a.B (10 -> 20 bytes)",
                "stm-agent: unchanged a.C (nothing to rewrite)",
                "stm-agent: skipped a.D (excluded)", ""), printed());
    }

    @Test
    void verboseErrorAddsTheStackTrace() {
        new ConsoleListener(out, true).onError("a.B", new IllegalStateException("x"));
        assertTrue(printed().lines().count() > 1);
        assertTrue(printed().contains("\tat "));
    }

    @Test
    void warningsAreAlwaysPrinted() {
        new ConsoleListener(out, false).onWarning("no 'include' option");
        assertEquals("stm-agent: warning: no 'include' option" + System.lineSeparator(), printed());
    }
}
