package org.knead.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two processes appending to one publication log (two {@link PublicationLog}s on one store, each with its own
 * memory of the last entry it saw): however far one fell behind while the other appended (within its first
 * short look-ahead, past it, or past the head document's jump), its next entry takes the next number, so the
 * log stays gap-free and every follower sees every entry; and one just behind finds the end with a short look-up.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class PublicationLogTest {

    @Autowired MongoTemplate mongo;
    @Autowired Clock clock;

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 5, 63, 64, 65, 200})
    void aProcessThatFellBehindAppendsRightAfterTheOthersEntries(int appendedElsewhere) {
        StoreCleaner.clean(mongo);
        PublicationLog console = new PublicationLog(mongo, clock);
        PublicationLog importer = new PublicationLog(mongo, clock);
        assertThat(append(console, "first").sequence()).isEqualTo(1);

        for (int i = 0; i < appendedElsewhere; i++) {
            append(importer, "imported-" + i);
        }
        PublicationEntry next = append(console, "second");

        assertThat(next.sequence()).isEqualTo(appendedElsewhere + 2L);
        assertThat(console.lastSequence()).isEqualTo(next.sequence());
        assertThat(importer.lastSequence()).isEqualTo(next.sequence());
        List<Long> all = console.readAfter(0, 1000).stream().map(PublicationEntry::sequence).toList();
        assertThat(all).isEqualTo(LongStream.rangeClosed(1, next.sequence()).boxed().toList());
    }

    @Test
    void findingTheEndFromJustBehindAsksTheStoreForAFewEntriesNotAWindowOfSixtyFour() {
        StoreCleaner.clean(mongo);
        PublicationFollowerWindowTest.CountingLog console = new PublicationFollowerWindowTest.CountingLog(mongo, clock);
        PublicationLog importer = new PublicationLog(mongo, clock);
        append(console, "first");
        append(importer, "imported");
        console.asked.clear();

        assertThat(append(console, "second").sequence()).isEqualTo(3);

        // the entry it knew and the next four: one look-up of five ids finds the end (one behind)
        assertThat(console.asked).containsExactly(5);
    }

    private static PublicationEntry append(PublicationLog log, String slug) {
        return log.append(PublicationAction.PUBLISHED, ContentRef.of(ContentType.SYMPTOM, slug), 1, "anna");
    }
}
