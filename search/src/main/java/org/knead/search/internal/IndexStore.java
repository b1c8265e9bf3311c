package org.knead.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the index generations live. On disk: {@code <root>/gen-<n>/} directories and a
 * {@code CURRENT} file naming the one in use, replaced atomically. A rebuild writes a new generation
 * beside the current one and only then switches {@code CURRENT}, so a crash at any moment leaves
 * either the old or the new generation in use, never a half-built one. Without a root, generations
 * live in memory.
 */
public final class IndexStore {

    private static final Logger LOG = LoggerFactory.getLogger(IndexStore.class);
    static final String CURRENT = "CURRENT";
    static final String PREFIX = "gen-";

    private final Path root;
    private final Vocabulary vocabulary;

    public IndexStore(Path root, Vocabulary vocabulary) {
        this.root = root;
        this.vocabulary = vocabulary;
    }

    public boolean inMemory() {
        return root == null;
    }

    /** The committed current generation, or null when there is none usable (then build one). */
    public IndexGeneration openCurrent() {
        if (root == null) {
            return null;
        }
        Path pointer = root.resolve(CURRENT);
        try {
            if (!Files.exists(pointer)) {
                return null;
            }
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            Path dir = root.resolve(name);
            if (!name.startsWith(PREFIX) || !Files.isDirectory(dir)) {
                return null;
            }
            FSDirectory directory = FSDirectory.open(dir);
            IndexGeneration g;
            try {
                g = IndexGeneration.open(directory, dir, vocabulary);
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
            if (g == null) {
                directory.close();
            }
            return g;
        } catch (IOException | RuntimeException e) {
            LOG.warn("The search index in {} cannot be opened ({}); it will be rebuilt", root, e.toString());
            return null;
        }
    }

    /** A new, empty generation beside the current one. */
    public IndexGeneration createNext() throws IOException {
        if (root == null) {
            return IndexGeneration.create(new ByteBuffersDirectory(), null, vocabulary);
        }
        Files.createDirectories(root);
        long n = System.currentTimeMillis();
        Path dir;
        do {
            dir = root.resolve(PREFIX + n++);
        } while (Files.exists(dir));
        Files.createDirectories(dir);
        return IndexGeneration.create(FSDirectory.open(dir), dir, vocabulary);
    }

    /** Points {@code CURRENT} at the generation (which must be committed), atomically and durably. */
    public void makeCurrent(IndexGeneration g) throws IOException {
        if (root == null || g.path() == null) {
            return;
        }
        Path tmp = root.resolve(CURRENT + ".tmp");
        Files.writeString(tmp, g.path().getFileName().toString(), StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dirChannel = FileChannel.open(root, StandardOpenOption.READ)) {
            dirChannel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // not every platform can sync a directory
        }
    }

    /** Deletes every generation directory but {@code keep}'s (left-overs of swaps and crashed rebuilds). */
    public void deleteAllBut(IndexGeneration keep) {
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> old = dirs.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> keep == null || !p.equals(keep.path()))
                    .toList();
            for (Path p : old) {
                deleteTree(p);
            }
        } catch (IOException e) {
            LOG.warn("Cannot clean up old search index generations in {}: {}", root, e.toString());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete old search index {}: {}", dir, e.toString());
        }
    }
}
