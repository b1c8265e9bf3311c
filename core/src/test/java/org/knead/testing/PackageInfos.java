package org.knead.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks that every package of a module's main sources has a {@code package-info.java} saying what
 * lives there. Javadoc-only package infos leave no class file, so this reads the sources: tests run in
 * the module's folder.
 */
public final class PackageInfos {

    private PackageInfos() {
    }

    public static void assertEveryPackageHasOne() {
        Path sources = Path.of("src/main/java");
        assertThat(sources).as("main sources of the module under test").isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> missing = files.filter(f -> f.toString().endsWith(".java"))
                    .map(Path::getParent).distinct()
                    .filter(dir -> !Files.isRegularFile(dir.resolve("package-info.java")))
                    .map(sources::relativize).sorted().toList();
            assertThat(missing).as("packages without a package-info.java").isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
