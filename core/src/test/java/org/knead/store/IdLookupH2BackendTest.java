package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store answers a query that names an {@code _id} together with other conditions (a
 * compare-and-set) from the id index, and answers exactly what the whole-collection match answers: the
 * in-memory store (no such shortcut) is the reference, query by query.
 */
class IdLookupH2BackendTest {

    @TempDir static Path dir;
    static H2AgainstMemory stores;
    static MongoClient h2Client;
    static MongoClient memoryClient;

    @BeforeAll
    static void stores() {
        stores = new H2AgainstMemory(dir);
        h2Client = stores.h2Client;
        memoryClient = stores.memoryClient;
        for (MongoClient c : stores.clients()) {
            MongoCollection<Document> docs = docs(c);
            for (int i = 1; i <= 30; i++) {
                docs.insertOne(new Document("_id", "item:" + i).append("n", i).append("state", i % 3 == 0 ? "IN_REVIEW"
                        : "DRAFT").append("tags", List.of("t" + i % 4)));
            }
            docs.insertOne(new Document("_id", 7L).append("n", 7).append("state", "DRAFT"));
        }
    }

    @AfterAll
    static void stop() {
        stores.close();
    }

    static MongoCollection<Document> docs(MongoClient c) {
        return c.getDatabase("knead").getCollection("docs");
    }

    static List<Document> find(MongoClient c, Bson filter, Bson sort) {
        return docs(c).find(filter).sort(sort).into(new ArrayList<>());
    }

    @Test
    void queriesNamingAnIdAnswerAsAFullMatchDoes() {
        List<Bson> filters = List.of(
                Filters.and(Filters.eq("_id", "item:3"), Filters.eq("state", "IN_REVIEW")),
                Filters.and(Filters.eq("_id", "item:3"), Filters.eq("state", "DRAFT")),
                Filters.and(Filters.eq("_id", "item:4"), Filters.lt("n", 10), Filters.in("state", "DRAFT", "X")),
                Filters.and(Filters.eq("_id", "item:99"), Filters.eq("state", "DRAFT")),
                Filters.and(Filters.in("_id", "item:1", "item:2", "item:3", "item:6", "nope"), Filters.eq("state",
                        "IN_REVIEW")),
                Filters.and(Filters.eq("_id", 7L), Filters.eq("state", "DRAFT")),
                Filters.and(Filters.eq("_id", "item:8"), Filters.exists("tags")),
                Filters.and(Filters.eq("_id", "item:8"), Filters.exists("missing", false)),
                new Document("$and", List.of(new Document("_id", "item:9"), new Document("state", "IN_REVIEW"))),
                new Document("$and", List.of(new Document("_id", "item:9"), new Document("state", "DRAFT"))),
                Filters.or(Filters.eq("_id", "item:1"), Filters.eq("n", 2)),
                Filters.and(Filters.gt("_id", "item:2"), Filters.eq("state", "IN_REVIEW")));
        for (Bson f : filters) {
            assertThat(find(h2Client, f, Sorts.descending("n"))).as(f.toString())
                    .isEqualTo(find(memoryClient, f, Sorts.descending("n")));
        }
        assertThat(find(h2Client, filters.get(4), Sorts.ascending("_id"))).extracting(d -> d.get("_id"))
                .containsExactly("item:3", "item:6");
    }

    @Test
    void aCompareAndSetByIdChangesOnlyWhenItsConditionHolds() {
        MongoCollection<Document> docs = docs(h2Client);
        assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "item:12"), Filters.eq("state", "DRAFT")),
                Updates.set("state", "SUPERSEDED")).getModifiedCount()).isZero();
        assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "item:12"), Filters.eq("state", "IN_REVIEW")),
                Updates.set("tags", List.of("changed"))).getModifiedCount()).isOne();
        assertThat(docs.find(Filters.eq("_id", "item:12")).first().getList("tags", String.class))
                .containsExactly("changed");
        assertThat(docs.findOneAndUpdate(Filters.and(Filters.eq("_id", "item:13"), Filters.in("state", "IN_REVIEW")),
                Updates.set("state", "APPROVED"))).isNull();
    }
}
