package org.knead.search.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.content.Severity;
import org.knead.seed.ReferenceContent;

/**
 * A large, realistic corpus with a fixed seed: the reference content, then generated items whose
 * words follow the reference article's word frequencies (Zipf-like), with about 300-word bodies,
 * aliases, benefits, body areas and pressures; a few dozen warnings and many symptoms.
 */
public final class CorpusGenerator {

    private static final String[] MEDICAL = {"numbness", "tingling", "weakness", "fever", "weight loss", "night sweats",
        "severe pain", "constant pain", "loss of balance", "blurred vision", "chest pain", "dizziness", "headache",
        "bladder control", "bowel control", "difficulty walking", "stiff neck and fever", "sudden pain",
        "pain at night", "swelling", "redness", "jaw pain", "arm pain", "leg pain", "burning pain"};

    private final Random random;
    private final List<String> words;
    private final double[] cumulative;
    private final List<Content> reference = ReferenceContent.load();

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
        Map<String, Integer> freq = new HashMap<>();
        for (Content c : reference) {
            String text = String.join(" ", c.title(), c.summary(), c.body(), String.join(" ", c.aliases()),
                    String.join(" ", c.benefits()));
            for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
                if (w.length() > 1) {
                    freq.merge(w, 1, Integer::sum);
                }
            }
        }
        // synthetic words widen the vocabulary to a realistic size for a large site
        for (int i = 0; i < 20_000; i++) {
            freq.put(syllables(i), 1);
        }
        words = new ArrayList<>(freq.keySet());
        words.sort((a, b) -> freq.get(b) - freq.get(a) != 0 ? freq.get(b) - freq.get(a) : a.compareTo(b));
        cumulative = new double[words.size()];
        double sum = 0;
        for (int i = 0; i < words.size(); i++) {
            sum += 1.0 / Math.pow(i + 1, 1.05);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    private static String syllables(int n) {
        String[] s = {"ka", "lo", "mi", "ra", "te", "su", "no", "pe", "vi", "do", "fa", "gu", "be", "zo", "ti", "ne"};
        StringBuilder b = new StringBuilder();
        int x = n + 17;
        do {
            b.append(s[x % s.length]);
            x /= s.length;
        } while (x > 0);
        return b.toString();
    }

    public String word() {
        double r = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return words.get(lo);
    }

    public String words(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(word());
        }
        return b.toString();
    }

    private String sentences(int totalWords) {
        StringBuilder b = new StringBuilder();
        int left = totalWords;
        while (left > 0) {
            int n = Math.min(left, 8 + random.nextInt(14));
            String s = words(n);
            b.append(Character.toUpperCase(s.charAt(0))).append(s.substring(1)).append(". ");
            if (random.nextInt(6) == 0) {
                b.append("\n\n## ").append(title(2)).append("\n\n");
            }
            left -= n;
        }
        return b.toString().strip();
    }

    private String title(int n) {
        StringBuilder b = new StringBuilder();
        for (String w : words(n).split(" ")) {
            b.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1)).append(' ');
        }
        return b.toString().strip();
    }

    /** The reference content followed by generated items, {@code total} in all. */
    public List<Content> corpus(int total) {
        List<Content> out = new ArrayList<>(reference);
        int symptoms = 0;
        for (int i = out.size(); i < total; i++) {
            int kind = random.nextInt(100);
            ContentType type = kind < 25 ? ContentType.TECHNIQUE : kind < 40 ? ContentType.SYMPTOM
                    : kind < 55 ? ContentType.CAUSE : kind < 75 ? ContentType.SELF_CARE
                    : i % 2500 == 0 ? ContentType.WARNING : ContentType.ARTICLE;
            String slug = "gen-" + type.key() + "-" + i;
            Content.Builder b = Content.builder(type, slug)
                    .title(title(2 + random.nextInt(3)) + (type == ContentType.TECHNIQUE ? " Massage" : ""))
                    .summary(sentences(20 + random.nextInt(15)))
                    .body(sentences(type == ContentType.ARTICLE ? 500 + random.nextInt(300) : 200 + random.nextInt(200)));
            Set<String> aliases = new LinkedHashSet<>();
            for (int a = random.nextInt(6); a > 0; a--) {
                aliases.add(words(1 + random.nextInt(3)));
            }
            b.aliases(List.copyOf(aliases));
            if (type == ContentType.TECHNIQUE) {
                b.pressure(Pressure.values()[random.nextInt(4)]);
                List<BodyArea> areas = new ArrayList<>();
                for (BodyArea a : BodyArea.values()) {
                    if (random.nextBoolean()) {
                        areas.add(a);
                    }
                }
                if (areas.isEmpty()) {
                    areas.add(BodyArea.NECK);
                }
                b.bodyAreas(areas);
                List<String> benefits = new ArrayList<>();
                for (int k = 2 + random.nextInt(4); k > 0; k--) {
                    benefits.add(words(3 + random.nextInt(4)));
                }
                b.benefits(benefits);
            }
            if (type == ContentType.SYMPTOM) {
                symptoms++;
            }
            if (type == ContentType.WARNING) {
                List<String> phrases = new ArrayList<>();
                for (int k = 3 + random.nextInt(8); k > 0; k--) {
                    phrases.add(MEDICAL[random.nextInt(MEDICAL.length)] + (random.nextBoolean() ? "" : " " + word()));
                }
                b.triggerPhrases(phrases).severity(Severity.values()[random.nextInt(Severity.values().length)])
                        .action("See a doctor soon.").advice("See a doctor. " + sentences(15))
                        .sources(org.knead.testing.TestSources.nhsBackPain());
            }
            out.add(b.build());
        }
        return out;
    }

    /** Typical 2-5 word queries: lay questions, words of the corpus, and some typos. */
    public List<String> queries(int n) {
        List<String> fixed = List.of("swedish massage", "deep tissue", "knots that send pain down my arm",
                "gentle massage for beginners", "sitting at a desk all day", "heat pack or ice",
                "pillow for neck support", "stretches for tight muscles", "sweedish masage", "triger point",
                "numbness in my legs", "back pain with a fever", "pain that will not go away", "pins and needles",
                "text neck", "stiff neck in the morning", "massage for anxiety", "hot or cold compress");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                out.add(fixed.get(random.nextInt(fixed.size())));
            } else {
                String q = words(2 + random.nextInt(4));
                if (kind == 9) {
                    char[] c = q.toCharArray();
                    int at = random.nextInt(c.length - 1);
                    char t = c[at];
                    c[at] = c[at + 1];
                    c[at + 1] = t;
                    q = new String(c);
                }
                out.add(q);
            }
        }
        return out;
    }

    public List<String> prefixes(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String w = word();
            out.add(w.substring(0, Math.min(w.length(), 1 + random.nextInt(6))));
        }
        return out;
    }
}
