package org.knead.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knead.store.EmbeddedStoreMain;

/**
 * The command line of an embedded store in a child JVM (the same classes as this test run), for tests
 * that kill the store with SIGKILL and start it again on the same data folder.
 */
public final class StoreProcess {

    private StoreProcess() {
    }

    /**
     * The JVM arguments (after the {@code java} executable) of a store on {@code dataDir} and {@code port}
     * (0: any free port); writes a quiet logback configuration into {@code folder}. Its heap is 256 MB,
     * enough for the tests' data; benchmarks with 100,000 items set more with {@code -Dknead.bench.store-heap=2g}.
     */
    public static List<String> arguments(Path folder, Path dataDir, int port) throws IOException {
        Path logback = folder.resolve("store-logback.xml");
        Files.writeString(logback, """
                <configuration>
                  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger{20} %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="OUT"/></root>
                </configuration>
                """);
        return List.of("-Xmx" + System.getProperty("knead.bench.store-heap", "256m"), "-Dlogback.configurationFile=" + logback, "-cp",
                System.getProperty("java.class.path"), EmbeddedStoreMain.class.getName(), dataDir.toString(),
                String.valueOf(port), "127.0.0.1");
    }

    /** The {@code java} executable of this JVM. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
