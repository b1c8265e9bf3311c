package org.knead.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.content.Severity;
import org.knead.search.RedFlag;

/** The red-flag detector on content built here: no Spring, no index. */
class RedFlagDetectorTest {

    private static final Predicate<String> NOTHING_KNOWN = w -> false;

    static Content warning(String slug, Severity severity, String... phrases) {
        return warning(slug, slug, severity, phrases);
    }

    static Content warning(String slug, String title, Severity severity, String... phrases) {
        return Content.builder(ContentType.WARNING, slug).title(title).severity(severity).action("act")
                .advice("advice").triggerPhrases(List.of(phrases)).build();
    }

    static RedFlagDetector detector(Content... content) {
        return RedFlagDetector.of(List.of(content), Vocabulary.parse(""));
    }

    static List<String> flags(RedFlagDetector d, String query) {
        return d.detect(query, NOTHING_KNOWN).stream().map(RedFlag::slug).toList();
    }

    // --- combinations ---

    @Test
    void aCombinationFiresOnlyWhenEveryPartIsInTheQuery() {
        RedFlagDetector d = detector(warning("meningitis", Severity.EMERGENCY, "stiff neck + fever",
                "stiff neck + headache", "stiff neck + light + hurts eyes"));
        assertThat(flags(d, "stiff neck")).isEmpty();
        assertThat(flags(d, "stiff neck after a long drive")).isEmpty();
        assertThat(flags(d, "fever")).isEmpty();
        assertThat(flags(d, "stiff neck and a fever")).containsExactly("meningitis");
        assertThat(flags(d, "severe headache and stiff neck")).containsExactly("meningitis");
        assertThat(flags(d, "the light hurts my eyes and my neck is stiff")).containsExactly("meningitis");
        assertThat(flags(d, "the light hurts my eyes")).isEmpty();
    }

    @Test
    void thePartsOfACombinationMatchInAnyOrderAndAnywhere() {
        RedFlagDetector d = detector(warning("meningitis", Severity.EMERGENCY, "stiff neck + high temperature"));
        assertThat(flags(d, "high temperature since yesterday, now a really stiff neck")).containsExactly("meningitis");
        assertThat(flags(d, "neck stiff and temperature high")).containsExactly("meningitis");
    }

    @Test
    void aPhraseAloneStillFiresNextToCombinations() {
        RedFlagDetector d = detector(warning("chest", Severity.EMERGENCY, "chest pain", "pain + left arm"));
        assertThat(flags(d, "chest pain")).containsExactly("chest");
        assertThat(flags(d, "pain going down my left arm")).containsExactly("chest");
        assertThat(flags(d, "left arm")).isEmpty();
    }

    // --- durations ---

    @Test
    void everyDurationOfThreeWeeksOrMoreReadsAsForMonths() {
        RedFlagDetector d = detector(warning("persistent", Severity.SEE_A_DOCTOR, "pain + for months"));
        for (String q : List.of("back pain for months", "back pain for three months", "neck pain for 6 weeks",
                "pain for weeks", "pain for years", "back pain since last year", "neck pain over a month",
                "pain for more than a month", "had this pain 4 months", "pain for half a year",
                "pain for a few weeks", "pain for several months", "pain 3months", "neck pain for a month",
                "back pain for the last three weeks", "pain for 30 days", "back pain for ages",
                "pain for three and a half weeks", "months of back pain", "pain for a year and a half",
                "back pain for a couple of months", "neck pain for a long time", "back pain since childhood",
                "pain for 2-3 months", "pain since last summer")) {
            assertThat(flags(d, q)).as(q).containsExactly("persistent");
        }
    }

    @Test
    void shortDurationsFrequenciesAndPointsInTimeAreNotPersistent() {
        RedFlagDetector d = detector(warning("persistent", Severity.SEE_A_DOCTOR, "pain + for months"));
        for (String q : List.of("back pain for 2 days", "neck pain for a week", "pain for two weeks",
                "massage once a month for back pain", "hurt my back 3 months ago", "pain for a couple of weeks",
                "back pain in my 5 year old", "massage every 2 months for neck pain", "pain for days",
                "massage three times a week for pain", "this month my back pain started", "pain last week",
                "back pain for 10 days", "book a massage in 6 weeks for my neck pain")) {
            assertThat(flags(d, q)).as(q).isEmpty();
        }
    }

    @Test
    void aPhraseWithADurationMatchesAnyLongDuration() {
        RedFlagDetector d = detector(warning("persistent", Severity.SEE_A_DOCTOR, "back pain for weeks"));
        assertThat(flags(d, "back pain for 2 years")).containsExactly("persistent");
        assertThat(flags(d, "back pain for a week")).isEmpty();
    }

    // --- negation and inability ---

    @Test
    void everySpellingOfInabilityFoldsAlike() {
        RedFlagDetector d = detector(warning("weakness", Severity.SEE_A_DOCTOR, "can't grip"));
        for (String q : List.of("I can not grip anything", "I cannot grip anything", "can't grip", "cant grip",
                "I can’t grip", "I couldn't grip the cup", "I could not grip", "I'm unable to grip",
                "I am not able to grip things", "I wasn't able to grip", "I can no longer grip",
                "I'm no longer able to grip", "I can hardly grip a pen", "couldnt grip")) {
            assertThat(flags(d, q)).as(q).containsExactly("weakness");
        }
        assertThat(flags(d, "grip strength exercises")).isEmpty();
    }

    @Test
    void aPhraseWrittenWithAnyInabilitySpellingMatchesEveryOther() {
        RedFlagDetector d = detector(warning("legs", Severity.EMERGENCY, "unable to feel my legs"));
        assertThat(flags(d, "i couldn't feel my legs")).containsExactly("legs");
        assertThat(flags(d, "I can not feel my legs")).containsExactly("legs");
    }

    @Test
    void aNegationNeverSuppressesAFlag() {
        RedFlagDetector d = detector(warning("numb", Severity.SEE_A_DOCTOR, "numb"),
                warning("persistent", Severity.SEE_A_DOCTOR, "won't go away"));
        assertThat(flags(d, "my hand is not numb but tingles")).containsExactly("numb");
        assertThat(flags(d, "I don't know why my arm is numb")).containsExactly("numb");
        assertThat(flags(d, "pain that doesn't go away")).containsExactly("persistent");
        assertThat(flags(d, "pain that never goes away")).containsExactly("persistent");
        assertThat(flags(d, "the pain just can't go away")).as("inability is a negation too")
                .containsExactly("persistent");
    }

    @Test
    void aNegationIsNotInabilityInAPhrase() {
        RedFlagDetector d = detector(warning("walk", Severity.EMERGENCY, "can't walk"));
        assertThat(flags(d, "can't walk")).containsExactly("walk");
        assertThat(flags(d, "should I not walk after a massage")).isEmpty();
    }

    // --- lemmas ---

    @Test
    void lemmasAndComparativesMatchTheirBaseWord() {
        RedFlagDetector d = detector(warning("feeling", Severity.SEE_A_DOCTOR, "loss of feeling"),
                warning("giving", Severity.SEE_A_DOCTOR, "legs giving way"),
                warning("weak", Severity.SEE_A_DOCTOR, "weak legs"),
                warning("pee", Severity.EMERGENCY, "can't pee"),
                warning("peed", Severity.EMERGENCY, "peed myself"),
                warning("fall", Severity.EMERGENCY, "fall down the stairs"),
                warning("numb", Severity.SEE_A_DOCTOR, "numbness in hand"),
                warning("worse", Severity.SEE_A_DOCTOR, "pain getting worse"));
        assertThat(flags(d, "lost feeling in my hand")).contains("feeling");
        assertThat(flags(d, "losing feeling")).contains("feeling");
        assertThat(flags(d, "my legs gave way")).containsExactly("giving");
        assertThat(flags(d, "my legs give way")).containsExactly("giving");
        assertThat(flags(d, "my legs are getting weaker")).containsExactly("weak");
        assertThat(flags(d, "weakening legs")).containsExactly("weak");
        assertThat(flags(d, "weakness in both legs")).containsExactly("weak");
        assertThat(flags(d, "I couldn't pee this morning")).containsExactly("pee");
        assertThat(flags(d, "I keep peeing myself")).containsExactly("peed");
        assertThat(flags(d, "I fell down the stairs")).containsExactly("fall");
        assertThat(flags(d, "fallen down stairs")).containsExactly("fall");
        assertThat(flags(d, "numb hand")).containsExactly("numb");
        assertThat(flags(d, "the pain got worse")).containsExactly("worse");
        assertThat(flags(d, "the pain is getting worse and worse")).containsExactly("worse");
    }

    @Test
    void fallingAsleepIsNoFall() {
        RedFlagDetector d = detector(warning("fall", Severity.EMERGENCY, "fell on my head"));
        assertThat(flags(d, "I fell on my head")).containsExactly("fall");
        assertThat(flags(d, "fell asleep on the train with my head on one side")).isEmpty();
        assertThat(flags(d, "falling asleep with my head tilted")).isEmpty();
    }

    // --- typos ---

    @Test
    void typoReadingsDoNotDependOnTheOrderOfPhrases() {
        List<String> phrases = List.of("numb", "numbness", "weak legs", "weakness");
        List<String> reversed = new ArrayList<>(phrases);
        java.util.Collections.reverse(reversed);
        for (List<String> order : List.of(phrases, reversed)) {
            RedFlagDetector d = detector(warning("numb", Severity.SEE_A_DOCTOR, order.toArray(String[]::new)));
            assertThat(flags(d, "numbess in my arm")).as(order.toString()).containsExactly("numb");
            assertThat(flags(d, "weaknss in my legs")).as(order.toString()).containsExactly("numb");
            assertThat(flags(d, "numbnes")).as(order.toString()).containsExactly("numb");
        }
    }

    @Test
    void typoReadingsDoNotDependOnWhichWarningListsAWordFirst() {
        RedFlagDetector a = detector(warning("x", Severity.EMERGENCY, "numb + groin"),
                warning("y", Severity.SEE_A_DOCTOR, "numbness"));
        RedFlagDetector b = detector(warning("x", Severity.EMERGENCY, "numbness + groin"),
                warning("y", Severity.SEE_A_DOCTOR, "numb"));
        for (RedFlagDetector d : List.of(a, b)) {
            assertThat(flags(d, "numbess in the groin")).containsExactly("x", "y");
        }
    }

    @Test
    void knownWordsAreNeverReadAsTypos() {
        RedFlagDetector d = detector(warning("numb", Severity.SEE_A_DOCTOR, "numbness"),
                warning("fever", Severity.SEE_A_DOCTOR, "fever"));
        assertThat(flags(d, "numbnesz")).as("unknown: a typo").containsExactly("numb");
        assertThat(d.detect("numbnesz", w -> w.equals("numbnesz"))).as("known: never a typo").isEmpty();
        assertThat(flags(d, "never")).as("common word").isEmpty();
        assertThat(flags(d, "feverr")).containsExactly("fever");
    }

    @Test
    void shortWordsAreNotReadAsTypos() {
        RedFlagDetector d = detector(warning("weak", Severity.SEE_A_DOCTOR, "weak + legs"));
        assertThat(flags(d, "week legs")).isEmpty();
        assertThat(flags(d, "wek legs")).isEmpty();
    }

    // --- matching ---

    @Test
    void phraseWordsMayHaveUpToTwoWordsBetweenThem() {
        RedFlagDetector d = detector(warning("chest", Severity.EMERGENCY, "pain down left arm"));
        assertThat(flags(d, "pain going down my left arm")).containsExactly("chest");
        assertThat(flags(d, "pain that is slowly going right down into my left arm")).isEmpty();
    }

    @Test
    void aLaterOccurrenceOfAPhraseWordIsAlsoTried() {
        RedFlagDetector d = detector(warning("x", Severity.EMERGENCY, "numb down below"));
        assertThat(flags(d, "numb down my arm, down legs feet below")).containsExactly("x");
    }

    @Test
    void vocabularyEquivalentsWidenEachPart() {
        RedFlagDetector d = RedFlagDetector.of(List.of(warning("chest", Severity.EMERGENCY, "chest pain + arm")),
                Vocabulary.parse("pain, ache, sore\n"));
        assertThat(flags(d, "chest ache and my arm")).containsExactly("chest");
        assertThat(flags(d, "sore chest")).isEmpty();
        assertThat(flags(d, "sore chest and arm")).containsExactly("chest");
    }

    @Test
    void symptomTitlesAndAliasesTriggerTheirWarnings() {
        Content symptom = Content.builder(ContentType.SYMPTOM, "fever").title("Fever").aliases(List.of("high temperature"))
                .build();
        Content w = Content.builder(ContentType.WARNING, "fever-or-weight-loss").title("Fever").severity(
                Severity.SEE_A_DOCTOR).triggerSymptoms(List.of("fever")).build();
        RedFlagDetector d = RedFlagDetector.of(List.of(symptom, w), Vocabulary.parse(""));
        assertThat(flags(d, "a high temperature")).containsExactly("fever-or-weight-loss");
    }

    // --- order ---

    @Test
    void redFlagsAreOrderedBySeverityThenTitle() {
        RedFlagDetector d = detector(warning("c", "Careful", Severity.CAUTION, "pain"),
                warning("s2", "Zebra", Severity.SEE_A_DOCTOR, "pain"),
                warning("e2", "beta", Severity.EMERGENCY, "pain"),
                warning("u", "Urgent one", Severity.URGENT, "pain"),
                warning("s1", "Apple", Severity.SEE_A_DOCTOR, "pain"),
                warning("e1", "Alpha", Severity.EMERGENCY, "pain"));
        assertThat(d.detect("pain", NOTHING_KNOWN)).extracting(RedFlag::slug)
                .containsExactly("e1", "e2", "u", "s1", "s2", "c");
        assertThat(d.detect("pain", NOTHING_KNOWN)).extracting(RedFlag::severity)
                .containsExactly("emergency", "emergency", "urgent", "see-a-doctor", "see-a-doctor", "caution");
    }

    @Test
    void eachWarningIsFlaggedOnceWithItsSeverityAndAction() {
        RedFlagDetector d = detector(warning("numb", Severity.SEE_A_DOCTOR, "numb", "tingling"));
        List<RedFlag> flags = d.detect("numb and tingling and numb", NOTHING_KNOWN);
        assertThat(flags).hasSize(1);
        assertThat(flags.get(0)).isEqualTo(new RedFlag("numb", "numb", "see-a-doctor", "act", "advice"));
    }

    @Test
    void hostileOrHugeQueriesAreSafe() {
        RedFlagDetector d = detector(warning("numb", Severity.SEE_A_DOCTOR, "numb + for months", "can't walk"));
        assertThat(flags(d, "")).isEmpty();
        assertThat(flags(d, null)).isEmpty();
        assertThat(flags(d, "+ + +")).isEmpty();
        assertThat(flags(d, "for for for months months 99999999999 weeks 1.2.3 years .")).isEmpty();
        assertThat(flags(d, "cannot ".repeat(1000))).isEmpty();
        assertThat(flags(d, "numb ".repeat(5000) + " for months")).isEmpty();
        assertThat(RedFlagDetector.empty().detect("numb", NOTHING_KNOWN)).isEmpty();
        assertThat(flags(detector(warning("w", Severity.URGENT, " + ", "")), "anything")).isEmpty();
    }

    @Test
    void normalizedWordsShowTheFolding() {
        assertThat(RedFlagDetector.normalize("I couldn't feel my legs for 3 months", 16))
                .extracting(RedFlagDetector.Word::stem).containsExactly("cannot", "feel", "leg", "for months");
        assertThat(RedFlagDetector.normalize("I wet myself", 16)).extracting(RedFlagDetector.Word::stem)
                .containsExactly("wet", "myself");
        assertThat(Set.copyOf(RedFlagDetector.normalize("lost loss lose losing", 16).stream()
                .map(RedFlagDetector.Word::stem).toList())).containsExactly("lose");
    }
}
