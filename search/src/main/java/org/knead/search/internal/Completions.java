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
    static final int MAX_SCANNED = 2_000;

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
        String head = String.join(" ", words.subList(0, words.size() - 1));
        List<String> out = new ArrayList<>();
        for (String w : beginning(reader, last, max)) {
            out.add(head.isEmpty() ? w : head + " " + w);
        }
        return out;
    }

    /**
     * The commonest words of the short fields (unstemmed, no stop words) that begin with {@code last}
     * and are longer, at most {@code max}, commonest first (at most {@link #MAX_SCANNED} words are looked at).
     */
    static List<String> beginning(IndexReader reader, String last, int max) throws IOException {
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
            int df = te.docFreq();
            if (t.length == prefix.length || (best.size() == max && df <= best.peek().docFreq())) {
                continue; // the word itself, or rarer than every word kept
            }
            String w = t.utf8ToString();
            if (Analysis.STOP_WORDS.contains(w) || !w.chars().allMatch(Character::isLetterOrDigit)) {
                continue;
            }
            best.add(new Word(w, df));
            if (best.size() > max) {
                best.poll();
            }
        }
        List<Word> top = new ArrayList<>(best);
        top.sort(Comparator.comparingInt(Word::docFreq).reversed().thenComparing(Word::text));
        return top.stream().map(Word::text).toList();
    }
}
