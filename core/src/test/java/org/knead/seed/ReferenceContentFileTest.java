package org.knead.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.content.Severity;
import org.knead.content.Source;

/** The reference content file (the seed article as structured content) is complete, consistent and clean. */
class ReferenceContentFileTest {

    private static final String RESOURCE = "/seed/reference-content.json";
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private static final List<String> TECHNIQUES =
            List.of("swedish-massage", "deep-tissue-massage", "shiatsu-massage", "trigger-point-massage");
    private static final List<String> CAUSES = List.of("poor-posture", "prolonged-desk-work", "injuries", "stress",
            "cervical-spondylosis", "other-medical-conditions");
    private static final List<String> SELF_CARE =
            List.of("stretching-exercises", "proper-posture", "hot-cold-compress", "supportive-pillow");
    /** The warnings of the article itself (its "When to See a Doctor" section). */
    private static final List<String> WARNINGS =
            List.of("severe-or-persistent-pain", "numbness-or-weakness", "fever-or-weight-loss");
    /** Every warning Knead ships, with its severity: the fixed slugs of DESIGN.md. */
    private static final Map<String, Severity> SHIPPED_WARNINGS = Map.of(
            "cauda-equina-signs", Severity.EMERGENCY,
            "chest-pain", Severity.EMERGENCY,
            "injury-or-accident", Severity.EMERGENCY,
            "meningitis-signs", Severity.EMERGENCY,
            "sudden-neurological-signs", Severity.EMERGENCY,
            "lump-or-changed-shape", Severity.URGENT,
            "history-of-cancer", Severity.URGENT,
            "severe-or-persistent-pain", Severity.SEE_A_DOCTOR,
            "numbness-or-weakness", Severity.SEE_A_DOCTOR,
            "fever-or-weight-loss", Severity.SEE_A_DOCTOR);
    /** Where a warning's facts may come from: national health services. */
    private static final Set<String> SOURCE_HOSTS = Set.of("www.nhs.uk", "www.nice.org.uk");
    /**
     * Words that are calm on their own: never a whole trigger phrase, symptom title or alias of a trigger
     * symptom ("weak massage pressure please", "a tingly feeling of relaxation", "headache from screens").
     */
    private static final Set<String> CALM_ALONE = Set.of("pain", "massage", "hot", "cold", "gentle", "compress",
            "neck", "back", "ache", "sore", "stiff", "stiff neck", "stiffness", "tight", "tense", "weak", "weakness",
            "weaker", "tingly", "tingling", "numb", "numbness", "headache", "head ache", "migraine", "dizzy",
            "dizziness", "vertigo", "lightheaded", "accident", "crash", "fall", "fell", "lump", "lumps", "bump",
            "swelling", "swollen", "rash", "light", "sick", "vomiting", "tired", "pressure", "stroke", "strokes",
            "injury", "strain", "sprain", "whiplash", "for months", "months", "can't feel", "collapsed", "wet",
            "pee", "weed", "drop", "weight", "temperature", "chill", "chills", "spots");

    /** Page chrome of the site the article was copied from: none of it may be imported. */
    private static final List<String> CHROME = List.of("Horacio", "Brakus", "Minnie Prairie", "South Edda",
            "Top Articles", "Latest Posts", "Recommended Articles", "Article information", "Author information",
            "Kitesurfing", "Sculling", "Sales Strategist", "+5931039998219", "1999-08-21", "Views:", "51 voted",
            "readers found this page helpful", "(2025)");

    private static String raw;
    private static List<Content> all;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ReferenceContentFileTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "missing classpath resource " + RESOURCE);
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        all = List.of(new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .readValue(raw, Content[].class));
    }

    private static Map<ContentRef, Content> byRef() {
        return all.stream().collect(Collectors.toMap(Content::ref, c -> c));
    }

    private static Content get(ContentType type, String slug) {
        Content c = byRef().get(ContentRef.of(type, slug));
        assertNotNull(c, "missing " + type.key() + ":" + slug);
        return c;
    }

    private static List<Content> ofType(ContentType type) {
        return all.stream().filter(c -> c.type() == type).toList();
    }

    @Test
    void everyItemHasTypeValidSlugTitleAndSummary() {
        assertFalse(all.isEmpty());
        Set<ContentRef> seen = new HashSet<>();
        for (Content c : all) {
            assertNotNull(c.type(), "item without type: " + c.slug());
            assertNotNull(c.slug(), "item without slug");
            assertTrue(SLUG.matcher(c.slug()).matches(), "slug is not lowercase-kebab: " + c.slug());
            assertTrue(seen.add(c.ref()), "duplicate item " + c.ref());
            assertFalse(c.title().isBlank(), "no title: " + c.ref());
            assertFalse(c.summary().isBlank(), "no summary: " + c.ref());
        }
    }

    @Test
    void theNamedItemsOfEveryTypeExist() {
        TECHNIQUES.forEach(s -> get(ContentType.TECHNIQUE, s));
        CAUSES.forEach(s -> get(ContentType.CAUSE, s));
        SELF_CARE.forEach(s -> get(ContentType.SELF_CARE, s));
        WARNINGS.forEach(s -> get(ContentType.WARNING, s));
        assertEquals(4, ofType(ContentType.TECHNIQUE).size());
        assertEquals(6, ofType(ContentType.CAUSE).size());
        assertEquals(4, ofType(ContentType.SELF_CARE).size());
        SHIPPED_WARNINGS.keySet().forEach(s -> get(ContentType.WARNING, s));
        assertEquals(SHIPPED_WARNINGS.size(), ofType(ContentType.WARNING).size());
        assertEquals(1, ofType(ContentType.ARTICLE).size());
        int symptoms = ofType(ContentType.SYMPTOM).size();
        assertTrue(symptoms >= 20 && symptoms <= 40, "unexpected number of symptoms: " + symptoms);
    }

    @Test
    void everyLinkResolvesToAnItemOfTheRightType() {
        Map<ContentRef, Content> index = byRef();
        List<String> broken = new ArrayList<>();
        for (Content c : all) {
            c.links().forEach((relation, refs) -> refs.stream()
                    .filter(ref -> !index.containsKey(ref))
                    .forEach(ref -> broken.add(c.ref() + " -" + relation + "-> " + ref)));
        }
        assertTrue(broken.isEmpty(), "links that do not resolve: " + broken);
    }

    @Test
    void everySymptomIsUsedAndHasLayAndClinicalWords() {
        Set<String> used = all.stream()
                .flatMap(c -> java.util.stream.Stream.of(c.relievesSymptoms(), c.leadsToSymptoms(), c.triggerSymptoms()))
                .flatMap(List::stream)
                .collect(Collectors.toSet());
        for (Content s : ofType(ContentType.SYMPTOM)) {
            assertTrue(used.contains(s.slug()), "symptom not linked from anywhere: " + s.slug());
            assertTrue(s.aliases().size() >= 3, "symptom needs lay and clinical aliases: " + s.slug());
        }
        assertTrue(lower(get(ContentType.SYMPTOM, "muscle-knots").aliases()).contains("trigger points"));
        assertTrue(lower(get(ContentType.SYMPTOM, "numbness-or-tingling").aliases()).contains("pins and needles"));
    }

    @Test
    void techniquesCarryPressureAreasAliasesBenefitsAndCautions() {
        assertEquals(Pressure.GENTLE, get(ContentType.TECHNIQUE, "swedish-massage").pressure());
        assertTrue(Set.of(Pressure.FIRM, Pressure.INTENSE)
                .contains(get(ContentType.TECHNIQUE, "deep-tissue-massage").pressure()));
        assertEquals(Pressure.MODERATE, get(ContentType.TECHNIQUE, "shiatsu-massage").pressure());
        assertEquals(Pressure.FIRM, get(ContentType.TECHNIQUE, "trigger-point-massage").pressure());

        for (Content t : ofType(ContentType.TECHNIQUE)) {
            assertFalse(t.body().isBlank(), "technique without body: " + t.slug());
            assertFalse(t.bodyAreas().isEmpty(), "technique without body areas: " + t.slug());
            assertFalse(t.aliases().isEmpty(), "technique without aliases: " + t.slug());
            assertFalse(t.benefits().isEmpty(), "technique without benefits: " + t.slug());
            assertFalse(t.relievesSymptoms().isEmpty(), "technique relieves nothing: " + t.slug());
        }
        assertTrue(get(ContentType.TECHNIQUE, "trigger-point-massage").bodyAreas().contains(BodyArea.SHOULDERS));

        assertTrue(lower(get(ContentType.TECHNIQUE, "swedish-massage").aliases())
                .containsAll(List.of("effleurage", "petrissage")));
        assertTrue(lower(get(ContentType.TECHNIQUE, "shiatsu-massage").aliases())
                .containsAll(List.of("acupressure", "japanese massage")));
        assertTrue(lower(get(ContentType.TECHNIQUE, "trigger-point-massage").aliases()).contains("myofascial release"));

        for (String firm : List.of("deep-tissue-massage", "trigger-point-massage")) {
            assertTrue(get(ContentType.TECHNIQUE, firm).cautions()
                            .containsAll(List.of("severe-or-persistent-pain", "numbness-or-weakness")),
                    firm + " must caution about severe pain and numbness or weakness");
        }
    }

    @Test
    void causesAndSelfCareLinkToSymptoms() {
        for (Content c : ofType(ContentType.CAUSE)) {
            assertFalse(c.leadsToSymptoms().isEmpty(), "cause leads to no symptom: " + c.slug());
            assertFalse(c.aliases().isEmpty(), "cause without aliases: " + c.slug());
        }
        for (Content c : ofType(ContentType.SELF_CARE)) {
            assertFalse(c.relievesSymptoms().isEmpty(), "self-care tip relieves nothing: " + c.slug());
            assertFalse(c.aliases().isEmpty(), "self-care tip without aliases: " + c.slug());
        }
        assertTrue(lower(get(ContentType.CAUSE, "other-medical-conditions").aliases())
                .containsAll(List.of("arthritis", "fibromyalgia")));
        assertTrue(lower(get(ContentType.CAUSE, "injuries").aliases()).contains("whiplash"));
        assertTrue(lower(get(ContentType.CAUSE, "poor-posture").aliases()).contains("slouching"));
    }

    @Test
    void everyWarningHasItsSeverityActionAdviceSourcesAndEnoughTriggers() {
        for (Content w : ofType(ContentType.WARNING)) {
            assertEquals(SHIPPED_WARNINGS.get(w.slug()), w.severity(), "severity of " + w.slug() + " (DESIGN.md)");
            assertFalse(w.body().isBlank(), "warning without body: " + w.slug());
            assertFalse(w.action().isBlank(), "warning without the one action to take: " + w.slug());
            String action = w.action().toLowerCase(Locale.ROOT);
            switch (w.severity()) {
                case EMERGENCY -> assertTrue(action.contains("emergency number") && action.contains("999")
                        && action.contains("112") && action.contains("911"), "an emergency says to call the"
                        + " emergency number (999, 112, 911): " + w.slug());
                case URGENT -> assertTrue(action.contains("urgent") && action.contains("today"),
                        "an urgent warning says to get an urgent appointment today: " + w.slug());
                default -> assertTrue(action.contains("gp") || action.contains("doctor"),
                        "a see-a-doctor warning says to see a doctor: " + w.slug());
            }
            assertTrue(w.advice().length() >= 40, "warning without clear advice: " + w.slug());
            String advice = w.advice().toLowerCase(Locale.ROOT);
            assertTrue(advice.contains("doctor") || advice.contains("emergency"),
                    "advice should say to see a doctor or get emergency help: " + w.slug());
            assertFalse(w.sources().isEmpty(), "warning without sources: " + w.slug());
            for (Source source : w.sources()) {
                URI url = URI.create(source.url());
                assertEquals("https", url.getScheme(), "source is not https: " + source.url());
                assertTrue(SOURCE_HOSTS.contains(url.getHost()),
                        "source is not a national health service page (nhs.uk, nice.org.uk): " + source.url());
                assertFalse(source.title().isBlank(), "source without title: " + source.url());
                assertTrue(Set.of("NHS", "NICE").contains(source.publisher()), "publisher of " + source.url());
                assertNotNull(source.checkedOn(), "source without the date it was checked: " + source.url());
            }
            assertTrue(w.triggerPhrases().size() >= 5, "too few trigger phrases: " + w.slug());
            assertTrue(w.triggerPhrases().size() <= 100, "too many trigger phrases: " + w.slug());
            assertFalse(w.triggerSymptoms().isEmpty(), "warning without trigger symptoms: " + w.slug());
            for (String symptom : w.triggerSymptoms()) {
                get(ContentType.SYMPTOM, symptom);
            }
        }
        for (String slug : SHIPPED_WARNINGS.keySet()) {
            Content w = get(ContentType.WARNING, slug);
            if (w.severity() != Severity.EMERGENCY) {
                String advice = w.advice().toLowerCase(Locale.ROOT);
                assertTrue(advice.contains("emergency"), "advice of " + slug + " should say when to call the"
                        + " emergency number instead (and point to the emergency warnings)");
            }
        }
    }

    @Test
    void triggerPhrasesFireOnRedFlagsButNotOnHarmlessQueries() {
        for (Content w : ofType(ContentType.WARNING)) {
            for (String trigger : triggers(w)) {
                assertFalse(CALM_ALONE.contains(normalise(trigger)),
                        w.slug() + " has a trigger that is calm on its own: " + trigger);
                for (String part : trigger.split(" \\+ ")) {
                    assertFalse(normalise(part).isEmpty(), w.slug() + " has an empty part in: " + trigger);
                }
            }
        }
        for (String calm : List.of("gentle massage for beginners", "hot or cold compress", "heat pack or ice",
                "stiff neck", "stiff neck after a long drive", "sore lower back after moving house",
                "headache from staring at screens", "weak massage pressure please",
                "gentle massage for a tingly feeling of relaxation", "relaxing massage for stiff shoulders",
                "warm compress for a stiff neck", "light pressure massage", "long gliding strokes",
                "will the pain go away after massage", "fall asleep with a sore neck", "tension headache",
                "neck pain", "back pain", "knots in my shoulder")) {
            assertEquals(Set.of(), firing(calm), calm);
        }
        assertTrue(firing("numbness in my legs").contains("numbness-or-weakness"));
        assertTrue(firing("weakness in my arms").contains("numbness-or-weakness"));
        assertTrue(firing("back pain with a fever").contains("fever-or-weight-loss"));
        assertTrue(firing("pain that won't go away").contains("severe-or-persistent-pain"));
        Map<String, String> flags = Map.ofEntries(
                Map.entry("loss of bladder control", "cauda-equina-signs"),
                Map.entry("incontinence", "cauda-equina-signs"),
                Map.entry("numb down below and back pain", "cauda-equina-signs"),
                Map.entry("i wet myself", "cauda-equina-signs"),
                Map.entry("can't walk", "cauda-equina-signs"),
                Map.entry("neck pain after a car accident", "injury-or-accident"),
                Map.entry("back hurts since i fell off a ladder", "injury-or-accident"),
                Map.entry("severe headache and stiff neck", "meningitis-signs"),
                Map.entry("stiff neck and a fever", "meningitis-signs"),
                Map.entry("fever and a stiff neck", "meningitis-signs"),
                Map.entry("rash that doesn't fade", "meningitis-signs"),
                Map.entry("chest pain with neck pain", "chest-pain"),
                Map.entry("pain going down my left arm", "chest-pain"),
                Map.entry("neck pain and dizzy", "sudden-neurological-signs"),
                Map.entry("dizzy when i turn my neck", "sudden-neurological-signs"),
                Map.entry("slurred speech", "sudden-neurological-signs"),
                Map.entry("lump on my spine", "lump-or-changed-shape"),
                Map.entry("my back has changed shape", "lump-or-changed-shape"),
                Map.entry("back pain and i had cancer", "history-of-cancer"),
                Map.entry("back pain for months", "severe-or-persistent-pain"),
                Map.entry("lost feeling in my hand", "numbness-or-weakness"));
        flags.forEach((query, slug) -> assertTrue(firing(query).contains(slug), query + " should raise " + slug
                + ", raises " + firing(query)));
    }

    @Test
    void theArticleIsCompleteAndLinksEverything() {
        Content article = get(ContentType.ARTICLE, "back-neck-pain-massage");
        assertEquals("Back Neck Pain Massage: Effective Relief and Techniques", article.title());
        for (String heading : List.of("## Causes", "## Benefits of Massage Therapy", "## Massage Techniques",
                "## Self-Care Tips", "## When to See a Doctor")) {
            assertTrue(article.body().contains(heading), "article misses section " + heading);
        }
        assertTrue(article.body().contains("qualified massage therapist"), "article misses its closing paragraph");
        Set<ContentRef> related = Set.copyOf(article.related());
        WARNINGS.forEach(slug -> assertTrue(related.contains(ContentRef.of(ContentType.WARNING, slug)),
                "article does not link its warning " + slug));
        for (ContentType type : List.of(ContentType.TECHNIQUE, ContentType.CAUSE, ContentType.SELF_CARE)) {
            for (Content c : ofType(type)) {
                assertTrue(related.contains(c.ref()), "article does not link " + c.ref());
            }
        }
    }

    @Test
    void noPageChromeIsImported() {
        for (String chrome : CHROME) {
            assertFalse(raw.contains(chrome), "page chrome in the reference content: " + chrome);
        }
        Pattern caption = Pattern.compile("Effective Relief and Techniques \\(\\d+\\)");
        if (caption.matcher(raw).find()) {
            fail("image caption line in the reference content");
        }
    }

    /** Every text that raises a warning: its phrases and the titles and aliases of its trigger symptoms. */
    private static List<String> triggers(Content w) {
        List<String> out = new ArrayList<>(w.triggerPhrases());
        for (String slug : w.triggerSymptoms()) {
            Content s = get(ContentType.SYMPTOM, slug);
            out.add(s.title());
            out.addAll(s.aliases());
        }
        return out;
    }

    /**
     * A plain reading of the trigger format (the search detector is smarter): a trigger fires when its words
     * are in the query; one whose parts are joined by " + " fires when every part is there, in any order.
     */
    private static Set<String> firing(String query) {
        String q = " " + normalise(query) + " ";
        return ofType(ContentType.WARNING).stream()
                .filter(w -> triggers(w).stream().anyMatch(t -> Arrays.stream(t.split(" \\+ "))
                        .allMatch(p -> q.contains(" " + normalise(p) + " "))))
                .map(Content::slug)
                .collect(Collectors.toSet());
    }

    private static String normalise(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^a-z0-9']+"))
                .filter(w -> !w.isEmpty())
                .collect(Collectors.joining(" "));
    }

    private static List<String> lower(List<String> list) {
        return list.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }
}
