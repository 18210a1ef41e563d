package org.stmagent.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stmagent.testing.Jvm;

/**
 * A program in a named module, on the module path: its rewritten classes call the runtime, which
 * lives in the boot loader's unnamed module (on the boot class path, which every module reads).
 */
class ModularProgramIT {
    private static final String MODULE_INFO = "module modprog { }\n";
    private static final String COUNTER = String.join("\n",
            "package modprog;",
            "public final class Counter {",
            "    private long value;",
            "    synchronized void increment() { value++; }",
            "    synchronized long get() { return value; }",
            "    public static void main(String[] args) throws InterruptedException {",
            "        Counter c = new Counter();",
            "        Thread[] threads = new Thread[2];",
            "        for (int t = 0; t < threads.length; t++) {",
            "            threads[t] = new Thread(() -> { for (int i = 0; i < 20_000; i++) c.increment(); });",
            "            threads[t].start();",
            "        }",
            "        for (Thread t : threads) t.join();",
            "        System.out.println(\"modular: \" + c.get());",
            "    }",
            "}", "");

    @TempDir
    Path temp;

    @Test
    void classesOfANamedModuleAreRewrittenAndReachTheRuntime() throws Exception {
        Path src = temp.resolve("src");
        Files.createDirectories(src.resolve("modprog"));
        Files.writeString(src.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(src.resolve("modprog/Counter.java"), COUNTER);
        Path classes = temp.resolve("mods/modprog");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-d", classes.toString(),
                src.resolve("module-info.java").toString(), src.resolve("modprog/Counter.java").toString());
        assertEquals(0, status, "the module compiles");

        Jvm.Result result = Jvm.run(Jvm.agent("include=modprog.**,verbose=true,report=none"),
                "--module-path", temp.resolve("mods").toString(), "-m", "modprog/modprog.Counter");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("modular: 40000"), result.out().lines().toList(), result::toString);
        assertTrue(result.err().contains("stm-agent: rewritten modprog.Counter "), result::toString);
    }
}
