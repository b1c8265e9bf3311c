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
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.revision.Item;
import org.knead.revision.Revision;
import org.knead.revision.RevisionStore;
import org.springframework.stereotype.Service;

/**
 * Backs up and moves a Knead instance: exports every item with every revision as JSON, and
 * imports such a file into another instance.
 *
 * <p>The import trusts nothing in the file. It checks the whole file first, every revision as a
 * save would (content validation, links to items in the file or already here, type and slug
 * agreeing with the item id and the revision id, revisions numbered 1 to n, each content hash
 * recomputed, no id twice), and writes nothing at all when anything is refused. It never
 * overwrites: an item that exists here is skipped and reported, and no revision is ever added to
 * it. It never trusts states, reviews or publication: every imported revision arrives as a draft
 * (author, date and change note kept as history, the note prefixed "Imported"), reviews and clinical
 * approvals are dropped (named in the report only), and nothing is published; an item that was
 * public where it came from arrives with its latest revision "Imported, awaiting review", so it goes
 * through four eyes (and a clinician, for medical content) before it is public here.
 *
 * <p>Without transactions, the writes go in an order that an interrupted import recovers from (see
 * {@link ImportStore}): in batches of items, first the revisions of the batch's items, then their heads;
 * the audit entry last.
 * An item without a head is invisible; running the same import again replaces its leftover
 * revisions, and skips the items whose head was already written (they are complete).
 */
@Service
public class ContentTransfer {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final RevisionStore store;
    private final ImportStore importStore;
    private final AuditLog audit;
    private final Clock clock;

    public ContentTransfer(RevisionStore store, ImportStore importStore, AuditLog audit, Clock clock) {
        this.store = store;
        this.importStore = importStore;
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

    /** Checks the file and imports it, all or nothing: when anything is refused, nothing is written. */
    public ImportReport importFrom(InputStream in, Actor actor) throws IOException {
        return importFrom(in, actor, false);
    }

    /** Checks the file and reports what an import would do, writing nothing. */
    public ImportReport dryRun(InputStream in, Actor actor) throws IOException {
        return importFrom(in, actor, true);
    }

    public ImportReport importFrom(InputStream in, Actor actor, boolean dryRun) throws IOException {
        requireAdmin(actor);
        ContentExport export;
        try {
            export = JSON.readValue(in, ContentExport.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            String why = String.valueOf(e.getOriginalMessage());
            return report(ImportPlan.refused("This is not a Knead content export: "
                    + (why.length() > 300 ? why.substring(0, 300) + "..." : why)), dryRun, false);
        }
        return importFrom(export, actor, dryRun);
    }

    public ImportReport importFrom(ContentExport export, Actor actor, boolean dryRun) {
        requireAdmin(actor);
        ImportPlan plan = ImportPlan.of(export, importStore, store::exists);
        if (dryRun || plan.isRefused()) {
            return report(plan, dryRun, false);
        }
        // in batches: the revisions of each item of a batch, then their heads, which make the items visible
        // (one synced commit per batch; see ImportStore)
        List<ImportPlan.Planned> written = new ArrayList<>();
        for (int from = 0; from < plan.items.size(); from += ImportStore.BATCH) {
            ImportStore.BatchOutcome outcome = importStore.writeBatch(
                    plan.items.subList(from, Math.min(plan.items.size(), from + ImportStore.BATCH)));
            written.addAll(outcome.written());
            for (String id : outcome.skipped()) {
                plan.skipped.add(id);
                plan.lines.add(new ImportReport.Line(ImportReport.Kind.SKIP, ImportPlan.label(id),
                        "was created here while the import ran; not touched."));
            }
            for (String id : outcome.raced()) {
                plan.lines.add(new ImportReport.Line(ImportReport.Kind.NOTE, ImportPlan.label(id),
                        "was created here while the import ran; check its history."));
            }
        }
        java.util.Set<ImportPlan.Planned> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        kept.addAll(written);
        plan.items.removeIf(p -> !kept.contains(p));
        ImportReport report = report(plan, false, true);
        // 3. the audit entry
        audit.record(actor, AuditAction.IMPORT, null, null, report.imported() + " items (" + report.revisions()
                + " revisions) imported as drafts, " + report.awaitingReview() + " of them awaiting review; "
                + report.skipped().size() + " skipped (already exist); " + report.reviewsDropped()
                + " reviews in the file not carried over; " + report.leftoversReplaced()
                + " leftover revisions of an interrupted import replaced; nothing published");
        return report;
    }

    private static ImportReport report(ImportPlan plan, boolean dryRun, boolean written) {
        return new ImportReport(dryRun, written, plan.lines, plan.items.size(), plan.revisionCount(), plan.skipped,
                (int) plan.items.stream().filter(ImportPlan.Planned::wasPublic).count(), plan.reviewsDropped,
                (int) plan.items.stream().mapToLong(ImportPlan.Planned::leftovers).sum());
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.has(Role.ADMIN)) {
            throw new AccessDeniedException(actor.username() + " may not export or import all content: only admins may.");
        }
    }
}
