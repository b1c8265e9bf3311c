package org.knead.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentType;
import org.knead.review.PublishingService;
import org.knead.review.ReviewService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * What a publish asks of the store, as the store sees it (every command Knead's client sends): twelve commands
 * (issue 15: it was fifteen), each naming the documents it reads or changes by {@code _id}, so that a publish
 * costs the same at 100,000 items as at 100 on the embedded store, which has no other index.
 */
@SpringBootTest(classes = {CoreTestApplication.class, PublishCommandsTest.Listening.class})
class PublishCommandsTest {

    static final List<BsonDocument> SENT = new CopyOnWriteArrayList<>();

    /** Knead's own client settings, with a listener that keeps every command sent. */
    @TestConfiguration
    static class Listening {
        @Bean
        @Primary
        MongoClient listeningClient(StoreConfiguration.StoreHandle store, StoreProperties props) {
            CommandListener listener = new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    SENT.add(event.getCommand().clone());
                }
            };
            return MongoClients.create(MongoClientSettings.builder(
                    StoreConfiguration.clientSettings(store.connectionString(), props)).addCommandListener(listener).build());
        }
    }

    private static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    private static final Actor BEN = Actor.of("ben", Role.EDITOR);

    @Autowired MongoTemplate mongo;
    @Autowired ContentService content;
    @Autowired ReviewService review;
    @Autowired PublishingService publishing;

    @Test
    void aPublishSendsTwelveCommandsEachByIdAndAnswersThePublishedRevision() {
        StoreCleaner.clean(mongo);
        for (int i = 1; i <= 3; i++) {
            Revision r = content.create(Content.builder(ContentType.SYMPTOM, "stiff-neck-" + i).title("Stiff neck " + i)
                    .summary("Feels like this.").build(), "new", ANNA);
            review.submit(r.ref(), r.number(), ANNA);
            review.approve(r.ref(), r.number(), "ok", BEN);
            SENT.clear();

            Revision published = publishing.publish(r.ref(), r.number(), BEN);
            List<BsonDocument> sent = List.copyOf(SENT);

            assertThat(published.state()).isEqualTo(RevisionState.PUBLISHED);
            assertThat(published).isEqualTo(content.revision(r.ref(), r.number()));
            if (i == 1) {
                continue; // the first publish on a new store also finds the log's end once and writes its head
            }
            assertThat(sent).hasSize(12);
            for (BsonDocument command : sent) {
                for (BsonDocument filter : filters(command)) {
                    assertThat(filter.containsKey("_id") || filter.containsKey("$and")
                            && filter.getArray("$and").stream().anyMatch(c -> c.asDocument().containsKey("_id")))
                            .as("%s names its documents by _id", command.toJson()).isTrue();
                }
            }
        }
    }

    /** The filters of a find, update or delete command (none for an insert). */
    private static List<BsonDocument> filters(BsonDocument command) {
        if (command.containsKey("find")) {
            return List.of(command.getDocument("filter", new BsonDocument()));
        }
        for (String batch : new String[] {"updates", "deletes"}) {
            if (command.containsKey(batch)) {
                return command.getArray(batch).stream().map(BsonValue::asDocument).map(u -> u.getDocument("q")).toList();
            }
        }
        return List.of();
    }
}
