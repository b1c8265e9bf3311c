package org.knead.store;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Knead keeps its data, under {@code knead.store}.
 *
 * @param uri      a MongoDB connection string (set from {@code MONGODB_URI}); when blank, the embedded store is used
 * @param dataDir  the folder of the embedded store's data file
 * @param host     the address the embedded store listens on (and that apps look for it on)
 * @param port     the port of the embedded store; 0 picks a free one (tests)
 * @param database the database name, when the URI names none
 * @param backend  {@code h2} (persisted to {@code dataDir}) or {@code memory} (tests)
 * @param serverSelectionTimeout how long an operation waits for a reachable store before failing
 * @param connectTimeout         how long opening a connection to the store may take
 * @param socketTimeout          how long a single answer of the store may take once asked (longer than
 *                               the others: a collection scan of the embedded store can take a second or two)
 */
@ConfigurationProperties("knead.store")
public record StoreProperties(
        String uri,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("27018") int port,
        @DefaultValue("knead") String database,
        @DefaultValue("h2") String backend,
        @DefaultValue("1s") Duration serverSelectionTimeout,
        @DefaultValue("1s") Duration connectTimeout,
        @DefaultValue("10s") Duration socketTimeout) {

    public boolean usesEmbedded() {
        return uri == null || uri.isBlank();
    }
}
