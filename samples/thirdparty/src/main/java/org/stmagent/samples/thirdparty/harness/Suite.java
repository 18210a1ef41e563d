package org.stmagent.samples.thirdparty.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One suite or workload: a Java program run plain and under the agent with the same class path,
 * JVM options and arguments. {@code include} is the agent's include option for it. A test suite
 * has a {@code testsJar}, whose resources are copied out into {@code src/test/resources} of the
 * working folder, where the library's tests look for them as files; a workload has none.
 */
record Suite(String name, String include, List<Path> classPathFolders, List<String> jvmArgs,
             String mainClass, List<String> args, Path testsJar) {

    boolean isTestSuite() {
        return testsJar != null;
    }

    /** The jars of each folder (sorted, for a stable order) and the folders that are not jar folders. */
    String classPath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (Path folder : classPathFolders) {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> jars = files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
                if (jars.isEmpty()) {
                    entries.add(folder.toAbsolutePath().toString());
                } else {
                    jars.forEach(j -> entries.add(j.toAbsolutePath().toString()));
                }
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }
}
