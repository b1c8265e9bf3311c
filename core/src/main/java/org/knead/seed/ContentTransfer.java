package org.knead.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.content.ContentValidationException;
import org.knead.publication.PublishedItem;
import org.knead.publication.Publisher;
import org.knead.revision.Item;
import org.knead.revision.Revision;
import org.knead.revision.RevisionStore;
import org.knead.user.AccessDeniedException;
import org.knead.user.Actor;
import org.knead.user.Role;
import org.springframework.stereotype.Service;

/**
 * Backs up and moves a Knead instance: exports every item with every revision as JSON, and
 * imports such a file into another instance. Import never overwrites: items that already exist
 * are skipped and reported. Published items become public again and enter the publication log.
 */
@Service
public class ContentTransfer {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** What an import did. */
    public record ImportResult(int imported, List<String> skipped) {
    }

    private final RevisionStore store;
    private final Publisher publisher;
    private final AuditLog audit;
    private final Clock clock;

    public ContentTransfer(RevisionStore store, Publisher publisher, AuditLog audit, Clock clock) {
        this.store = store;
        this.publisher = publisher;
        this.audit = audit;
        this.clock = clock;
    }

    public ContentExport export(Actor actor) {
        requireAdmin(actor);
        List<ContentExport.ItemExport> items = new ArrayList<>();
        for (Item item : store.allItems()) {
            List<Revision> revisions = new ArrayList<>(store.history(item.ref()));
            revisions.sort(Comparator.comparingInt(Revision::number));
            items.add(new ContentExport.ItemExport(item, revisions));
        }
        audit.record(actor, AuditAction.EXPORT, null, null, items.size() + " items");
        return new ContentExport(ContentExport.FORMAT, ContentExport.VERSION, clock.instant(), items);
    }

    public void export(Actor actor, OutputStream out) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(out, export(actor));
    }

    public ImportResult importFrom(InputStream in, Actor actor) throws IOException {
        ContentExport export;
        try {
            export = JSON.readValue(in, ContentExport.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ContentValidationException("This is not a Knead content export: " + e.getOriginalMessage());
        }
        return importFrom(export, actor);
    }

    public ImportResult importFrom(ContentExport export, Actor actor) {
        requireAdmin(actor);
        if (export == null || !ContentExport.FORMAT.equals(export.format()) || export.items() == null) {
            throw new ContentValidationException("This is not a Knead content export (format "
                    + ContentExport.FORMAT + ").");
        }
        if (export.version() > ContentExport.VERSION) {
            throw new ContentValidationException("This export is of version " + export.version()
                    + "; this Knead reads up to version " + ContentExport.VERSION + ".");
        }
        int imported = 0;
        List<String> skipped = new ArrayList<>();
        for (ContentExport.ItemExport e : export.items()) {
            if (!store.importItem(e.item(), e.revisions())) {
                skipped.add(e.item().id());
                continue;
            }
            imported++;
            Item item = e.item();
            if (item.isPublished()) {
                e.revisions().stream().filter(r -> r.number() == item.publishedRevision()).findFirst()
                        .ifPresent(r -> publisher.publish(PublishedItem.current(item, r), actor.username()));
            }
        }
        audit.record(actor, AuditAction.IMPORT, null, null, imported + " items imported, " + skipped.size()
                + " skipped");
        return new ImportResult(imported, skipped);
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException(actor.username() + " may not export or import all content: only admins may.");
        }
    }
}
