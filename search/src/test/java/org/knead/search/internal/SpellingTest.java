package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * One query's spelling look-ups share the automata of a word across fields and settings, and still
 * suggest exactly what Lucene's own spell checker suggests with the same settings.
 */
class SpellingTest {

    private static final List<String> WORDS = List.of("massage", "message", "manage", "swedish", "swelling", "trigger",
            "tiger", "triggerpoint", "stiffness", "shiatsu", "shoulder", "soldier", "flexibility", "doctor", "posture",
            "pasture", "morning", "mourning", "beginner", "beginners",
            // many words one edit from "kalomi", and one two edits away: Lucene then stops after one edit
            "kalomo", "kalomu", "kalome", "kalomy", "kalomis", "kalomia", "kalumo");

    private static IndexReader index() throws IOException {
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (int i = 0; i < WORDS.size(); i++) {
                // the words with different document frequencies, in two fields
                for (int copy = 0; copy <= i % 4; copy++) {
                    Document d = new Document();
                    d.add(new StringField(Fields.SPELL, WORDS.get(i), Field.Store.NO));
                    d.add(new StringField(Fields.JOINED, WORDS.get((i * 7) % WORDS.size()), Field.Store.NO));
                    w.addDocument(d);
                }
            }
        }
        return DirectoryReader.open(dir);
    }

    private static DirectSpellChecker lucene(Spelling.Settings s) {
        DirectSpellChecker c = new DirectSpellChecker();
        c.setMinQueryLength(s.minQueryLength());
        c.setMaxEdits(s.maxEdits());
        c.setAccuracy(s.accuracy());
        return c;
    }

    private static List<String> strings(SuggestWord[] words) {
        return Arrays.stream(words).map(w -> w.string + "/" + w.score + "/" + w.freq).toList();
    }

    @Test
    void sharedLookUpsSuggestWhatLuceneSuggests() throws IOException {
        List<Spelling.Settings> settings = List.of(new Spelling.Settings(4, 2, 0.6f), new Spelling.Settings(4, 1, 0.6f),
                new Spelling.Settings(7, 2, 0.75f));
        List<String> typos = List.of("masage", "sweedish", "triger", "trigerpoint", "stifness", "shitasu", "shouldr",
                "flexiiblity", "dcotor", "osture", "mornign", "beginers", "tiffness", "xyzzyq", "tigr", "tigre", "dctor",
                "mesage", "morningg", "kalomi");
        try (IndexReader reader = index()) {
            int suggested = 0;
            for (String typo : typos) {
                Spelling spelling = new Spelling(); // one query: every look-up of the word shares its automata
                for (String field : List.of(Fields.SPELL, Fields.JOINED, Fields.SPELL)) {
                    for (Spelling.Settings s : settings) {
                        for (SuggestMode mode : List.of(SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX, SuggestMode.SUGGEST_MORE_POPULAR)) {
                            for (int count : new int[] {1, 5}) {
                                Term term = new Term(field, typo);
                                SuggestWord[] expected = lucene(s).suggestSimilar(term, count, reader, mode);
                                assertThat(strings(spelling.suggest(s, term, count, reader, mode)))
                                        .as("%s in %s with %s, %s, %d", typo, field, s, mode, count)
                                        .isEqualTo(strings(expected));
                                suggested += expected.length;
                            }
                        }
                    }
                }
            }
            assertThat(suggested).as("the comparison covers real suggestions").isGreaterThan(100);
        }
    }

    @Test
    void automataKeptAcrossQueriesAndThreadsSuggestTheSame() throws Exception {
        Spelling.Settings s = new Spelling.Settings(4, 2, 0.6f);
        List<String> typos = List.of("masage", "sweedish", "triger", "stifness", "shitasu", "shouldr", "mornign",
                "beginers", "kalomi", "dcotor");
        try (IndexReader reader = index()) {
            java.util.Map<String, List<String>> expected = new java.util.HashMap<>();
            for (String typo : typos) {
                expected.put(typo, strings(lucene(s).suggestSimilar(new Term(Fields.SPELL, typo), 3, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)));
            }
            // many queries at once, on four threads, each with its own look-ups of words whose automata are
            // built by the first of them and then only read: every one suggests what Lucene suggests
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
                for (int round = 0; round < 50; round++) {
                    for (String typo : typos) {
                        results.add(pool.submit(() -> {
                            List<String> got = strings(new Spelling().suggest(s, new Term(Fields.SPELL, typo), 3, reader,
                                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX));
                            return got.equals(expected.get(typo)) ? null : typo + " suggested " + got;
                        }));
                    }
                }
                List<String> wrong = new java.util.ArrayList<>();
                for (java.util.concurrent.Future<String> f : results) {
                    if (f.get() != null) {
                        wrong.add(f.get());
                    }
                }
                assertThat(wrong).isEmpty();
                assertThat(Spelling.keeps("masage", 2, 1)).as("the automata of a looked-up word are kept").isTrue();
                assertThat(expected.get("masage")).as("the words have real suggestions").isNotEmpty();
            } finally {
                pool.shutdown();
            }
        }
    }
}
