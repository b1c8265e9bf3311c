package org.knead.search.bench;

import java.util.List;
import org.knead.content.Content;
import org.knead.search.internal.Analysis;
import org.knead.search.internal.IndexDocuments;

public final class ProfileMain {
    public static void main(String[] args) throws Exception {
        CorpusGenerator gen = new CorpusGenerator(1);
        long t = System.nanoTime();
        List<Content> corpus = gen.corpus(3000);
        System.out.printf("generate %.1f s%n", (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        for (Content c : corpus) {
            Analysis.markdownToText(c.body());
        }
        System.out.printf("markdown %.1f s%n", (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        for (Content c : corpus) {
            IndexDocuments.toDocument(c);
        }
        System.out.printf("toDocument %.1f s%n", (System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        for (Content c : corpus) {
            Analysis.terms(Analysis.text(), c.body(), Integer.MAX_VALUE);
        }
        System.out.printf("analyze body %.1f s%n", (System.nanoTime() - t) / 1e9);
    }
}
