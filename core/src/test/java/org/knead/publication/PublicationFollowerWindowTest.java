package org.knead.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A follower reads a backlog in windows of {@value PublicationFollower#WINDOW} entries and, once at the
 * log's end, asks for only a few entries a round: every entry reaches its listener once and in order, and
 * a quiet log costs the store a few look-ups a round, not two hundred.
 */
@SpringBootTest(classes = CoreTestApplication.class)
class PublicationFollowerWindowTest {

    @Autowired MongoTemplate mongo;
    @Autowired PublishedContent published;
    @Autowired Clock clock;

    /** The log, remembering how many entries each round asked for. */
    static final class CountingLog extends PublicationLog {
        final List<Integer> asked = new CopyOnWriteArrayList<>();

        CountingLog(MongoTemplate mongo, Clock clock) {
            super(mongo, clock);
        }

        @Override
        public List<PublicationEntry> readRange(long first, int count) {
            asked.add(count);
            return super.readRange(first, count);
        }
    }

    @Test
    void aBacklogArrivesOnceAndInOrderAndAQuietLogIsReadAFewEntriesARound() throws Exception {
        StoreCleaner.clean(mongo);
        CountingLog log = new CountingLog(mongo, clock);
        for (int i = 1; i <= 450; i++) {
            log.append(PublicationAction.PUBLISHED, ContentRef.of(ContentType.SYMPTOM, "symptom-" + i), 1, "anna");
        }
        List<Long> applied = new CopyOnWriteArrayList<>();
        PublicationListener listener = new PublicationListener() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public LogPosition open(Rejections rejections) {
                return LogPosition.START;
            }

            @Override
            public void apply(PublicationBatch batch) {
                batch.entries().forEach(e -> applied.add(e.sequence()));
            }

            @Override
            public void rebuild(LogPosition at, Rejections rejections) {
                throw new AssertionError("the log was not rewritten");
            }
        };
        PublicationFollower follower = new PublicationFollower(log, published, clock);
        follower.subscribe(listener, Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (applied.isEmpty() && System.nanoTime() < deadline) {
            follower.openPending();
            follower.followOnce();
            Thread.sleep(5);
        }
        int rounds = 1;
        while (follower.followOnce()) {
            rounds++;
        }
        assertThat(applied).containsExactlyElementsOf(LongStream.rangeClosed(1, 450).boxed().toList());
        assertThat(rounds).as("rounds for a backlog of 450").isLessThanOrEqualTo(5);

        log.asked.clear();
        assertThat(follower.followOnce()).isFalse();
        assertThat(follower.followOnce()).isFalse();
        assertThat(log.asked).as("entries asked for by two rounds at the log's end")
                .containsExactly(1 + PublicationFollower.QUIET_WINDOW, 1 + PublicationFollower.QUIET_WINDOW);

        List<Long> more = new ArrayList<>();
        for (int i = 451; i <= 453; i++) {
            more.add(log.append(PublicationAction.PUBLISHED, ContentRef.of(ContentType.SYMPTOM, "symptom-" + i), 1,
                    "anna").sequence());
        }
        assertThat(follower.followOnce()).isFalse();
        assertThat(applied.subList(450, applied.size())).containsExactlyElementsOf(more);
    }
}
