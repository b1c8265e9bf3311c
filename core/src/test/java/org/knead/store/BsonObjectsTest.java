package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's documents, index keys and object ids are written compactly and read back equal, in the same order;
 * a data file whose objects were written by Java serialization (every data file before this version) still reads,
 * also once some of its pages are rewritten.
 */
class BsonObjectsTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentOfEveryKindKneadStoresReadsBackEqualAfterReopening() {
        Path file = dir.resolve("bson.mv.db");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 200; i++) { // several leaf pages
            documents.add(revision(i));
        }
        try (MVStore store = open(file)) {
            MVMap<Object, Document> map = bsonMap(store);
            for (Document d : documents) {
                map.put(d.get("_id"), d);
            }
            store.commit();
        }
        try (MVStore store = open(file)) {
            MVMap<Object, Document> map = bsonMap(store);
            for (Document d : documents) {
                assertThat(map.get(d.get("_id"))).isEqualTo(d);
            }
            assertThat(map.get("revision-7").get("createdAt")).isInstanceOf(Instant.class);
            assertThat(map.get("revision-7").get("number")).isInstanceOf(Integer.class);
            assertThat(map.get("revision-7").get("size")).isInstanceOf(Long.class);
        }
    }

    @Test
    void documentsAreNoLongerJavaSerializedAndTakeLessSpace() throws Exception {
        Path bson = dir.resolve("bson.mv.db");
        Path serialized = dir.resolve("serialized.mv.db");
        try (MVStore a = open(bson); MVStore b = open(serialized)) {
            MVMap<Object, Document> newForm = bsonMap(a);
            MVMap<Object, Document> oldForm = b.openMap("databases.knead.revisions");
            for (int i = 0; i < 500; i++) {
                newForm.put("revision-" + i, revision(i));
                oldForm.put("revision-" + i, revision(i));
            }
            a.commit();
            b.commit();
        }
        String className = Document.class.getName();
        assertThat(new String(Files.readAllBytes(serialized), StandardCharsets.ISO_8859_1)).contains(className);
        assertThat(new String(Files.readAllBytes(bson), StandardCharsets.ISO_8859_1)).doesNotContain(className);
        assertThat(Files.size(bson)).isLessThan(Files.size(serialized));
    }

    @Test
    void aDataFileWrittenByJavaSerializationReadsAsBeforeAlsoOnceSomePagesAreRewritten() {
        Path file = dir.resolve("old.mv.db");
        try (MVStore store = open(file)) { // as every version before wrote it: H2's ObjectDataType
            MVMap<Object, Document> map = store.openMap("databases.knead.revisions");
            for (int i = 0; i < 200; i++) {
                map.put("revision-" + i, revision(i));
            }
            store.commit();
        }
        try (MVStore store = open(file)) {
            MVMap<Object, Document> map = bsonMap(store);
            assertThat(map.get("revision-42")).isEqualTo(revision(42));
            Document changed = revision(42);
            changed.put("title", "Changed after the upgrade");
            map.put("revision-42", changed);
            map.put("revision-new", revision(1000));
            store.commit();
        }
        try (MVStore store = open(file)) {
            MVMap<Object, Document> map = bsonMap(store);
            assertThat(map.get("revision-42").get("title")).isEqualTo("Changed after the upgrade");
            assertThat(map.get("revision-new")).isEqualTo(revision(1000));
            for (int i = 0; i < 200; i++) {
                if (i != 42) {
                    assertThat(map.get("revision-" + i)).isEqualTo(revision(i));
                }
            }
        }
    }

    @Test
    void aValueWithoutAnExactBsonFormIsStoredAsItWas() {
        Path file = dir.resolve("exact.mv.db");
        Instant precise = Instant.parse("2026-11-30T05:00:00.123456789Z");
        Map<String, Object> plainMap = new LinkedHashMap<>(Map.of("a", 1));
        Document document = new Document("_id", "x").append("at", precise).append("map", plainMap);
        assertThat(BsonObjects.readsBackEqual(document)).isFalse();
        assertThat(BsonObjects.readsBackEqual(revision(1))).isTrue();
        try (MVStore store = open(file)) {
            bsonMap(store).put("x", document);
            store.commit();
        }
        try (MVStore store = open(file)) {
            Document read = bsonMap(store).get("x");
            assertThat(read.get("at")).isEqualTo(precise);
            assertThat(read.get("map")).isInstanceOf(LinkedHashMap.class).isEqualTo(plainMap);
        }
    }

    @Test
    void anIdIndexWrittenTheOldWayKeepsItsOrderAndFindsEveryKeyOnceNewKeysAreAdded() {
        Path file = dir.resolve("index.mv.db");
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add(new KeyValue(i % 2 == 0 ? "item-" + i : new ObjectId(String.format("%024x", 0xdef000L + i))));
        }
        try (MVStore store = open(file)) { // as every version before wrote it
            MVMap<KeyValue, Object> index = store.openMap("idx", new MVMap.Builder<KeyValue, Object>().keyType(new ObjectDataType()));
            for (KeyValue k : keys.subList(0, 150)) {
                index.put(k, k.get(0));
            }
            store.commit();
        }
        for (int round = 0; round < 2; round++) {
            try (MVStore store = open(file)) {
                MVMap<KeyValue, Object> index = idIndex(store);
                if (round == 0) {
                    for (KeyValue k : keys.subList(150, 300)) {
                        index.put(k, k.get(0));
                    }
                    store.commit();
                }
                for (KeyValue k : keys) {
                    assertThat(index.get(k)).isEqualTo(k.get(0));
                }
                List<KeyValue> inJavaSerializedOrder = new ArrayList<>(keys);
                inJavaSerializedOrder.sort((a, b) -> ObjectDataType.compareNotNull(ObjectDataType.serialize(a), ObjectDataType.serialize(b)));
                assertThat(new ArrayList<>(index.keySet())).containsExactlyElementsOf(inJavaSerializedOrder);
            }
        }
    }

    @Test
    void objectIdKeysReadBackEqualAndInTheirOrder() {
        Path file = dir.resolve("ids.mv.db");
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(new ObjectId());
        }
        try (MVStore store = open(file)) {
            MVMap<Object, Document> map = bsonMap(store);
            for (ObjectId id : ids) {
                map.put(id, new Document("_id", id));
            }
            store.commit();
        }
        try (MVStore store = open(file)) {
            MVMap<Object, Document> map = bsonMap(store);
            assertThat(new ArrayList<>(map.keySet())).containsExactlyElementsOf(ids.stream().sorted().toList());
            for (ObjectId id : ids) {
                assertThat(map.get(id).get("_id")).isEqualTo(id);
            }
        }
        assertThat(new String(readAll(file), StandardCharsets.ISO_8859_1)).doesNotContain(ObjectId.class.getName());
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static MVMap<KeyValue, Object> idIndex(MVStore store) {
        return store.openMap("idx", new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueOrder()).valueType(new BsonObjects()));
    }

    private static MVStore open(Path file) {
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
    }

    private static MVMap<Object, Document> bsonMap(MVStore store) {
        return store.openMap("databases.knead.revisions",
                new MVMap.Builder<Object, Document>().keyType(new BsonObjects()).valueType(new BsonObjects()));
    }

    /** A revision as Knead stores one: strings, numbers, a date, an id, nested documents and lists, a null. */
    private static Document revision(int i) {
        ArrayList<Object> aliases = new ArrayList<>(List.of("crick in the neck " + i, "stiff neck"));
        ArrayList<Object> links = new ArrayList<>();
        links.add(new Document("type", "symptom").append("slug", "neck-pain-" + i));
        links.add(new Document("type", "cause").append("slug", "posture"));
        return new Document("_id", "revision-" + i)
                .append("itemId", new ObjectId(String.format("%024x", 0xabc000L + i)))
                .append("number", i)
                .append("size", 40_000_000_000L + i)
                .append("score", i / 7.0)
                .append("published", i % 2 == 0)
                .append("createdAt", Instant.ofEpochMilli(1_790_000_000_000L + i))
                .append("title", "Neck stretch " + i + " – gentle, äöü")
                .append("body", "Turn your head slowly. ".repeat(20 + i % 30))
                .append("aliases", aliases)
                .append("links", links)
                .append("review", new Document("by", null).append("token", UUID.nameUUIDFromBytes(("r" + i).getBytes())))
                .append("nothing", null);
    }
}
