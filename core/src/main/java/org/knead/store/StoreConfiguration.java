package org.knead.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * Chooses the store: the MongoDB of {@code knead.store.uri} ({@code MONGODB_URI}) when set; else the
 * embedded store on {@code knead.store.host:port}, joining one that another Knead process already
 * runs there, or starting it in this process.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoreProperties.class)
public class StoreConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StoreConfiguration.class);

    /** The store this process runs, if it runs one. */
    public record StoreHandle(Optional<EmbeddedStore> embedded, String connectionString) implements AutoCloseable {
        @Override
        public void close() {
            embedded.ifPresent(EmbeddedStore::close);
        }
    }

    @Bean(destroyMethod = "close")
    StoreHandle storeHandle(StoreProperties props) {
        if (!props.usesEmbedded()) {
            LOG.info("Using MongoDB at {}", redact(props.uri()));
            return new StoreHandle(Optional.empty(), props.uri());
        }
        if ("memory".equalsIgnoreCase(props.backend())) {
            EmbeddedStore store = EmbeddedStore.startInMemory(props.host(), props.port());
            return new StoreHandle(Optional.of(store), store.connectionString());
        }
        if (EmbeddedStore.isListening(props.host(), props.port())) {
            String uri = EmbeddedStore.connectionString(props.host(), props.port());
            LOG.info("Joining the Knead store already running at {}", uri);
            return new StoreHandle(Optional.empty(), uri);
        }
        EmbeddedStore store = EmbeddedStore.startPersistent(props.dataDir(), props.host(), props.port());
        return new StoreHandle(Optional.of(store), store.connectionString());
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreHandle store, StoreProperties props) {
        return MongoClients.create(clientSettings(store.connectionString(), props));
    }

    /**
     * The client settings of every Knead process (invariant 9 of the design): writes are acknowledged
     * only once a majority of the replica set has them in its journal, and reads see only
     * majority-committed data, so a failover cannot roll back what was acknowledged nor show what
     * will be rolled back. These override the URI's own {@code w}, {@code journal} and
     * {@code readConcernLevel}. The embedded store accepts and ignores both (it has one node and syncs
     * every write before answering). The client fails fast when the store is unreachable.
     */
    static MongoClientSettings clientSettings(String connectionString, StoreProperties props) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(connectionString))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .readConcern(ReadConcern.MAJORITY)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(
                        props.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b
                        .connectTimeout((int) props.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) props.socketTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .build();
    }

    @Bean
    MongoDatabaseFactory mongoDatabaseFactory(MongoClient client, StoreHandle store, StoreProperties props) {
        String database = Optional.ofNullable(new ConnectionString(store.connectionString()).getDatabase())
                .filter(d -> !d.isBlank()).orElse(props.database());
        if ("admin".equals(database)) {
            throw new IllegalStateException("Knead's database must not be named 'admin'; choose another name.");
        }
        return new SimpleMongoClientDatabaseFactory(client, database);
    }

    private static String redact(String uri) {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
