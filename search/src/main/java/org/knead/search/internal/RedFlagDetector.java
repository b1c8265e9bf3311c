package org.knead.search.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Severity;
import org.knead.search.RedFlag;

/**
 * Finds the published medical warnings that a query describes, most severe first (severity, then
 * title). Each warning is triggered by its trigger phrases, by the titles and aliases of its trigger
 * symptoms, and by the vocabulary's equivalents of those.
 *
 * <p>A trigger phrase may require signs together: its parts, separated by {@code " + "}, must each
 * match somewhere in the query, in any order ("stiff neck + fever"). A part matches when its words
 * occur in the query in order (two-word parts in either order) with at most {@value #MAX_GAP} other
 * words between them. Words match when their lemmas' stems are equal ("lost", "loss", "losing" are
 * one word), or, for a query word that is not a known word, within one edit (two for long words)
 * with the same first letter of any spelling of a phrase word. Every spelling of inability ("can't",
 * "can not", "couldn't", "unable to", "not able to") is one word, every other negation another;
 * negations are kept as words, never used to drop a flag. Every duration of three weeks or more is
 * read as "for months" (see {@link Durations}).
 *
 * <p>Everything that depends on the phrases is computed once, when the detector is built; a query
 * costs work in proportion to its own words and the phrases that start with them.
 */
public final class RedFlagDetector {

    static final int MAX_GAP = 2;
    static final int MAX_QUERY_WORDS = 256;
    static final int MAX_PHRASE_WORDS = 16;
    /** Query words shorter than this are never read as typos. */
    static final int MIN_TYPO_LENGTH = 5;

    /** The one token for every spelling of inability. */
    static final String CANNOT = "cannot";
    /** The one token for every other negation. */
    static final String NOT = "not";

    private static final Pattern AND = Pattern.compile("\\s+\\+\\s+");

    private static final Set<String> INABILITY = Set.of("can't", "cant", "cannot", "couldn't", "couldnt", "cudnt",
            "cnt", "cannae", "cain't");
    private static final Set<String> CAN = Set.of("can", "could", "cud", "cn");
    /** Words after "can" or "could" that make it inability ("can not", "could hardly"). */
    private static final Set<String> CAN_NOT = Set.of("not", "never", "hardly", "barely", "no", "scarcely");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "dont", "doesnt", "wont", "isnt",
            "didnt", "arent", "hasnt", "havent", "hadnt", "aint", "wasnt", "werent", "shouldnt", "wouldnt", "nothing",
            "without", "nor", "neither", "nobody", "none", "cannot");
    /** Stop words of the search analysis that say something here. */
    private static final Set<String> KEPT = Set.of("myself", "herself", "himself", "themselves");

    /** Lemmas and comparatives that Porter stemming leaves apart; each maps to a word with the common stem. */
    private static final Map<String, String> IRREGULAR = irregular();

    private static Map<String, String> irregular() {
        Map<String, String> m = new HashMap<>();
        lemma(m, "lose", "lost", "loss", "losses", "losing", "loses");
        lemma(m, "give", "gave", "given", "gives", "giving");
        lemma(m, "weak", "weaker", "weakest", "weaken", "weakens", "weakened", "weakening", "weakness", "weaknesses");
        lemma(m, "pee", "peed", "peeing", "pees");
        lemma(m, "fall", "fell", "fallen", "falling", "falls");
        lemma(m, "numb", "numbness", "numbed", "numbing", "numbs");
        lemma(m, "worse", "worsen", "worsens", "worsened", "worsening");
        lemma(m, "tingle", "tingly", "tingles", "tingled", "tingling", "tinglies");
        lemma(m, "get", "got", "gotten", "gets", "getting");
        lemma(m, "go", "goes", "went", "gone", "going");
        lemma(m, "foot", "feet");
        lemma(m, "tooth", "teeth");
        lemma(m, "feel", "felt", "feels", "feeling");
        lemma(m, "wake", "woke", "woken", "waking", "wakes");
        lemma(m, "stand", "stood");
        lemma(m, "bleed", "bled");
        lemma(m, "strike", "struck");
        lemma(m, "throw", "threw", "thrown");
        lemma(m, "begin", "began", "begun");
        lemma(m, "come", "came");
        lemma(m, "spin", "spun", "spinning");
        lemma(m, "swell", "swollen", "swelling", "swelled");
        lemma(m, "blur", "blurry", "blurred", "blurriness", "blurring");
        lemma(m, "paralyse", "paralysed", "paralyzed", "paralyze", "paralysis");
        lemma(m, "agonizing", "agonising");
        lemma(m, "sick", "sicker");
        lemma(m, "stiff", "stiffer", "stiffest");
        lemma(m, "dizzy", "dizzier", "dizziness");
        lemma(m, "wet", "wetting", "wetted");
        lemma(m, "hit", "hitting");
        lemma(m, "lie", "lay", "lying");
        return Map.copyOf(m);
    }

    private static void lemma(Map<String, String> m, String lemma, String... forms) {
        for (String f : forms) {
            m.put(f, lemma);
        }
    }

    /** A normalized word: as typed (lower case) and the stem of its lemma. */
    record Word(String raw, String stem) {
    }

    /** A part of a trigger phrase, in one of its spellings (stems in order), for the index. */
    private record Entry(int part, String[] stems) {
    }

    /** A warning and its triggers, each the ids of the parts that must all match. */
    private record Warning(Content content, RedFlag flag, List<int[]> triggers) {
    }

    /** A spelling of a phrase word (as typed or as a stem) and the stem it stands for. */
    private record Spelling(String text, String stem) {
    }

    private final List<Warning> warnings;
    private final int partCount;
    /** Part id -> the triggers that need it, each as {warning index, trigger index}. */
    private final int[][][] triggersOfPart;
    /** First stem of a part's spelling -> the spellings starting with it. */
    private final Map<String, List<Entry>> byFirstStem;
    /** Every stem of a phrase word: a query word with one of these is never read as a typo. */
    private final Set<String> phraseStems;
    /** Typo candidates by first letter and length: raw spellings, and stems. */
    private final Map<String, List<Spelling>> rawByShape;
    private final Map<String, List<Spelling>> stemByShape;

    /**
     * @param parts every part, in each of its spellings
     * @param words every phrase word as written anywhere (two phrases may share a part but not its spellings)
     */
    private RedFlagDetector(List<Warning> warnings, List<List<List<Word>>> parts, Set<Word> words) {
        this.warnings = warnings;
        this.partCount = parts.size();
        List<List<int[]>> needs = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            needs.add(new ArrayList<>());
        }
        for (int w = 0; w < warnings.size(); w++) {
            List<int[]> triggers = warnings.get(w).triggers();
            for (int t = 0; t < triggers.size(); t++) {
                for (int p : triggers.get(t)) {
                    needs.get(p).add(new int[] {w, t});
                }
            }
        }
        this.triggersOfPart = needs.stream().map(l -> l.toArray(int[][]::new)).toArray(int[][][]::new);
        Map<String, List<Entry>> index = new HashMap<>();
        Set<String> stems = new HashSet<>();
        Set<Spelling> raws = new LinkedHashSet<>();
        Set<Spelling> stemSpellings = new LinkedHashSet<>();
        for (int id = 0; id < parts.size(); id++) {
            for (List<Word> spelling : parts.get(id)) {
                String[] s = spelling.stream().map(Word::stem).toArray(String[]::new);
                index.computeIfAbsent(s[0], k -> new ArrayList<>()).add(new Entry(id, s));
                if (s.length == 2 && !s[0].equals(s[1])) {
                    index.computeIfAbsent(s[1], k -> new ArrayList<>()).add(new Entry(id, new String[] {s[1], s[0]}));
                }
            }
        }
        for (Word w : words) {
            stems.add(w.stem());
            if (typoCandidate(w.raw())) {
                raws.add(new Spelling(w.raw(), w.stem()));
            }
            if (typoCandidate(w.stem())) {
                stemSpellings.add(new Spelling(w.stem(), w.stem()));
            }
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byFirstStem = Map.copyOf(index);
        this.phraseStems = Set.copyOf(stems);
        this.rawByShape = byShape(raws);
        this.stemByShape = byShape(stemSpellings);
    }

    private static boolean typoCandidate(String s) {
        return s.length() >= 4 && s.chars().allMatch(Character::isLetter);
    }

    private static Map<String, List<Spelling>> byShape(Collection<Spelling> spellings) {
        Map<String, List<Spelling>> out = new HashMap<>();
        for (Spelling s : spellings) {
            out.computeIfAbsent(shape(s.text().charAt(0), s.text().length()), k -> new ArrayList<>()).add(s);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(out);
    }

    private static String shape(char first, int length) {
        return first + ":" + length;
    }

    public static RedFlagDetector empty() {
        return new RedFlagDetector(List.of(), List.of(), Set.of());
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
                List<Word> words = normalize(m.text(), MAX_PHRASE_WORDS);
                if (!words.isEmpty()) {
                    g.add(words);
                }
            }
            vocabularyGroups.add(g);
        }
        warnings.sort(Comparator.comparing((Content w) -> w.severity() == null ? Severity.CAUTION : w.severity())
                .thenComparing(Content::title, String.CASE_INSENSITIVE_ORDER).thenComparing(Content::slug));
        // parts are shared between warnings: the same part is matched once per query
        Map<List<String>, Integer> partIds = new LinkedHashMap<>();
        List<List<List<Word>>> parts = new ArrayList<>();
        Set<Word> words = new HashSet<>();
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
            Set<List<Integer>> seen = new HashSet<>();
            List<int[]> triggers = new ArrayList<>();
            for (String text : texts) {
                Set<Integer> ids = new java.util.TreeSet<>();
                for (String partText : AND.split(text.strip())) {
                    List<Word> part = normalize(partText, MAX_PHRASE_WORDS);
                    if (part.isEmpty()) {
                        continue;
                    }
                    words.addAll(part);
                    List<String> key = part.stream().map(Word::stem).toList();
                    Integer id = partIds.get(key);
                    if (id == null) {
                        id = parts.size();
                        partIds.put(key, id);
                        List<List<Word>> spellings = spellings(part, vocabularyGroups);
                        spellings.forEach(words::addAll);
                        parts.add(spellings);
                    }
                    ids.add(id);
                }
                List<Integer> trigger = List.copyOf(ids);
                if (!trigger.isEmpty() && seen.add(trigger)) {
                    triggers.add(trigger.stream().mapToInt(Integer::intValue).toArray());
                }
            }
            RedFlag flag = new RedFlag(w.slug(), w.title(), w.severity() == null ? null : w.severity().key(),
                    w.action(), w.advice());
            out.add(new Warning(w, flag, List.copyOf(triggers)));
        }
        return new RedFlagDetector(List.copyOf(out), parts, words);
    }

    /** A part as written, and with each vocabulary member in it replaced by each other member of its group. */
    private static List<List<Word>> spellings(List<Word> words, List<List<List<Word>>> groups) {
        Set<List<String>> seen = new HashSet<>();
        List<List<Word>> out = new ArrayList<>();
        seen.add(words.stream().map(Word::stem).toList());
        out.add(List.copyOf(words));
        for (List<Word> v : variants(words, groups)) {
            if (seen.add(v.stream().map(Word::stem).toList())) {
                out.add(List.copyOf(v));
            }
        }
        return List.copyOf(out);
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

    /**
     * Lower-cased words without stop words, long durations read as "for months", inability folded
     * to {@value #CANNOT} and other negations to {@value #NOT}, each with the stem of its lemma.
     */
    static List<Word> normalize(String text, int max) {
        List<String> tokens = new ArrayList<>();
        for (String t : Analysis.terms(Analysis.plain(), text, Math.max(max * 3, max))) {
            tokens.add(t.replace('’', '\'').replace('‘', '\''));
        }
        tokens = foldNegations(Durations.rewrite(dropIdioms(tokens)));
        List<String> raw = new ArrayList<>();
        for (String w : tokens) {
            if (w.endsWith("'s")) {
                w = w.substring(0, w.length() - 2);
            }
            if (!w.equals(CANNOT) && !w.equals(NOT) && !KEPT.contains(w)
                    && (Analysis.STOP_WORDS.contains(w) || w.equals("'") || w.isEmpty())) {
                continue;
            }
            raw.add(w);
            if (raw.size() >= max) {
                break;
            }
        }
        List<String> toStem = new ArrayList<>();
        for (String w : raw) {
            if (!w.equals(Durations.PERSISTENT)) {
                toStem.add(IRREGULAR.getOrDefault(w, w));
            }
        }
        List<String> stems = Analysis.stem(toStem);
        List<Word> out = new ArrayList<>(raw.size());
        int s = 0;
        for (String w : raw) {
            out.add(w.equals(Durations.PERSISTENT) ? new Word(w, w) : new Word(w, stems.get(s++)));
        }
        return out;
    }

    private static final Set<String> FALL = Set.of("fall", "falls", "fell", "fallen", "falling");

    /** Drops the "fall" of "fall asleep", which is no fall. */
    static List<String> dropIdioms(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            if (FALL.contains(tokens.get(i)) && i + 1 < tokens.size() && tokens.get(i + 1).equals("asleep")) {
                continue;
            }
            out.add(tokens.get(i));
        }
        return out;
    }

    /** Inability in all its spellings to {@value #CANNOT}, other negations to {@value #NOT}. */
    static List<String> foldNegations(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            String after = i + 2 < tokens.size() ? tokens.get(i + 2) : "";
            if (INABILITY.contains(w)) {
                out.add(CANNOT);
            } else if (CAN.contains(w) && CAN_NOT.contains(next)) {
                out.add(CANNOT); // "can not", "could hardly", "can no longer"
                i += next.equals("no") && after.equals("longer") ? 2 : 1;
            } else if (w.equals("unable") || w.equals("incapable")) {
                out.add(CANNOT);
                if (next.equals("to") || next.equals("of")) {
                    i++;
                }
            } else if (negation(w)) {
                if (next.equals("able")) {
                    out.add(CANNOT); // "not able to", "wasn't able to"
                    i += after.equals("to") ? 2 : 1;
                } else if (next.equals("longer") && after.equals("able")) {
                    out.add(CANNOT); // "no longer able to"
                    i += i + 3 < tokens.size() && tokens.get(i + 3).equals("to") ? 3 : 2;
                } else {
                    out.add(NOT);
                }
            } else {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean negation(String w) {
        return NEGATIONS.contains(w) || w.endsWith("n't");
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
        List<Set<String>> readings = readings(words, knownWord);
        BitSet matched = new BitSet(partCount);
        for (int i = 0; i < readings.size(); i++) {
            for (String r : readings.get(i)) {
                List<Entry> entries = byFirstStem.get(r);
                if (entries == null) {
                    continue;
                }
                for (Entry e : entries) {
                    if (!matched.get(e.part()) && matchesFrom(e.stems(), 1, i, readings)) {
                        matched.set(e.part());
                    }
                }
            }
        }
        if (matched.isEmpty()) {
            return List.of();
        }
        BitSet flagged = new BitSet(warnings.size());
        for (int p = matched.nextSetBit(0); p >= 0; p = matched.nextSetBit(p + 1)) {
            for (int[] wt : triggersOfPart[p]) {
                if (!flagged.get(wt[0]) && all(warnings.get(wt[0]).triggers().get(wt[1]), matched)) {
                    flagged.set(wt[0]);
                }
            }
        }
        // warnings are kept most severe first, then by title
        List<RedFlag> out = new ArrayList<>(flagged.cardinality());
        for (int w = flagged.nextSetBit(0); w >= 0; w = flagged.nextSetBit(w + 1)) {
            out.add(warnings.get(w).flag());
        }
        return out;
    }

    private static boolean all(int[] parts, BitSet matched) {
        for (int p : parts) {
            if (!matched.get(p)) {
                return false;
            }
        }
        return true;
    }

    /** For each query word, the phrase stems it stands for: itself, or the phrase words it is a typo of. */
    private List<Set<String>> readings(List<Word> words, Predicate<String> knownWord) {
        List<Set<String>> readings = new ArrayList<>(words.size());
        for (Word w : words) {
            Set<String> r = new LinkedHashSet<>(2);
            r.add(w.stem());
            if (w.raw().equals(CANNOT)) {
                r.add(NOT); // inability is a negation too
            } else if (!phraseStems.contains(w.stem()) && w.raw().length() >= MIN_TYPO_LENGTH
                    && typoCandidate(w.raw()) && !Typos.COMMON_WORDS.contains(w.raw()) && !knownWord.test(w.raw())) {
                typos(w.raw(), rawByShape, r);
                typos(w.stem(), stemByShape, r);
            }
            readings.add(r);
        }
        return readings;
    }

    /** Adds the stem of every spelling within the typo distance of {@code typed}, whatever the phrase order. */
    private static void typos(String typed, Map<String, List<Spelling>> byShape, Set<String> into) {
        if (typed.length() < 4) {
            return;
        }
        for (int len = typed.length() - 2; len <= typed.length() + 2; len++) {
            List<Spelling> candidates = byShape.get(shape(typed.charAt(0), len));
            if (candidates == null) {
                continue;
            }
            for (Spelling s : candidates) {
                if (!into.contains(s.stem()) && Typos.isTypo(typed, s.text())) {
                    into.add(s.stem());
                }
            }
        }
    }

    /** Whether stems[from..] follow query position {@code at}, each within {@value #MAX_GAP} words. */
    private static boolean matchesFrom(String[] stems, int from, int at, List<Set<String>> query) {
        if (from == stems.length) {
            return true;
        }
        int end = Math.min(query.size() - 1, at + 1 + MAX_GAP);
        for (int j = at + 1; j <= end; j++) {
            if (query.get(j).contains(stems[from]) && matchesFrom(stems, from + 1, j, query)) {
                return true;
            }
        }
        return false;
    }
}
