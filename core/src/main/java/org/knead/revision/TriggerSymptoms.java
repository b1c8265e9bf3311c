package org.knead.revision;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.knead.content.ContentType;
import org.knead.paging.IdPages;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which medical warnings ever named a symptom among their trigger symptoms: one document per symptom
 * slug ({@code _id}), listing the warnings' item ids, so that "is this symptom a trigger?" is a point
 * lookup instead of a search through every revision. A warning revision is noted here before it is
 * written, so the list is never short of a warning that exists; it may name a warning that no longer
 * lists the symptom, and readers check the warning's revisions themselves.
 *
 * <p>Data written before this index existed: the first lookup builds it from the warning revisions
 * (once; the marker document {@value #BUILT} records that it is complete).
 */
@Component
public class TriggerSymptoms {

    static final String COLLECTION = "trigger_symptoms";
    /** Marks the index complete; a symptom slug can never be this id. */
    static final String BUILT = "#built";
    private static final String WARNINGS = "warnings";

    private final MongoTemplate mongo;
    private final MongoTemplate preceding;
    private volatile boolean built;

    public TriggerSymptoms(MongoTemplate mongo) {
        this.mongo = mongo;
        this.preceding = org.knead.config.PrecedingWrites.template(mongo);
    }

    /**
     * Notes the trigger symptoms of these revisions (only warnings have any), before they are written:
     * preceding writes ({@link org.knead.config.PrecedingWrites}), made durable by the caller's next synced
     * write.
     */
    public void note(Collection<Revision> revisions) {
        for (Revision r : revisions) {
            if (r.type() != ContentType.WARNING || r.content() == null || r.content().triggerSymptoms() == null) {
                continue;
            }
            for (String slug : new TreeSet<>(r.content().triggerSymptoms())) {
                preceding.upsert(new Query(Criteria.where("_id").is(slug)), new Update().addToSet(WARNINGS, r.itemId()),
                        COLLECTION);
            }
        }
    }

    /** The item ids of every warning that may name this symptom slug among its trigger symptoms. */
    public Set<String> warningsNaming(String symptomSlug) {
        ensureBuilt();
        Document d = mongo.findById(symptomSlug, Document.class, COLLECTION);
        Set<String> ids = new TreeSet<>();
        if (d != null && d.get(WARNINGS) instanceof List<?> list) {
            list.forEach(id -> ids.add(String.valueOf(id)));
        }
        return ids;
    }

    /** Builds the index from the warning revisions if it was never completed (data of an older version). */
    public void ensureBuilt() {
        if (built) {
            return;
        }
        if (mongo.findById(BUILT, Document.class, COLLECTION) == null) {
            // the warnings' revisions (ids "warning:slug#n"), read in pages by _id
            IdPages.forEachWithPrefix(mongo, Revision.class, ContentType.WARNING.key() + ":",
                    Criteria.where("type").is(ContentType.WARNING), Revision::id, IdPages.DEFAULT_SIZE, this::note);
            mongo.upsert(new Query(Criteria.where("_id").is(BUILT)), new Update().set("complete", true), COLLECTION);
        }
        built = true;
    }
}
