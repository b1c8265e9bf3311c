package org.knead.search;

import java.time.Duration;
import java.util.Set;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.publication.PublicationLog;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;

/** Publishing content through core's workflow in search tests. */
final class SearchTestSupport {

    static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    static final Actor BEN = Actor.of("ben", Role.EDITOR);
    static final Actor CLARA = Actor.of("clara", Role.CLINICIAN);

    private SearchTestSupport() {
    }

    /** Creates, submits, approves (a clinician for warnings) and publishes. */
    static ContentRef publish(ContentService content, WorkflowService workflow, Content c) {
        Revision r = content.create(c, "test", ANNA);
        workflow.submit(r.ref(), r.number(), ANNA);
        workflow.approve(r.ref(), r.number(), "ok", c.type() == ContentType.WARNING ? CLARA : BEN);
        workflow.publish(r.ref(), r.number(), ANNA);
        return r.ref();
    }

    static void awaitLog(SearchService search, PublicationLog log) {
        search.awaitSequence(log.lastSequence(), Duration.ofSeconds(20));
    }

    static SearchRequest request(String q, Set<ContentType> types) {
        return new SearchRequest(q, types, null, null, 0, 10);
    }
}
