package org.stmagent.samples.thirdparty.harness;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The suites and workloads, with each library's surefire settings mirrored: its test class
 * patterns, excludes and JVM options. Paths are relative to the samples/thirdparty folder;
 * the test class paths are fetched by material/pom.xml.
 */
final class Suites {
    private static final String LAUNCHER = "org.junit.platform.console.ConsoleLauncher";
    private static final String WORKLOADS = "org.stmagent.samples.thirdparty.workloads.";

    private Suites() {
    }

    static List<Suite> all(Path module) {
        return List.of(
                // JUnit 3 tests (guava-testlib's suites in GuavaTestlibTest) run on the vintage engine.
                testSuite(module, "collections4", "org.apache.commons.collections4.**",
                        "commons-collections4-4.5.0-tests.jar", List.of(),
                        "--include-classname", ".*Test"),
                testSuite(module, "lang3-concurrent", "org.apache.commons.lang3.**",
                        "commons-lang3-3.18.0-tests.jar",
                        List.of("-Xmx512m", "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
                                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                                "--add-opens", "java.base/java.time=ALL-UNNAMED",
                                "--add-opens", "java.base/java.time.chrono=ALL-UNNAMED"),
                        "--select-package", "org.apache.commons.lang3.concurrent",
                        "--include-classname", ".*Test"),
                testSuite(module, "pool2", "org.apache.commons.pool2.**",
                        "commons-pool2-2.12.1-tests.jar",
                        List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED"),
                        "--include-classname", ".*\\.Test[^.]*", "--include-classname", ".*Test",
                        "--exclude-classname", ".*\\.TestSoftRefOutOfMemory"),
                workload(module, "h2-bank", "org.h2.**", "H2Bank"),
                workload(module, "hsqldb-bank", "org.hsqldb.**", "HsqldbBank"),
                workload(module, "pool2-workload", "org.apache.commons.pool2.**", "PoolWorkload"));
    }

    static List<Suite> named(Path module, List<String> names) {
        List<Suite> all = all(module);
        if (names.isEmpty()) {
            return all;
        }
        List<Suite> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(all.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown suite '" + name + "'; known: "
                            + all.stream().map(Suite::name).toList())));
        }
        return chosen;
    }

    /** The material folder is the suite's name up to its first dash: lang3-concurrent runs lang3's tests. */
    private static Suite testSuite(Path module, String name, String include, String testsJar,
                                   List<String> jvmArgs, String... selection) {
        Path lib = module.resolve("material").resolve(name.split("-")[0]).resolve("target/lib");
        List<String> args = new ArrayList<>(List.of("execute", "--disable-banner", "--details=summary"));
        if (!List.of(selection).contains("--select-package")) {
            args.addAll(List.of("--scan-class-path", lib.resolve(testsJar).toAbsolutePath().toString()));
        }
        args.addAll(List.of(selection));
        return new Suite(name, include, List.of(lib), jvmArgs, LAUNCHER, args, lib.resolve(testsJar));
    }

    private static Suite workload(Path module, String name, String include, String mainClass) {
        return new Suite(name, include,
                List.of(module.resolve("target/classes"), module.resolve("target/lib")),
                List.of(), WORKLOADS + mainClass, List.of(), null);
    }
}
