package org.stmagent.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StmTransformerTest {
    private static final byte[] ORIGINAL = {1, 2, 3};
    private static final byte[] REWRITTEN = {1, 2, 3, 4, 5};
    private static final ClassLoader LOADER = StmTransformerTest.class.getClassLoader();

    @TempDir
    Path temp;

    private final RecordingListener listener = new RecordingListener();
    private final AtomicInteger calls = new AtomicInteger();

    private StmTransformer transformer(ClassFileRewriter rewriter, ClassDumper dumper) {
        ClassNamePatterns selection = new ClassNamePatterns(List.of("com.acme.**"), List.of("com.acme.legacy.**"));
        return new StmTransformer(selection, (bytes, loader) -> {
            calls.incrementAndGet();
            return rewriter.rewrite(bytes, loader);
        }, dumper, listener);
    }

    private StmTransformer rewriting() {
        return transformer((bytes, loader) -> REWRITTEN, null);
    }

    @Test
    void includedClassIsRewritten() {
        byte[] result = rewriting().transform(LOADER, "com/acme/Bank", null, null, ORIGINAL);
        assertArrayEquals(REWRITTEN, result);
        assertEquals(List.of("rewritten com.acme.Bank 3->5"), listener.events);
    }

    @Test
    void classNotIncludedIsNotReadAndNotReported() {
        assertNull(rewriting().transform(LOADER, "org/other/Main", null, null, ORIGINAL));
        assertEquals(0, calls.get());
        assertEquals(List.of(), listener.events);
    }

    @Test
    void excludedClassIsSkippedAndReported() {
        assertNull(rewriting().transform(LOADER, "com/acme/legacy/Old", null, null, ORIGINAL));
        assertEquals(0, calls.get());
        assertEquals(List.of("skipped com.acme.legacy.Old excluded"), listener.events);
    }

    @Test
    void bootLoaderClassesAreNeverRewritten() {
        assertNull(rewriting().transform(null, "com/acme/Bank", null, null, ORIGINAL));
        assertEquals(0, calls.get());
    }

    @Test
    void classesWithoutANameAreIgnored() {
        assertNull(rewriting().transform(LOADER, null, null, null, ORIGINAL));
        assertEquals(0, calls.get());
    }

    @Test
    void jdkClassesAreNeverRewrittenWhateverTheLoader() {
        StmTransformer transformer = new StmTransformer(new ClassNamePatterns(List.of("**"), List.of()),
                (bytes, loader) -> REWRITTEN, null, listener);
        assertNull(transformer.transform(LOADER, "java/sql/Date", null, null, ORIGINAL));
        assertNull(transformer.transform(LOADER, "org/stmagent/runtime/Stm", null, null, ORIGINAL));
    }

    @Test
    void alreadyLoadedClassesAreNotRewritten() {
        assertNull(rewriting().transform(LOADER, "com/acme/Bank", String.class, null, ORIGINAL));
        assertEquals(0, calls.get());
        assertEquals(List.of("skipped com.acme.Bank already loaded"), listener.events);
    }

    @Test
    void rewriterFailureLeavesTheClassUnchangedWithOneReport() {
        StmTransformer transformer = transformer((bytes, loader) -> {
            throw new IllegalStateException("method too large");
        }, null);
        assertNull(transformer.transform(LOADER, "com/acme/Big", null, null, ORIGINAL));
        assertEquals(List.of("error com.acme.Big method too large"), listener.events);
    }

    @Test
    void errorsAreCaughtToo() {
        StmTransformer transformer = transformer((bytes, loader) -> {
            throw new StackOverflowError("deep");
        }, null);
        assertNull(transformer.transform(LOADER, "com/acme/Deep", null, null, ORIGINAL));
        assertEquals(List.of("error com.acme.Deep deep"), listener.events);
    }

    @Test
    void nothingToRewriteIsReportedAsUnchanged() {
        StmTransformer transformer = transformer((bytes, loader) -> null, null);
        assertNull(transformer.transform(LOADER, "com/acme/Plain", null, null, ORIGINAL));
        assertEquals(List.of("unchanged com.acme.Plain"), listener.events);
    }

    @Test
    void sameArrayBackMeansUnchanged() {
        StmTransformer transformer = transformer((bytes, loader) -> bytes, null);
        assertNull(transformer.transform(LOADER, "com/acme/Plain", null, null, ORIGINAL));
        assertEquals(List.of("unchanged com.acme.Plain"), listener.events);
    }

    @Test
    void rewriterGetsTheDefiningLoader() {
        ClassLoader[] seen = new ClassLoader[1];
        transformer((bytes, loader) -> {
            seen[0] = loader;
            return null;
        }, null).transform(LOADER, "com/acme/Bank", null, null, ORIGINAL);
        assertEquals(LOADER, seen[0]);
    }

    @Test
    void rewrittenClassesAreDumped() throws IOException {
        Path dump = temp.resolve("dump");
        transformer((bytes, loader) -> REWRITTEN, new ClassDumper(dump))
                .transform(LOADER, "com/acme/Bank$Account", null, null, ORIGINAL);
        assertArrayEquals(REWRITTEN, Files.readAllBytes(dump.resolve("com/acme/Bank$Account.class")));
    }

    @Test
    void unchangedClassesAreNotDumped() {
        Path dump = temp.resolve("dump");
        transformer((bytes, loader) -> null, new ClassDumper(dump)).transform(LOADER, "com/acme/Bank", null, null, ORIGINAL);
        assertTrue(Files.notExists(dump));
    }

    @Test
    void dumpFailureWarnsButStillRewrites() throws IOException {
        Path blocker = Files.createFile(temp.resolve("blocker"));
        byte[] result = transformer((bytes, loader) -> REWRITTEN, new ClassDumper(blocker))
                .transform(LOADER, "com/acme/Bank", null, null, ORIGINAL);
        assertArrayEquals(REWRITTEN, result);
        assertEquals(2, listener.events.size());
        assertTrue(listener.events.get(0).startsWith("warning cannot dump com.acme.Bank: "), listener.events.get(0));
    }
}
