package org.knead.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Word completions while typing, from the index's own vocabulary: the words of titles, aliases,
 * summaries, benefits and trigger phrases (unstemmed) that begin with the last typed word, the
 * commonest first ("shoul" -> "shoulders", "shoulder").
 */
final class Completions {

    /** At most this many completions. */
    static final int MAX = 5;
    /** The word to complete has at least this many letters. */
    static final int MIN_LETTERS = 2;
    /** At most this many words of the vocabulary are looked at for one prefix (cost bound on large indexes). */
    static final int MAX_SCANNED = 5_000;

    private record Word(String text, int docFreq) {
    }

    private Completions() {
    }

    /** The typed text with its last word completed, at most {@code max}; none when the text ends with a space. */
    static List<String> of(IndexReader reader, String typed, int max) throws IOException {
        if (typed == null || typed.isEmpty() || Character.isWhitespace(typed.charAt(typed.length() - 1))) {
            return List.of();
        }
        List<String> words = Analysis.terms(Analysis.plain(), typed, 16);
        if (words.isEmpty()) {
            return List.of();
        }
        String last = words.get(words.size() - 1);
        if (last.length() < MIN_LETTERS || !last.chars().allMatch(Character::isLetterOrDigit)) {
            return List.of();
        }
        Terms terms = MultiTerms.getTerms(reader, Fields.SPELL);
        if (terms == null) {
            return List.of();
        }
        TermsEnum te = terms.iterator();
        BytesRef prefix = new BytesRef(last);
        if (te.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
            return List.of();
        }
        PriorityQueue<Word> best = new PriorityQueue<>(Comparator.comparingInt(Word::docFreq)
                .thenComparing(Comparator.comparing(Word::text).reversed()));
        int scanned = 0;
        for (BytesRef t = te.term(); t != null && scanned < MAX_SCANNED; t = te.next(), scanned++) {
            if (!StringHelper.startsWith(t, prefix)) {
                break;
            }
            String w = t.utf8ToString();
            if (w.length() == last.length() || Analysis.STOP_WORDS.contains(w) || !w.chars().allMatch(Character::isLetterOrDigit)) {
                continue;
            }
            best.add(new Word(w, te.docFreq()));
            if (best.size() > max) {
                best.poll();
            }
        }
        List<Word> top = new ArrayList<>(best);
        top.sort(Comparator.comparingInt(Word::docFreq).reversed().thenComparing(Word::text));
        String head = String.join(" ", words.subList(0, words.size() - 1));
        List<String> out = new ArrayList<>(top.size());
        for (Word w : top) {
            out.add(head.isEmpty() ? w.text() : head + " " + w.text());
        }
        return out;
    }
}
