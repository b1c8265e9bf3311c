package org.knead.api.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.publication.PublicationAction;
import org.knead.publication.PublicationEntry;
import org.knead.publication.PublishedContent;
import org.knead.publication.PublishedItem;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.NotFoundException;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The crash test's only contact with the core services: saving a revision, taking it through
 * review to publication, and reading back what the store holds. When the workflow API changes
 * (submit, approve, publish), only this class needs adapting.
 */
final class CrashWorkload {

    static final Actor AUTHOR = Actor.of("crash-author", Role.EDITOR);
    /** Reviews everything: an editor who is also a clinician, never the author (four eyes). */
    static final Actor REVIEWER = Actor.of("crash-reviewer", Role.EDITOR, Role.CLINICIAN);

    /** An acknowledged save: the revision number and the hash of its content. */
    record Saved(String itemId, int number, String contentHash) {
    }

    private final ContentService contents;
    private final WorkflowService workflow;
    private final PublishedContent published;
    private final MongoTemplate mongo;

    CrashWorkload(ApplicationContext context) {
        this.contents = context.getBean(ContentService.class);
        this.workflow = context.getBean(WorkflowService.class);
        this.published = context.getBean(PublishedContent.class);
        this.mongo = context.getBean(MongoTemplate.class);
    }

    /**
     * Saves {@code content} as the next revision of its item (creating the item when it does not
     * exist yet), based on whatever the store holds as the latest revision: after a crash, a save
     * that was written but never answered is simply built upon.
     */
    Saved saveRevision(Content content) {
        ContentRef ref = content.ref();
        Revision r;
        if (contents.item(ref).isEmpty()) {
            r = contents.create(content, "crash test", AUTHOR);
        } else {
            int latest;
            try {
                latest = contents.latest(ref).number();
            } catch (NotFoundException noRevisionYet) { // the item was written, its first revision not
                latest = 0;
            }
            r = contents.save(ref, latest, content, "crash test", AUTHOR);
        }
        return new Saved(r.itemId(), r.number(), r.contentHash());
    }

    /**
     * Submits, approves and publishes revision {@code number}, going on from wherever an earlier,
     * interrupted attempt left it. Returns once the publish is acknowledged.
     */
    void approveAndPublish(ContentRef ref, int number) {
        Revision r = contents.revision(ref, number);
        if (r.state() == RevisionState.DRAFT || r.state() == RevisionState.CHANGES_REQUESTED) {
            r = workflow.submit(ref, number, AUTHOR);
        }
        if (r.state() == RevisionState.IN_REVIEW) {
            r = workflow.approve(ref, number, "crash test", REVIEWER);
        }
        workflow.publish(ref, number, AUTHOR);
    }

    /** The sequence of the log entry that published this revision, if there is one. */
    OptionalLong publishSequence(String itemId, int number) {
        Query q = new Query(Criteria.where("itemId").is(itemId).and("revision").is(number)
                .and("action").is(PublicationAction.PUBLISHED))
                .with(Sort.by(Sort.Direction.DESC, "_id")).limit(1);
        PublicationEntry e = mongo.findOne(q, PublicationEntry.class);
        return e == null ? OptionalLong.empty() : OptionalLong.of(e.sequence());
    }

    // ------------------------------------------------------------------ reading back, for the checks

    Optional<Revision> revision(ContentRef ref, int number) {
        try {
            return Optional.of(contents.revision(ref, number));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    Optional<PublishedItem> publishedCopy(ContentRef ref) {
        return published.find(ref);
    }

    List<PublishedItem> allPublished() {
        List<PublishedItem> all = new ArrayList<>();
        published.forEach(500, all::addAll);
        return all;
    }

    /** The whole publication log, oldest first. */
    List<PublicationEntry> log() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.ASC, "_id")), PublicationEntry.class);
    }
}
