package org.knead.seed;

import java.util.List;
import java.util.Set;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.content.Content;
import org.knead.content.ContentValidationException;
import org.knead.review.PublishingService;
import org.knead.revision.ContentService;
import org.knead.revision.Revision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Imports the reference content as published items. Idempotent: an item that already exists is
 * left as it is. Medical warnings are published (hiding a red flag is worse than showing one) but
 * marked as awaiting their first clinical review, so that they open the clinicians' queue.
 */
@Service
public class ReferenceImport {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceImport.class);
    static final Actor IMPORTER = new Actor("reference-import", Set.of(Role.EDITOR), "system");

    private final ContentService content;
    private final PublishingService publishing;
    private final AuditLog audit;

    public ReferenceImport(ContentService content, PublishingService publishing, AuditLog audit) {
        this.content = content;
        this.publishing = publishing;
        this.audit = audit;
    }

    /** @return how many items were imported (0 when all were already there) */
    public int importAll() {
        List<Content> items = ReferenceContent.load();
        int imported = 0;
        for (Content c : items) {
            if (content.item(c.ref()).isPresent()) {
                continue;
            }
            Revision first;
            try {
                first = content.create(c, "Imported from the reference article", IMPORTER);
            } catch (ContentValidationException alreadyCreatedConcurrently) {
                if (content.item(c.ref()).isPresent()) {
                    continue;
                }
                throw alreadyCreatedConcurrently;
            }
            publishing.publishImported(c.ref(), first.number());
            imported++;
        }
        if (imported > 0) {
            audit.record(IMPORTER, AuditAction.IMPORT, null, null, imported + " reference items");
            LOG.info("Imported {} items of reference content", imported);
        }
        return imported;
    }
}
