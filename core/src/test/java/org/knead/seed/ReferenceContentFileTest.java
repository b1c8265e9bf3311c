package org.knead.seed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
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
    private static final List<String> WARNINGS =
            List.of("severe-or-persistent-pain", "numbness-or-weakness", "fever-or-weight-loss");

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
        assertEquals(3, ofType(ContentType.WARNING).size());
        assertEquals(1, ofType(ContentType.ARTICLE).size());
        int symptoms = ofType(ContentType.SYMPTOM).size();
        assertTrue(symptoms >= 8 && symptoms <= 16, "unexpected number of symptoms: " + symptoms);
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
    void everyWarningHasSeverityAdviceAndEnoughTriggerPhrases() {
        for (Content w : ofType(ContentType.WARNING)) {
            assertNotNull(w.severity(), "warning without severity: " + w.slug());
            assertTrue(w.severity() == Severity.SEE_A_DOCTOR || w.severity() == Severity.EMERGENCY,
                    "a red flag of the article means seeing a doctor: " + w.slug());
            assertTrue(w.advice().length() >= 40, "warning without clear advice: " + w.slug());
            assertTrue(w.advice().toLowerCase(Locale.ROOT).contains("doctor"),
                    "advice should say to see a doctor: " + w.slug());
            assertTrue(w.triggerPhrases().size() >= 5, "too few trigger phrases: " + w.slug());
            assertFalse(w.triggerSymptoms().isEmpty(), "warning without trigger symptoms: " + w.slug());
        }
    }

    @Test
    void triggerPhrasesFireOnRedFlagsButNotOnHarmlessQueries() {
        Set<String> tooBroad = Set.of("pain", "massage", "hot", "cold", "gentle", "compress", "neck", "back", "ache");
        for (Content w : ofType(ContentType.WARNING)) {
            for (String phrase : w.triggerPhrases()) {
                assertFalse(tooBroad.contains(phrase.toLowerCase(Locale.ROOT)),
                        w.slug() + " has a trigger phrase that is far too broad: " + phrase);
            }
        }
        assertEquals(Set.of(), firing("gentle massage for beginners"));
        assertEquals(Set.of(), firing("hot or cold compress"));
        assertEquals(Set.of(), firing("heat pack or ice"));
        assertTrue(firing("numbness in my legs").contains("numbness-or-weakness"));
        assertTrue(firing("weakness in my arms").contains("numbness-or-weakness"));
        assertTrue(firing("back pain with a fever").contains("fever-or-weight-loss"));
        assertTrue(firing("pain that will not go away").contains("severe-or-persistent-pain"));
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
        for (ContentType type : List.of(ContentType.TECHNIQUE, ContentType.CAUSE, ContentType.SELF_CARE,
                ContentType.WARNING)) {
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

    private static Set<String> firing(String query) {
        String q = " " + normalise(query) + " ";
        return ofType(ContentType.WARNING).stream()
                .filter(w -> w.triggerPhrases().stream().anyMatch(p -> q.contains(" " + normalise(p) + " ")))
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
