package org.knead.api.content;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.knead.publication.LogPosition;
import org.knead.search.SearchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The published graph kept on disk beside the search index ({@code <index-dir>.graph.json.gz}), with the
 * place in the publication log it stands for. At start-up the API reads it instead of every published item
 * from the store (a read that grows with the data, and needs the store up), then follows the log from
 * there. Written whole to a temporary file and moved into place, so a crash leaves the previous one. None
 * when the index is kept in memory.
 */
@Component
class GraphSnapshots {

    private static final Logger LOG = LoggerFactory.getLogger(GraphSnapshots.class);
    /** Changes when the format does: an older file is then ignored (and the graph read from the store). */
    static final int FORMAT = 1;

    /** What is kept: the format, the log position and every node. */
    record Snapshot(int format, LogPosition at, List<PublishedGraph.Node> nodes) {
    }

    private final Path file;
    private final ObjectMapper json;

    GraphSnapshots(SearchProperties search, ObjectMapper json) {
        Path index = search.indexDir();
        this.file = index == null ? null : index.toAbsolutePath().resolveSibling(index.getFileName() + ".graph.json.gz");
        this.json = json;
    }

    /** The kept graph, or empty when there is none or it cannot be read (then the graph is read from the store). */
    Optional<Snapshot> read() {
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            Snapshot s = json.readValue(in, Snapshot.class);
            if (s.format() != FORMAT || s.at() == null || s.nodes() == null) {
                LOG.info("The kept published graph {} is of another format; reading the store instead", file);
                return Optional.empty();
            }
            return Optional.of(s);
        } catch (IOException | RuntimeException e) {
            LOG.warn("The kept published graph {} cannot be read ({}); reading the store instead", file, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps {@code nodes} as the graph at {@code at}; a failure is logged (the next start reads the store). */
    void write(LogPosition at, List<PublishedGraph.Node> nodes) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                json.writeValue(out, new Snapshot(FORMAT, at, nodes));
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Keeping the published graph in {} failed: {}", file, e.toString());
        }
    }

    boolean enabled() {
        return file != null;
    }
}
