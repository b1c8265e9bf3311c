package org.knead.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Joined and split words, from the index's own vocabulary: a word the index does not know (in any
 * field, bodies included) is split
 * in two known words when the pair is written together somewhere in a title or an alias
 * ("triggerpoint", and with a typo "trigerpoint", become "trigger point"); two adjacent words are
 * joined when the joined word is known ("shi atsu" becomes "shiatsu").
 */
final class Compounds {

    /** Each half of a split, and each word joined, has at least this many letters... */
    static final int MIN_PART = 2;
    /** ...and a word is only split from this length on. */
    static final int MIN_SPLIT = 6;

    /** A joined word with a typo: two edits from the nearest joined pair of the index, at most. */
    private static final Spelling.Settings JOINED_TYPOS = new Spelling.Settings(MIN_SPLIT + 1, 2, 0.75f);

    /**
     * {@code text} with its compounds written the way the index writes them, or {@code text} itself
     * when there are none.
     */
    String rewrite(IndexReader reader, String text, Spelling spelling) throws IOException {
        List<String> words = Analysis.terms(Analysis.plain(), text, QueryEngine.MAX_TERMS * 4);
        if (words.isEmpty()) {
            return text;
        }
        List<String> out = new ArrayList<>(words.size() + 2);
        boolean changed = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            String next = i + 1 < words.size() ? words.get(i + 1) : null;
            if (next != null && isWord(w) && isWord(next) && !Analysis.STOP_WORDS.contains(w)
                    && !Analysis.STOP_WORDS.contains(next)) {
                String joined = w + next;
                if (known(reader, joined)) {
                    boolean partsKnown = known(reader, w) && known(reader, next);
                    if (partsKnown) {
                        // both halves are words too: keep them, and add the joined word
                        out.add(w);
                        out.add(next);
                    }
                    out.add(joined);
                    changed = true;
                    i++;
                    continue;
                }
            }
            // a word of some body is no compound to split, whatever the short fields say
            String split = isWord(w) && w.length() >= MIN_SPLIT && !known(reader, w) && !inBodies(reader, w)
                    ? split(reader, w, spelling) : null;
            if (split != null) {
                out.add(split);
                changed = true;
            } else {
                out.add(w);
            }
        }
        return changed ? String.join(" ", out) : text;
    }

    /** Two known words that {@code word} (or its closest joined pair) is made of, or null. */
    private static String split(IndexReader reader, String word, Spelling spelling) throws IOException {
        String compound = word;
        if (TermLookups.of(reader).docFreq(new Term(Fields.JOINED, word)) == 0) {
            SuggestWord[] s = spelling.suggest(JOINED_TYPOS, new Term(Fields.JOINED, word), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            if (s.length == 0) {
                return null;
            }
            compound = s[0].string;
        }
        String best = null;
        long bestFreq = 0;
        for (int k = MIN_PART; k <= compound.length() - MIN_PART; k++) {
            String left = compound.substring(0, k);
            String right = compound.substring(k);
            TermLookups lookups = TermLookups.of(reader);
            long freq = Math.min(lookups.docFreq(new Term(Fields.SPELL, left)), lookups.docFreq(new Term(Fields.SPELL, right)));
            if (freq > bestFreq) {
                best = left + " " + right;
                bestFreq = freq;
            }
        }
        return best;
    }

    private static boolean known(IndexReader reader, String word) throws IOException {
        return TermLookups.of(reader).docFreq(new Term(Fields.SPELL, word)) > 0;
    }

    /** Whether some body uses {@code word} (its stem: the body is stemmed). */
    static boolean inBodies(IndexReader reader, String word) throws IOException {
        List<String> stem = Analysis.stem(List.of(word));
        return TermLookups.of(reader).docFreq(new Term(Fields.BODY, stem.isEmpty() ? word : stem.get(0))) > 0;
    }

    private static boolean isWord(String w) {
        return w.length() >= MIN_PART && w.chars().allMatch(Character::isLetter);
    }
}
