package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class HitValuesTest {

    @Test
    void eachHitGetsItsOwnValueWhateverTheOrderOfThePageAndAcrossSegments() throws Exception {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new StandardAnalyzer())
                        .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int segment = 0; segment < 3; segment++) {
                for (int i = 0; i < 5; i++) {
                    Document d = new Document();
                    d.add(new BinaryDocValuesField("v", new BytesRef("doc " + (segment * 5 + i))));
                    w.addDocument(d);
                }
                w.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(w)) {
                assertThat(reader.leaves()).hasSize(3);
                // a page in score order: doc ids up and down, in different segments
                int[] docs = {12, 3, 7, 0, 14, 6, 2};
                ScoreDoc[] page = new ScoreDoc[docs.length];
                for (int i = 0; i < docs.length; i++) {
                    page[i] = new ScoreDoc(docs[i], 10f - i);
                }

                List<String> values = HitValues.read(reader, page, leaf -> leaf.getBinaryDocValues("v"),
                        (BinaryDocValues dv, int leafDoc, int doc) -> dv.advanceExact(leafDoc)
                                ? dv.binaryValue().utf8ToString() : null);

                assertThat(values).containsExactly("doc 12", "doc 3", "doc 7", "doc 0", "doc 14", "doc 6", "doc 2");
            }
        }
    }
}
