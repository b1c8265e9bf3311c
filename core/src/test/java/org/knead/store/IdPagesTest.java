package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knead.paging.IdPages;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A whole-collection read in pages by {@code _id}: the embedded store answers a page (a range on {@code _id},
 * sorted by {@code _id}, limited) from its documents in key order, and answers exactly what the in-memory store
 * (which matches every document, then sorts) answers; {@link IdPages} hands over every matching document once,
 * in order, with no empty page.
 */
class IdPagesTest {

    @TempDir static Path dir;
    static H2AgainstMemory stores;
    static MongoClient h2Client;
    static MongoClient memoryClient;
    static final List<String> IDS = new ArrayList<>();

    @org.springframework.data.mongodb.core.mapping.Document("pages")
    record Doc(@Id String id, int n, String state) {
    }

    @BeforeAll
    static void stores() {
        stores = new H2AgainstMemory(dir);
        h2Client = stores.h2Client;
        memoryClient = stores.memoryClient;
        // unpadded numbers, upper case, punctuation and a non-ASCII letter: string order, not insertion order
        for (int i = 1; i <= 1200; i++) {
            IDS.add("symptom:item-" + (i * 7919 % 1201));
        }
        IDS.addAll(List.of("", "a", "a-b", "a:1", "a#2", "b#10", "b#2", "Zed", "\u00e9t\u00e9"));
        for (MongoClient c : stores.clients()) {
            MongoCollection<Document> docs = docs(c);
            int n = 0;
            for (String id : IDS) {
                n++;
                docs.insertOne(new Document("_id", id).append("n", n).append("state", n % 3 == 0 ? "PUBLISHED"
                        : "DRAFT"));
            }
            docs.insertOne(new Document("_id", 7L).append("n", -1).append("state", "PUBLISHED"));
            docs.insertOne(new Document("_id", new ObjectId()).append("n", -2).append("state", "PUBLISHED"));
        }
    }

    @AfterAll
    static void stop() {
        stores.close();
    }

    static MongoCollection<Document> docs(MongoClient c) {
        return c.getDatabase("knead").getCollection("pages");
    }

    static List<Document> page(MongoClient c, Bson filter, int skip, int limit) {
        return docs(c).find(filter).sort(Sorts.ascending("_id")).skip(skip).limit(limit).into(new ArrayList<>());
    }

    @Test
    void aPageByIdAnswersAsAFullMatchDoes() {
        List<Bson> filters = List.of(
                Filters.gte("_id", ""),
                Filters.gt("_id", ""),
                Filters.gt("_id", "symptom:item-5"),
                Filters.gte("_id", "symptom:item-5"),
                Filters.and(Filters.gt("_id", "a"), Filters.lt("_id", "symptom:item-2")),
                Filters.and(Filters.gte("_id", "a"), Filters.lte("_id", "b#2")),
                Filters.and(Filters.gt("_id", "symptom:item-1"), Filters.eq("state", "PUBLISHED")),
                Filters.and(Filters.gt("_id", "a"), Filters.gt("n", 600), Filters.eq("state", "DRAFT")),
                Filters.and(Filters.gt("_id", "a"), Filters.eq("state", "NONE")),
                Filters.gt("_id", "\u00e9t\u00e9"),
                Filters.gt("_id", "\uffff"));
        for (Bson f : filters) {
            for (int limit : List.of(1, 7, 500, 5000)) {
                for (int skip : List.of(0, 3)) {
                    assertThat(page(h2Client, f, skip, limit)).as(f + " skip " + skip + " limit " + limit)
                            .isEqualTo(page(memoryClient, f, skip, limit));
                }
            }
        }
        assertThat(page(h2Client, Filters.gt("_id", "a"), 0, 4)).extracting(d -> d.get("_id"))
                .containsExactly("a#2", "a-b", "a:1", "b#10");
    }

    @Test
    void pagesHandOverEveryMatchingDocumentOnceInIdOrder() {
        MongoTemplate mongo = new MongoTemplate(h2Client, "knead");
        List<String> all = docs(h2Client).find(Filters.type("_id", "string")).sort(Sorts.ascending("_id"))
                .map(d -> d.getString("_id")).into(new ArrayList<>());
        assertThat(all).hasSize(IDS.size()).containsExactlyInAnyOrderElementsOf(IDS);
        for (int size : List.of(1, 100, 403, IDS.size(), 5000)) {
            List<List<Doc>> pages = new ArrayList<>();
            IdPages.forEach(mongo, Doc.class, null, Doc::id, size, pages::add);
            assertThat(pages).allSatisfy(p -> assertThat(p).isNotEmpty().hasSizeLessThanOrEqualTo(size));
            assertThat(pages.stream().flatMap(List::stream).map(Doc::id)).as("size " + size).containsExactlyElementsOf(
                    all);
        }
        List<String> published = docs(h2Client).find(Filters.and(Filters.type("_id", "string"), Filters.eq("state",
                "PUBLISHED"))).sort(Sorts.ascending("_id")).map(d -> d.getString("_id")).into(new ArrayList<>());
        List<String> paged = new ArrayList<>();
        IdPages.forEach(mongo, Doc.class, Criteria.where("state").is("PUBLISHED"), Doc::id, 50,
                p -> p.forEach(d -> paged.add(d.id())));
        assertThat(paged).hasSize(IDS.size() / 3).containsExactlyElementsOf(published);
    }

    @Test
    void aPrefixReadsOnlyTheIdsThatStartWithIt() {
        MongoTemplate mongo = new MongoTemplate(h2Client, "knead");
        List<String> paged = new ArrayList<>();
        IdPages.forEachWithPrefix(mongo, Doc.class, "a", null, Doc::id, 2, p -> p.forEach(d -> paged.add(d.id())));
        assertThat(paged).containsExactly("a", "a#2", "a-b", "a:1");
        List<String> items = new ArrayList<>();
        IdPages.forEachWithPrefix(mongo, Doc.class, "symptom:item-12", Criteria.where("state").is("DRAFT"), Doc::id,
                3, p -> p.forEach(d -> items.add(d.id())));
        assertThat(items).isNotEmpty().allSatisfy(id -> assertThat(id).startsWith("symptom:item-12"))
                .isSortedAccordingTo(String::compareTo)
                .hasSize((int) docs(h2Client).countDocuments(Filters.and(Filters.regex("_id", "^symptom:item-12"),
                        Filters.eq("state", "DRAFT"))));
    }

    @Test
    void noMatchGivesNoPage() {
        MongoTemplate mongo = new MongoTemplate(h2Client, "knead");
        List<List<Doc>> pages = new ArrayList<>();
        IdPages.forEach(mongo, Doc.class, Criteria.where("state").is("NONE"), Doc::id, 10, pages::add);
        assertThat(pages).isEmpty();
    }
}
