package org.knead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.publication.PublicationLog;
import org.knead.seed.ReferenceImport;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Runs every line of eval/search-queries.tsv (a copy of ../shared/eval/search-queries.tsv) against the
 * imported reference content and prints Success@3, red-flag recall, top-flag accuracy (the most severe
 * flag first) and false alarms; any miss fails.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class RelevanceTest {

    private static final Logger LOG = LoggerFactory.getLogger(RelevanceTest.class);

    @Autowired SearchService search;
    @Autowired ReferenceImport reference;
    @Autowired PublicationLog log;
    @Autowired MongoTemplate mongo;

    record Case(String query, List<String> expected, String check) {
    }

    @BeforeEach
    void importReferenceContent() {
        StoreCleaner.clean(mongo);
        reference.importAll();
        search.rebuild();
        SearchTestSupport.awaitLog(search, log);
    }

    static List<Case> cases(String file) throws IOException {
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/eval/" + file)) {
            List<Case> cases = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                List<String> expected = cols[1].isBlank() ? List.of()
                        : Arrays.stream(cols[1].split("\\|")).map(String::strip).toList();
                cases.add(new Case(cols[0].strip(), expected, cols[2].strip()));
            }
            return cases;
        }
    }

    @Test
    void everyEvaluationQueryPasses() throws IOException {
        check(cases("search-queries.tsv"));
    }

    /** Queries of the same kinds that the analysis was never tuned on: a check that it generalises. */
    @Test
    void everyHeldOutQueryPasses() throws IOException {
        check(cases("held-out-queries.tsv"));
    }

    private void check(List<Case> cases) {
        int top3 = 0;
        int top3Passed = 0;
        int flagsExpected = 0;
        int flagsFound = 0;
        int topFlags = 0;
        int topFlagsRight = 0;
        int calm = 0;
        int falseAlarms = 0;
        double reciprocalRanks = 0;
        List<String> failures = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (Case c : cases) {
            SearchResponse r = search.search(new SearchRequest(c.query(), Set.of(), null, null, 0, 10));
            List<String> slugs = r.items().stream().map(SearchHit::slug).toList();
            List<String> flags = r.redFlags().stream().map(RedFlag::slug).toList();
            boolean pass;
            switch (c.check()) {
                case "top3" -> {
                    top3++;
                    reciprocalRanks += reciprocalRank(slugs, c.expected());
                    pass = slugs.stream().limit(3).anyMatch(c.expected()::contains);
                    if (pass) {
                        top3Passed++;
                    }
                }
                case "relief" -> {
                    // an expected reliever among the first 3, saying which described symptoms it relieves
                    top3++;
                    reciprocalRanks += reciprocalRank(slugs, c.expected());
                    pass = r.items().stream().limit(3)
                            .anyMatch(h -> c.expected().contains(h.slug()) && h.why() != null && !h.why().isBlank());
                    if (pass) {
                        top3Passed++;
                    }
                }
                case "redflag" -> {
                    flagsExpected += c.expected().size();
                    long found = c.expected().stream().filter(flags::contains).count();
                    flagsFound += (int) found;
                    pass = found == c.expected().size();
                }
                case "topflag" -> {
                    // the most severe flag first: the expected one, and it counts for recall too
                    topFlags++;
                    flagsExpected++;
                    if (flags.contains(c.expected().get(0))) {
                        flagsFound++;
                    }
                    pass = !flags.isEmpty() && flags.get(0).equals(c.expected().get(0));
                    if (pass) {
                        topFlagsRight++;
                    }
                }
                case "calm" -> {
                    calm++;
                    pass = flags.isEmpty();
                    if (!pass) {
                        falseAlarms++;
                    }
                }
                default -> throw new IllegalArgumentException("Unknown check " + c.check());
            }
            report.append(String.format("%-5s %-8s %-55s top: %s flags: %s%n", pass ? "ok" : "FAIL", c.check(),
                    c.query(), r.items().stream().limit(3)
                            .map(h -> h.why() == null ? h.slug() : h.slug() + " (" + h.why() + ")").toList(), flags));
            if (!pass) {
                failures.add(c.query() + " (" + c.check() + " " + c.expected() + ") got " + slugs.stream().limit(3)
                        .toList() + " flags " + flags);
            }
        }
        String summary = String.format(
                "Success@3 %d/%d = %.2f (mean reciprocal rank %.3f), red-flag recall %d/%d = %.2f, top-flag accuracy %d/%d = %.2f, "
                        + "false alarms %d/%d",
                top3Passed, top3, ratio(top3Passed, top3), top3 == 0 ? 1.0 : reciprocalRanks / top3, flagsFound, flagsExpected, ratio(flagsFound, flagsExpected),
                topFlagsRight, topFlags, ratio(topFlagsRight, topFlags), falseAlarms, calm);
        System.out.println(report);
        System.out.println(summary);
        LOG.info("Relevance: {}", summary);
        assertThat(failures).as(summary).isEmpty();
    }

    /** 1 / the rank of the first expected item among the hits (the first 10), 0 when none is there. */
    private static double reciprocalRank(List<String> slugs, List<String> expected) {
        for (int i = 0; i < slugs.size(); i++) {
            if (expected.contains(slugs.get(i))) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double ratio(int n, int of) {
        return of == 0 ? 1.0 : (double) n / of;
    }
}
