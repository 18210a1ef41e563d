package org.stmagent.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes rewritten classes under a folder, one file per class in its package's folders. */
final class ClassDumper {
    private final Path folder;

    ClassDumper(Path folder) {
        this.folder = folder;
    }

    /**
     * @param internalName the class's name with {@code /} separators, e.g. {@code com/acme/Foo$Bar}
     * @return the file written
     */
    Path write(String internalName, byte[] classFile) throws IOException {
        Path file = folder.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, classFile);
        return file;
    }
}
