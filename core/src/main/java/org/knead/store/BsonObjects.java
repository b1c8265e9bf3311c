package org.knead.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key and value type of the embedded store's maps: H2's {@link ObjectDataType}, the type every map was
 * written with, except that documents, index keys ({@link KeyValue}) and {@link ObjectId}s are written in a
 * compact form behind one-byte tags that {@code ObjectDataType} never writes, instead of by Java
 * serialization, which wrote each of them through a new {@code ObjectOutputStream} with its class
 * descriptors. Profiled during saves, that serialization was 38% of all the memory the store allocated, and
 * the young-generation pauses that followed were much of a save's p99. A document and the values of an index
 * key are written as BSON, the bytes MongoDB's wire protocol carries, with mongo-java-server's own encoder and
 * decoder; an {@code ObjectId} as its 12 bytes.
 *
 * <p>Data files written before keep working without a migration: a value without one of these tags is read by
 * {@code ObjectDataType} as before, and each page is written in the new form the next time it changes. A
 * document or key holding a value whose BSON form would not read back equal (a {@link Map} that is not a
 * {@link Document}, an {@link Instant} finer than a millisecond, a type BSON has no form for) is written the
 * old way, so nothing stored ever changes by being written. How keys are ordered does not depend on how they
 * are written: {@code ObjectDataType} compares objects, and {@link KeyValueOrder} compares index keys by their
 * Java-serialized bytes, computed from the objects, as before.
 *
 * <p>The memory H2 counts for one of these objects (its page cache's measure, which also decides when a page
 * is split) is, as {@code ObjectDataType} counted a serialized object, twice the moving average of its
 * written size, kept for each of the three kinds.
 */
class BsonObjects extends ObjectDataType {

    /** The tags, above every tag {@link ObjectDataType} writes (0 to 119). */
    static final byte DOCUMENT = 127;
    static final byte INDEX_KEY = 126;
    static final byte OBJECT_ID = 125;

    private static final int OBJECT_ID_BYTES = 12;

    private volatile int documentMemory = 10_000;
    private volatile int keyMemory = 100;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof ObjectId id) {
            buff.put(OBJECT_ID).put(id.toByteArray());
        } else if (obj instanceof Document document && readsBackEqual(document)) {
            int size = writeBson(buff, DOCUMENT, document);
            documentMemory = (int) ((2L * size + 15L * documentMemory) / 16);
        } else if (obj instanceof KeyValue key && eachReadsBackEqual(key)) {
            int size = writeBson(buff, INDEX_KEY, keyAsDocument(key));
            keyMemory = (int) ((2L * size + 15L * keyMemory) / 16);
        } else {
            super.write(buff, obj);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        byte tag = buff.get(buff.position());
        if (tag == OBJECT_ID) {
            buff.get();
            byte[] bytes = new byte[OBJECT_ID_BYTES];
            buff.get(bytes);
            return new ObjectId(bytes);
        }
        if (tag == DOCUMENT) {
            return readBson(buff);
        }
        if (tag == INDEX_KEY) {
            return new KeyValue(readBson(buff).values());
        }
        return super.read(buff);
    }

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof Document) {
            return documentMemory;
        }
        if (obj instanceof KeyValue) {
            return keyMemory;
        }
        if (obj instanceof ObjectId) {
            return 2 * OBJECT_ID_BYTES + 40;
        }
        return super.getMemory(obj);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return getClass().hashCode();
    }

    /** Writes the tag and the document's BSON; answers the BSON's size. */
    private static int writeBson(WriteBuffer buff, byte tag, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int size = bson.readableBytes();
            buff.put(tag).put(bson.nioBuffer());
            return size;
        } finally {
            bson.release();
        }
    }

    private static Document readBson(ByteBuffer buff) {
        buff.get(); // the tag
        ByteBuf in = Unpooled.wrappedBuffer(buff.slice());
        Document document = BsonDecoder.decodeBson(in);
        buff.position(buff.position() + in.readerIndex());
        return document;
    }

    /** An index key's values as a document whose fields are named 0, 1, 2... in order. */
    private static Document keyAsDocument(KeyValue key) {
        Document document = new Document();
        for (int i = 0; i < key.size(); i++) {
            document.put(Integer.toString(i), key.get(i));
        }
        return document;
    }

    /** Whether every value in the document has a BSON form that mongo-java-server's decoder reads back equal. */
    static boolean readsBackEqual(Document document) {
        for (Map.Entry<String, Object> e : document.entrySet()) {
            if (e.getKey() == null || e.getKey().indexOf('\0') >= 0 || !readsBackEqual(e.getValue())) {
                return false;
            }
        }
        return true;
    }


    private static boolean readsBackEqual(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof ObjectId
                || value instanceof Decimal128 || value instanceof BinData || value instanceof UUID
                || value instanceof BsonTimestamp || value instanceof BsonRegularExpression
                || value instanceof MinKey || value instanceof MaxKey) {
            return true;
        }
        if (value instanceof Instant instant) {
            return instant.getNano() % 1_000_000 == 0;
        }
        if (value instanceof Document document) {
            return readsBackEqual(document);
        }
        if (value instanceof ArrayList<?> list) { // the decoder reads an array as an ArrayList
            return eachReadsBackEqual(list);
        }
        return false;
    }

    /** Whether every value (of an array, or of an index key) reads back equal. */
    static boolean eachReadsBackEqual(Iterable<?> values) {
        for (Object element : values) {
            if (!readsBackEqual(element)) {
                return false;
            }
        }
        return true;
    }
}
