package org.knead.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Severity;
import org.knead.search.RedFlag;

/**
 * Finds the published medical warnings that a query describes. Each warning is triggered by its
 * trigger phrases, by the titles and aliases of its trigger symptoms, and by the vocabulary's
 * equivalents of those. A phrase matches when its words occur in the query in order (two-word
 * phrases in either order) with at most {@value #MAX_GAP} other words between them; words match
 * when their stems are equal, or, for a word that is not a known word, within one edit (two for
 * long words) with the same first letter. Negations are kept ("won't go away" is not "go away").
 */
public final class RedFlagDetector {

    static final int MAX_GAP = 2;
    static final int MAX_QUERY_WORDS = 256;

    /** Words that are never stop words here, and spellings of negation folded together. */
    private static final Set<String> CANNOT = Set.of("can't", "cannot", "cant", "unable", "can’t");
    private static final Set<String> NOT = Set.of("not", "no", "never", "dont", "doesnt", "wont", "isnt", "didnt",
            "arent", "hasnt", "havent", "aint", "nothing", "without");
    private static final Map<String, String> IRREGULAR = Map.of("goes", "go", "went", "go", "gone", "go",
            "feet", "foot", "lost", "lose", "losing", "lose", "felt", "feel");

    /** A normalized word: as typed (lower case) and its stem. */
    record Word(String raw, String stem) {
    }

    record Phrase(List<Word> words) {
    }

    record Warning(Content content, List<Phrase> phrases) {
    }

    private final List<Warning> warnings;
    /** Every distinct phrase word, for matching typos once per query word. */
    private final Map<String, Word> phraseWords = new HashMap<>();

    private RedFlagDetector(List<Warning> warnings) {
        this.warnings = warnings;
        for (Warning w : warnings) {
            for (Phrase p : w.phrases()) {
                for (Word word : p.words()) {
                    phraseWords.putIfAbsent(word.stem(), word);
                }
            }
        }
    }

    public static RedFlagDetector empty() {
        return new RedFlagDetector(List.of());
    }

    /**
     * @param medical published warnings and symptoms (other content is ignored)
     */
    public static RedFlagDetector of(Collection<Content> medical, Vocabulary vocabulary) {
        Map<String, Content> symptoms = new HashMap<>();
        List<Content> warnings = new ArrayList<>();
        for (Content c : medical) {
            if (c.type() == ContentType.SYMPTOM) {
                symptoms.put(c.slug(), c);
            } else if (c.type() == ContentType.WARNING) {
                warnings.add(c);
            }
        }
        List<List<List<Word>>> vocabularyGroups = new ArrayList<>();
        for (List<Vocabulary.Member> group : vocabulary.groups()) {
            List<List<Word>> g = new ArrayList<>();
            for (Vocabulary.Member m : group) {
                List<Word> words = normalize(m.text(), 16);
                if (!words.isEmpty()) {
                    g.add(words);
                }
            }
            vocabularyGroups.add(g);
        }
        List<Warning> out = new ArrayList<>();
        for (Content w : warnings) {
            Set<String> texts = new LinkedHashSet<>(w.triggerPhrases());
            for (String slug : w.triggerSymptoms()) {
                Content s = symptoms.get(slug);
                if (s != null) {
                    texts.add(s.title());
                    texts.addAll(s.aliases());
                }
            }
            Set<List<String>> seen = new LinkedHashSet<>();
            List<Phrase> phrases = new ArrayList<>();
            for (String text : texts) {
                List<Word> words = normalize(text, 16);
                if (words.isEmpty()) {
                    continue;
                }
                add(phrases, seen, words);
                for (List<Word> variant : variants(words, vocabularyGroups)) {
                    add(phrases, seen, variant);
                }
            }
            out.add(new Warning(w, List.copyOf(phrases)));
        }
        out.sort(Comparator.comparing((Warning w) -> w.content().severity() == null ? Severity.CAUTION
                : w.content().severity()).thenComparing(w -> w.content().title()));
        return new RedFlagDetector(List.copyOf(out));
    }

    private static void add(List<Phrase> phrases, Set<List<String>> seen, List<Word> words) {
        if (seen.add(words.stream().map(Word::stem).toList())) {
            phrases.add(new Phrase(List.copyOf(words)));
        }
    }

    /** The phrase with one vocabulary member replaced by each other member of its group. */
    private static List<List<Word>> variants(List<Word> words, List<List<List<Word>>> groups) {
        List<String> stems = words.stream().map(Word::stem).toList();
        List<List<Word>> out = new ArrayList<>();
        for (List<List<Word>> group : groups) {
            for (List<Word> member : group) {
                List<String> ms = member.stream().map(Word::stem).toList();
                int at = indexOf(stems, ms);
                if (at < 0) {
                    continue;
                }
                for (List<Word> other : group) {
                    if (other == member) {
                        continue;
                    }
                    List<Word> v = new ArrayList<>(words.subList(0, at));
                    v.addAll(other);
                    v.addAll(words.subList(at + ms.size(), words.size()));
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static int indexOf(List<String> list, List<String> sub) {
        outer:
        for (int i = 0; i + sub.size() <= list.size(); i++) {
            for (int j = 0; j < sub.size(); j++) {
                if (!list.get(i + j).equals(sub.get(j))) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Lower-cased words without stop words, negations folded to "not" and "cannot", with stems. */
    static List<Word> normalize(String text, int max) {
        List<String> raw = new ArrayList<>();
        for (String t : Analysis.terms(Analysis.plain(), text, Math.max(max * 3, max))) {
            String w = t.replace('’', '\'');
            if (CANNOT.contains(w)) {
                w = "cannot";
            } else if (w.endsWith("n't") || NOT.contains(w)) {
                w = "not";
            } else if (Analysis.STOP_WORDS.contains(w) || w.equals("'")) {
                continue;
            }
            if (w.endsWith("'s")) {
                w = w.substring(0, w.length() - 2);
            }
            raw.add(w);
            if (raw.size() >= max) {
                break;
            }
        }
        List<String> toStem = raw.stream().map(w -> IRREGULAR.getOrDefault(w, w)).toList();
        List<String> stems = Analysis.stem(toStem);
        List<Word> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(new Word(raw.get(i), stems.get(i)));
        }
        return out;
    }

    public boolean isEmpty() {
        return warnings.isEmpty();
    }

    /**
     * @param knownWord whether a lower-case word is a real word (then it is never read as a typo)
     */
    public List<RedFlag> detect(String query, Predicate<String> knownWord) {
        if (warnings.isEmpty() || query == null || query.isBlank()) {
            return List.of();
        }
        List<Word> words = normalize(query, MAX_QUERY_WORDS);
        if (words.isEmpty()) {
            return List.of();
        }
        // for each query word, the phrase stems it stands for (itself, or the words it is a typo of)
        List<Set<String>> readings = new ArrayList<>(words.size());
        for (Word w : words) {
            Set<String> r = new LinkedHashSet<>();
            r.add(w.stem());
            if (!phraseWords.containsKey(w.stem()) && w.raw().length() >= 5 && !Typos.COMMON_WORDS.contains(w.raw())
                    && !knownWord.test(w.raw())) {
                for (Word p : phraseWords.values()) {
                    if (Typos.isTypo(w.raw(), p.raw()) || Typos.isTypo(w.stem(), p.stem())) {
                        r.add(p.stem());
                    }
                }
            }
            readings.add(r);
        }
        List<RedFlag> out = new ArrayList<>();
        for (Warning warning : warnings) {
            for (Phrase p : warning.phrases()) {
                if (matches(p.words(), readings)) {
                    Content c = warning.content();
                    out.add(new RedFlag(c.slug(), c.title(), c.severity() == null ? null : c.severity().key(),
                            c.action(), c.advice()));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean matches(List<Word> phrase, List<Set<String>> query) {
        if (inOrder(phrase, query)) {
            return true;
        }
        return phrase.size() == 2 && inOrder(List.of(phrase.get(1), phrase.get(0)), query);
    }

    private static boolean inOrder(List<Word> phrase, List<Set<String>> query) {
        String first = phrase.get(0).stem();
        for (int i = 0; i < query.size(); i++) {
            if (!query.get(i).contains(first)) {
                continue;
            }
            int at = i;
            boolean all = true;
            for (int k = 1; k < phrase.size() && all; k++) {
                String next = phrase.get(k).stem();
                int found = -1;
                for (int j = at + 1; j < query.size() && j <= at + 1 + MAX_GAP; j++) {
                    if (query.get(j).contains(next)) {
                        found = j;
                        break;
                    }
                }
                if (found < 0) {
                    all = false;
                } else {
                    at = found;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}
