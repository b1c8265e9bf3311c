package org.knead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.knead.search.SearchTestSupport.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.publication.PublicationLog;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.seed.ReferenceImport;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = CoreTestApplication.class)
class SearchBehaviourTest {

    @Autowired SearchService search;
    @Autowired ReferenceImport reference;
    @Autowired ContentService content;
    @Autowired WorkflowService workflow;
    @Autowired PublicationLog log;
    @Autowired MongoTemplate mongo;

    @BeforeEach
    void referenceContent() {
        StoreCleaner.clean(mongo);
        reference.importAll();
        search.rebuild();
        SearchTestSupport.awaitLog(search, log);
    }

    private List<String> top(String q, int n) {
        return search.search(new SearchRequest(q, Set.of(), null, null, 0, n)).items().stream().map(SearchHit::slug)
                .toList();
    }

    private List<String> flags(String q) {
        return search.search(SearchRequest.of(q)).redFlags().stream().map(RedFlag::slug).toList();
    }

    @Test
    void layWordsFindClinicalContentThroughTheVocabulary() {
        assertThat(top("tech neck", 3)).contains("poor-posture");
        assertThat(top("sciatica", 3)).contains("radiating-pain");
        assertThat(top("crick in my neck", 3)).contains("neck-pain");
        assertThat(top("acupressure", 1)).containsExactly("shiatsu-massage");
        assertThat(top("heat pack", 1)).containsExactly("hot-cold-compress");
    }

    @Test
    void anExactWordRanksAboveItsSynonym() {
        publish(content, workflow, selfCare("knot-roller", "Knot roller", "Roll out knots with a ball."));
        publish(content, workflow, selfCare("point-roller", "Point roller", "Roll out trigger points with a ball."));
        SearchTestSupport.awaitLog(search, log);

        List<String> hits = top("knots roller", 10);
        assertThat(hits).contains("knot-roller", "point-roller");
        assertThat(hits.indexOf("knot-roller")).isLessThan(hits.indexOf("point-roller"));
    }

    @Test
    void typosAreToleratedAndCorrected() {
        assertThat(top("sweedish masage", 1)).containsExactly("swedish-massage");
        assertThat(top("shiatzu", 1)).containsExactly("shiatsu-massage");
        assertThat(top("cervical spondilosis", 1)).containsExactly("cervical-spondylosis");
        assertThat(search.search(SearchRequest.of("sweedish masage")).didYouMean()).isEqualTo("swedish massage");
        assertThat(search.search(SearchRequest.of("triger point")).didYouMean()).isEqualTo("trigger point");
        assertThat(search.search(SearchRequest.of("swedish massage")).didYouMean()).isNull();
        assertThat(search.search(SearchRequest.of("massage once a week")).didYouMean()).isNull();
    }

    @Test
    void anExactMatchBeatsATypoMatch() {
        publish(content, workflow, selfCare("rest", "Rest", "Rest your back."));
        publish(content, workflow, selfCare("test-your-range", "Test your range", "A test of range of motion."));
        SearchTestSupport.awaitLog(search, log);

        assertThat(top("rest", 1)).containsExactly("rest");
    }

    @Test
    void facetsCountEveryHitAndAFilteredDimensionKeepsItsOtherValues() {
        SearchResponse all = search.search(new SearchRequest("massage", Set.of(), null, null, 0, 2));
        assertThat(all.items()).hasSize(2);
        assertThat(all.facets()).containsKeys("type", "bodyArea", "pressure");
        assertThat(all.facets().get("type")).containsEntry("technique", 4L);
        assertThat(all.facets().get("pressure")).containsOnlyKeys("gentle", "moderate", "firm", "intense");
        assertThat(all.facets().get("type").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(all.total());

        SearchResponse gentle = search.search(new SearchRequest("massage", Set.of(), null, Pressure.GENTLE, 0, 10));
        assertThat(gentle.items()).extracting(SearchHit::slug).containsExactly("swedish-massage");
        assertThat(gentle.total()).isEqualTo(1);
        assertThat(gentle.facets().get("pressure")).containsOnlyKeys("gentle", "moderate", "firm", "intense");
        assertThat(gentle.facets().get("type")).containsExactly(java.util.Map.entry("technique", 1L));
    }

    @Test
    void filtersByTypeBodyAreaAndPressure() {
        SearchResponse techniques = search.search(new SearchRequest("knots", Set.of(ContentType.TECHNIQUE), null, null,
                0, 10));
        assertThat(techniques.items()).isNotEmpty().allMatch(h -> h.type().equals("technique"));

        SearchResponse lowerBack = search.search(new SearchRequest("massage", Set.of(ContentType.TECHNIQUE),
                BodyArea.LOWER_BACK, null, 0, 10));
        assertThat(lowerBack.items()).extracting(SearchHit::slug)
                .contains("swedish-massage", "deep-tissue-massage", "shiatsu-massage")
                .doesNotContain("trigger-point-massage");

        SearchResponse two = search.search(new SearchRequest("symptom", Set.of(ContentType.SYMPTOM, ContentType.CAUSE),
                null, null, 0, 50));
        assertThat(two.items()).allMatch(h -> h.type().equals("symptom") || h.type().equals("cause"));
    }

    @Test
    void pagesAreSlicesOfOneRanking() {
        SearchResponse first = search.search(new SearchRequest("neck pain", Set.of(), null, null, 0, 3));
        SearchResponse second = search.search(new SearchRequest("neck pain", Set.of(), null, null, 1, 3));
        SearchResponse both = search.search(new SearchRequest("neck pain", Set.of(), null, null, 0, 6));
        assertThat(first.total()).isEqualTo(second.total()).isGreaterThan(6);
        List<SearchHit> joined = new ArrayList<>(first.items());
        joined.addAll(second.items());
        assertThat(joined).extracting(SearchHit::slug).isEqualTo(both.items().stream().map(SearchHit::slug).toList());
        assertThat(search.search(new SearchRequest("neck pain", Set.of(), null, null, 1000, 10)).items()).isEmpty();
    }

    @Test
    void snippetsAreEscapedAndOnlyMarkIsMarkup() {
        publish(content, workflow, selfCare("script-roll", "<script>alert('x')</script> Neck roll",
                "Roll your neck <b>slowly</b> & gently <script>alert(1)</script> with \"care\"."));
        SearchTestSupport.awaitLog(search, log);

        SearchHit hit = search.search(SearchRequest.of("neck roll slowly")).items().stream()
                .filter(h -> h.slug().equals("script-roll")).findFirst().orElseThrow();
        assertThat(hit.snippet()).contains("<mark>").contains("&lt;b&gt;").contains("&amp;").contains("&lt;script&gt;")
                .doesNotContain("<script").doesNotContain("<b>");
        assertThat(onlyMarkIsMarkup(hit.snippet())).isTrue();
        // titles are plain text in the contract: the client escapes them when it renders HTML
        assertThat(hit.title()).isEqualTo("<script>alert('x')</script> Neck roll");

        for (String q : List.of("knots in my shoulder", "pins and needles", "deep tissue", "a & b < c > d")) {
            for (SearchHit h : search.search(SearchRequest.of(q)).items()) {
                assertThat(onlyMarkIsMarkup(h.snippet())).as(h.snippet()).isTrue();
            }
        }
    }

    private static boolean onlyMarkIsMarkup(String snippet) {
        String rest = snippet.replace("<mark>", "").replace("</mark>", "");
        return !rest.contains("<") && !rest.contains(">");
    }

    @Test
    void redFlagsComeFromLayAndClinicalWordsWithTypos() {
        assertThat(flags("tingling hands")).containsExactly("numbness-or-weakness");
        assertThat(flags("pins and needles in my fingers")).containsExactly("numbness-or-weakness");
        assertThat(flags("I can't feel my hands")).containsExactly("numbness-or-weakness");
        assertThat(flags("numbnes in my feet")).containsExactly("numbness-or-weakness");
        assertThat(flags("paresthesia")).containsExactly("numbness-or-weakness");
        assertThat(flags("high temprature and back ache")).containsExactly("fever-or-weight-loss");
        assertThat(flags("lost a lot of weight")).containsExactly("fever-or-weight-loss");
        assertThat(flags("excruciating lower back pain")).containsExactly("severe-or-persistent-pain");
        assertThat(flags("my back pain never goes away")).containsExactly("severe-or-persistent-pain");
        assertThat(flags("numb arms and a fever")).containsExactlyInAnyOrder("numbness-or-weakness",
                "fever-or-weight-loss");
    }

    @Test
    void redFlagsAreCompleteWhateverThePageAndTypeFilter() {
        SearchResponse r = search.search(new SearchRequest("numb legs and fever", Set.of(ContentType.ARTICLE),
                BodyArea.NECK, Pressure.FIRM, 7, 1));
        assertThat(r.items()).isEmpty();
        // numb legs (both of them) is also a sign of cauda equina syndrome, an emergency
        assertThat(r.redFlags()).extracting(RedFlag::slug)
                .containsExactly("cauda-equina-signs", "fever-or-weight-loss", "numbness-or-weakness");
        RedFlag flag = r.redFlags().stream().filter(f -> f.slug().equals("fever-or-weight-loss")).findFirst()
                .orElseThrow();
        assertThat(flag.severity()).isEqualTo("see-a-doctor");
        assertThat(flag.title()).isEqualTo("Fever or unexplained weight loss");
        assertThat(flag.advice()).isNotBlank();
    }

    @Test
    void redFlagsComeMostSevereFirstThenByTitle() {
        List<RedFlag> flags = search.search(SearchRequest.of(
                "lump on my back, numb hands, a fever and chest pain after a car crash")).redFlags();
        assertThat(flags).extracting(RedFlag::slug).containsExactly("chest-pain", "injury-or-accident",
                "lump-or-changed-shape", "fever-or-weight-loss", "numbness-or-weakness");
        assertThat(flags).extracting(RedFlag::severity).containsExactly("emergency", "emergency", "urgent",
                "see-a-doctor", "see-a-doctor");
        assertThat(flags).allSatisfy(f -> assertThat(f.action()).isNotBlank());
    }

    @Test
    void harmlessQueriesRaiseNoAlarm() {
        for (String q : List.of("gentle massage for beginners", "hot or cold compress", "massage once a week",
                "never had a massage", "will the pain go away after massage", "best pillow for sleeping",
                "stretching for desk workers", "relaxing massage to unwind", "fewer knots", "deep tissue vs swedish",
                "light pressure massage", "pressure points", "warm compress for a stiff neck")) {
            assertThat(flags(q)).as(q).isEmpty();
        }
    }

    @Test
    void hostileInputNeverThrows() {
        Random random = new Random(42);
        StringBuilder big = new StringBuilder();
        while (big.length() < 10_240) {
            big.append((char) (random.nextInt(0x2FFF) + 1));
        }
        List<String> inputs = new ArrayList<>(List.of("", " ", "/[/", "\"", "*", "?", "title:(", "AND OR NOT",
                "a~2", "\u0000\u0001\u0002", "\uD83D\uDE42 \uD83D\uDE42", "<script>alert(1)</script>", "%00", "\\",
                "((((((", "-", "+", "~", "^3", "{}[]", "field:value*", "\"unclosed phrase", "!!!", "\uFFFF",
                "\uD800", "a".repeat(10_000), "pain ".repeat(3000), "numb ".repeat(2000), big.toString()));
        for (String q : inputs) {
            assertThatCode(() -> {
                search.search(new SearchRequest(q, Set.of(ContentType.values()), BodyArea.NECK, Pressure.GENTLE, 3,
                        100));
                SearchResponse r = search.search(SearchRequest.of(q));
                assertThat(r).isNotNull();
                search.suggest(q, 10);
                search.suggest(q, 0);
            }).as(q.length() > 40 ? q.substring(0, 40) : q).doesNotThrowAnyException();
        }
        assertThatCode(() -> search.search(null)).doesNotThrowAnyException();
        assertThatCode(() -> search.search(new SearchRequest(null, null, null, null, -1, -5)))
                .doesNotThrowAnyException();
        assertThatCode(() -> search.suggest(null, 5)).doesNotThrowAnyException();
    }

    @Test
    void suggestionsCompleteTitlesAndAliases() {
        assertThat(search.suggest("trig", 5).suggestions()).first()
                .isEqualTo(new Suggestion("Trigger Point Massage", "technique", "trigger-point-massage"));
        assertThat(search.suggest("Sw", 5).suggestions()).extracting(Suggestion::slug).startsWith("swedish-massage");
        assertThat(search.suggest("deep t", 5).suggestions()).extracting(Suggestion::slug)
                .containsExactly("deep-tissue-massage");
        assertThat(search.suggest("effleu", 5).suggestions()).extracting(Suggestion::slug)
                .containsExactly("swedish-massage");
        assertThat(search.suggest("s", 3).suggestions()).hasSize(3);
        assertThat(search.suggest("", 5).suggestions()).isEmpty();
        assertThat(search.suggest("zzzz", 5).suggestions()).isEmpty();
    }

    static Content selfCare(String slug, String title, String summary) {
        return Content.builder(ContentType.SELF_CARE, slug).title(title).summary(summary).body(summary).build();
    }
}
