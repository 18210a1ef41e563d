package programs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * I/O inside synchronized happens exactly once per region: each region takes the next number and
 * writes it to a file and to standard output. The file holds 1..n in order, each once; standard
 * output too (checked by whoever runs the program).
 */
public final class IoInSynchronized {
    private static final int THREADS = 4;
    private static final int LINES = 400;

    private final Object lock = new Object();
    private final BufferedWriter file;
    private int next;

    IoInSynchronized(BufferedWriter file) {
        this.file = file;
    }

    void writeOne() {
        synchronized (lock) {
            int n = ++next;
            System.out.println("line " + n);
            try {
                file.write("line " + n);
                file.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Run.startWatchdog();
        Path path = Files.createTempFile("io-in-synchronized", ".txt");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                IoInSynchronized p = new IoInSynchronized(w);
                Run.threads(THREADS, t -> {
                    for (int i = 0; i < LINES; i++) {
                        p.writeOne();
                    }
                });
            }
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            int total = THREADS * LINES;
            Run.check(lines.size() == total, "file has " + lines.size() + " lines, expected " + total);
            for (int i = 0; i < total; i++) {
                Run.check(lines.get(i).equals("line " + (i + 1)), "file line " + (i + 1) + " is " + lines.get(i));
            }
            System.out.println("io: " + total + " lines, each once, in order ok");
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
