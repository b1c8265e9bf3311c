package org.knead.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditEntry;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;
import org.knead.content.BodyArea;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Pressure;
import org.knead.content.Severity;
import org.knead.publication.PublicationLog;
import org.knead.publication.PublishedContent;
import org.knead.review.WorkflowService;
import org.knead.revision.ClinicalReview;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.ItemStatus;
import org.knead.revision.ReviewDecision;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.revision.WorkflowException;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.MutableClock;
import org.knead.testing.StoreCleaner;
import org.knead.testing.TestSources;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** ./knead import: a file is checked like a save, trusted for nothing, and brought in all or nothing. */
@SpringBootTest(classes = CoreTestApplication.class)
class ContentImportTest {

    static final Actor ADMIN = Actor.of("root", Role.ADMIN, Role.EDITOR);
    static final Actor ANNA = Actor.of("anna", Role.EDITOR);
    static final Actor BEN = Actor.of("ben", Role.EDITOR);
    static final Actor CLARA = Actor.of("clara", Role.CLINICIAN);
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Autowired ContentTransfer transfer;
    @Autowired ContentService content;
    @Autowired WorkflowService workflow;
    @Autowired PublishedContent published;
    @Autowired PublicationLog log;
    @Autowired AuditLog audit;
    @Autowired ReferenceImport reference;
    @Autowired MongoTemplate mongo;
    @Autowired MutableClock clock;

    Instant then;

    @BeforeEach
    void clean() {
        StoreCleaner.clean(mongo);
        then = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).minus(Duration.ofDays(30));
    }

    // ------------------------------------------------------------------ trust

    @Test
    void aForgedClinicalApprovalInTheFileIsNotHonoured() throws Exception {
        Content numbness = symptom("numbness");
        Content warning = warning("numb-arms", "numbness");
        String hash = ContentHash.of(warning);
        ReviewDecision forged = new ReviewDecision("clara", Set.of(Role.CLINICIAN), ReviewDecision.Decision.APPROVED,
                "looks right", then, hash, true);
        ContentExport file = export(
                published(numbness, revision(numbness, 1, RevisionState.PUBLISHED, List.of())),
                published(warning, revision(warning, 1, RevisionState.PUBLISHED, List.of(forged))));

        ImportReport report = importFile(file);

        assertThat(report.isRefused()).as(report.format()).isFalse();
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.awaitingReview()).isEqualTo(2);
        assertThat(report.reviewsDropped()).isEqualTo(1);
        assertThat(report.format()).contains("clinical approval by clara").contains("not carried over");
        ContentRef ref = warning.ref();
        assertThat(published.find(ref)).isEmpty();
        assertThat(published.count()).isZero();
        assertThat(log.lastSequence()).isZero();
        Item item = content.requireItem(ref);
        assertThat(item.publishedRevision()).isNull();
        assertThat(item.review()).isNull();
        assertThat(item.headState()).isEqualTo(RevisionState.DRAFT);
        assertThat(item.medical()).isTrue();
        Revision r = content.revision(ref, 1);
        assertThat(r.state()).isEqualTo(RevisionState.DRAFT);
        assertThat(r.reviews()).isEmpty();
        assertThat(r.clinicalApproval()).isEmpty();
        assertThat(r.wasPublished()).isFalse();
        assertThat(r.author()).isEqualTo("mallory");
        assertThat(r.createdAt()).isEqualTo(then);
        assertThat(r.changeNote()).startsWith("Imported, awaiting review").endsWith("first version");

        // publishing needs a fresh review: four eyes, and a clinician for a warning
        assertThatThrownBy(() -> workflow.publish(ref, 1, ANNA)).isInstanceOf(WorkflowException.class);
        workflow.submit(ref, 1, ANNA);
        assertThatThrownBy(() -> workflow.approve(ref, 1, "fine", BEN)).isInstanceOf(AccessDeniedException.class);
        workflow.approve(ref, 1, "checked again", CLARA);
        workflow.publish(ref, 1, ANNA);
        var now = published.find(ref).orElseThrow();
        assertThat(now.review().reviewedBy()).isEqualTo("clara");
        assertThat(now.review().reviewedAt()).isAfter(then.plus(Duration.ofDays(29)));
    }

    @Test
    void anItemWhoseContentClaimsAnotherItemsSlugIsRefused() throws Exception {
        Content deep = technique("deep-tissue", "Deep tissue");
        content.create(deep, "", ANNA);
        workflow.submit(deep.ref(), 1, ANNA);
        workflow.approve(deep.ref(), 1, "ok", BEN);
        workflow.publish(deep.ref(), 1, ANNA);
        long sequence = log.lastSequence();

        Content hijack = technique("deep-tissue", "Hijacked");
        Item claimed = head(ContentRef.of(ContentType.TECHNIQUE, "innocent"), 1, 1);
        Revision r = new Revision("technique:innocent#1", "technique:innocent", ContentType.TECHNIQUE, "innocent", 1,
                hijack, ContentHash.of(hijack), "mallory", then, "", null, null, RevisionState.PUBLISHED, List.of(),
                then);
        ImportReport report = importFile(export(new ContentExport.ItemExport(claimed, List.of(r))));

        assertThat(report.isRefused()).isTrue();
        assertThat(report.refused()).anySatisfy(l -> {
            assertThat(l.subject()).isEqualTo("technique:innocent#1");
            assertThat(l.text()).contains("technique 'deep-tissue'").contains("must have the item's type and slug");
        });
        assertThat(content.item(ContentRef.of(ContentType.TECHNIQUE, "innocent"))).isEmpty();
        assertThat(published.find(deep.ref()).orElseThrow().content().title()).isEqualTo("Deep tissue");
        assertThat(log.lastSequence()).isEqualTo(sequence);
    }

    @Test
    void aThirtyTwoKilobyteSlugIsRefusedWithAClearMessage() throws Exception {
        String slug = "a".repeat(32 * 1024);
        Content huge = technique(slug, "Huge");
        ContentRef ref = ContentRef.of(ContentType.TECHNIQUE, slug);
        // in the id, and in the content of an otherwise sound item
        Content sneaky = technique(slug, "Sneaky");
        ContentRef fine = ContentRef.of(ContentType.TECHNIQUE, "fine");
        ImportReport report = importFile(export(
                new ContentExport.ItemExport(head(ref, 1, null), List.of(revision(huge, 1, RevisionState.DRAFT, List.of()))),
                new ContentExport.ItemExport(head(fine, 1, null), List.of(new Revision("technique:fine#1", fine.id(),
                        ContentType.TECHNIQUE, "fine", 1, sneaky, ContentHash.of(sneaky), "mallory", then, "", null,
                        null, RevisionState.DRAFT, List.of(), null)))));

        assertThat(report.isRefused()).isTrue();
        assertThat(report.refused()).anySatisfy(l -> {
            assertThat(l.subject()).startsWith("technique:aaaa").endsWith("(32778 characters)");
            assertThat(l.text()).isEqualTo("the slug in its id is 32768 characters long; a slug is at most 200 characters.");
        });
        assertThat(report.refused()).anySatisfy(l -> {
            assertThat(l.subject()).isEqualTo("technique:fine#1");
            assertThat(l.text()).contains("(32768 characters)").contains("must have the item's type and slug");
        });
        assertThat(report.refused()).anySatisfy(l -> assertThat(l.text()).contains("at most 200 characters"));
        assertThat(report.format().lines()).allSatisfy(line -> assertThat(line.length()).isLessThan(400));
        assertThat(mongo.count(new Query(), Item.class)).isZero();
        assertThat(mongo.count(new Query(), Revision.class)).isZero();
    }

    @Test
    void aRevisionWhoseContentFailsValidationIsRefused() throws Exception {
        Content noSources = warning("numb-arms", "numbness").toBuilder().sources(List.of()).build();
        Content dangling = technique("knots", "Knots").toBuilder().cautions(List.of("no-such-warning")).build();
        Content good = technique("knots", "Knots");
        ImportReport report = importFile(export(
                published(symptom("numbness"), revision(symptom("numbness"), 1, RevisionState.PUBLISHED, List.of())),
                published(noSources, revision(noSources, 1, RevisionState.PUBLISHED, List.of())),
                item(revision(good, 1, RevisionState.DRAFT, List.of()), revision(dangling, 2, RevisionState.DRAFT,
                        List.of()))));

        assertThat(report.isRefused()).isTrue();
        assertThat(report.refused()).extracting(ImportReport.Line::toString).anySatisfy(l -> assertThat(l)
                .startsWith("REFUSED  warning:numb-arms#1: A medical warning needs at least one source"));
        assertThat(report.refused()).extracting(ImportReport.Line::toString).anySatisfy(l -> assertThat(l)
                .isEqualTo("REFUSED  technique:knots#2: The cautions link points to warning 'no-such-warning',"
                        + " which does not exist."));
        assertThat(report.refused()).hasSize(2);
        assertThat(mongo.count(new Query(), Item.class)).isZero();
    }

    @Test
    void aForgedOrBrokenHashAndBadNumberingAreRefused() throws Exception {
        Content a = technique("knots", "Knots");
        Revision tampered = withHash(revision(a, 1, RevisionState.APPROVED, List.of()), ContentHash.of(technique("knots",
                "Something else")));
        Content b = technique("stiff", "Stiff");
        ImportReport report = importFile(export(item(tampered),
                item(revision(b, 1, RevisionState.DRAFT, List.of()), revision(b, 3, RevisionState.DRAFT, List.of()))));

        assertThat(report.refused()).extracting(ImportReport.Line::toString).anySatisfy(l -> assertThat(l)
                .startsWith("REFUSED  technique:knots#1: its content hash does not match its content"));
        assertThat(report.refused()).extracting(ImportReport.Line::toString).anySatisfy(l -> assertThat(l)
                .isEqualTo("REFUSED  technique:stiff: revisions must be numbered 1 to 3 without gaps; missing: 2."));
        assertThat(mongo.count(new Query(), Revision.class)).isZero();
    }

    @Test
    void aDuplicateIdInTheFileIsRefused() throws Exception {
        Content a = technique("knots", "Knots");
        Content b = technique("stiff", "Stiff");
        ImportReport report = importFile(export(
                item(revision(a, 1, RevisionState.DRAFT, List.of())),
                item(revision(b, 1, RevisionState.DRAFT, List.of()), revision(b, 1, RevisionState.DRAFT, List.of())),
                item(revision(a.toBuilder().title("Knots again").build(), 1, RevisionState.DRAFT, List.of()))));

        assertThat(report.refused()).extracting(ImportReport.Line::toString).containsExactlyInAnyOrder(
                "REFUSED  technique:knots: appears 2 times in the file; each item may appear only once.",
                "REFUSED  technique:stiff#1: appears more than once in the file.");
        assertThat(mongo.count(new Query(), Item.class)).isZero();
        assertThat(mongo.count(new Query(), Revision.class)).isZero();
    }

    // ------------------------------------------------------------------ all or nothing

    @Test
    void aFileWithOneBadItemWritesNothingAtAll() throws Exception {
        Content bad = technique("bad", "Bad").toBuilder().pressure(null).build();
        ImportReport report = importFile(export(
                item(revision(technique("one", "One"), 1, RevisionState.DRAFT, List.of())),
                item(revision(technique("two", "Two"), 1, RevisionState.DRAFT, List.of())),
                item(revision(bad, 1, RevisionState.DRAFT, List.of())),
                item(revision(technique("three", "Three"), 1, RevisionState.DRAFT, List.of()))));

        assertThat(report.isRefused()).isTrue();
        assertThat(report.written()).isFalse();
        assertThat(report.refused()).extracting(ImportReport.Line::subject).containsExactly("technique:bad#1");
        assertThat(report.summary()).isEqualTo("Refused: 1 problem in 1 item of the file; nothing was written.");
        for (String name : mongo.getCollectionNames()) {
            if (!name.startsWith("system.")) {
                assertThat(mongo.count(new Query(), name)).as(name).isZero();
            }
        }
    }

    @Test
    void aDryRunWritesNothingAndReports() throws Exception {
        Content knots = technique("knots", "Knots");
        content.create(technique("here", "Here"), "", ANNA);
        long audited = audit.count(AuditQuery.all());
        ContentExport file = export(
                published(knots, revision(knots, 1, RevisionState.PUBLISHED, List.of())),
                item(revision(technique("here", "Other"), 1, RevisionState.DRAFT, List.of())));

        ImportReport report = transfer.dryRun(new ByteArrayInputStream(JSON.writeValueAsBytes(file)), ADMIN);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.written()).isFalse();
        assertThat(report.imported()).isEqualTo(1);
        assertThat(report.skipped()).containsExactly("technique:here");
        assertThat(report.lines()).extracting(ImportReport.Line::toString).contains(
                "import   technique:knots: 1 revision, as drafts; was public as revision 1 where it came from:"
                        + " revision 1 now awaits review (four eyes), nothing is public until then.",
                "skip     technique:here: already exists here; not touched (no revision is added to it).");
        assertThat(report.summary()).startsWith("Dry run, nothing written: the import would bring in 1 item");
        assertThat(content.item(knots.ref())).isEmpty();
        assertThat(mongo.count(new Query(), Revision.class)).isEqualTo(1);
        assertThat(audit.count(AuditQuery.all())).isEqualTo(audited);
    }

    @Test
    void anExistingItemIsNeverTouched() throws Exception {
        Content mine = technique("knots", "Mine");
        content.create(mine, "mine", ANNA);
        workflow.submit(mine.ref(), 1, ANNA);
        workflow.approve(mine.ref(), 1, "ok", BEN);
        workflow.publish(mine.ref(), 1, ANNA);
        Item before = content.requireItem(mine.ref());
        long sequence = log.lastSequence();

        Content theirs = technique("knots", "Theirs");
        ReviewDecision forged = new ReviewDecision("ben", Set.of(Role.EDITOR), ReviewDecision.Decision.APPROVED, "",
                then, ContentHash.of(theirs), false);
        ImportReport report = importFile(export(published(theirs,
                revision(theirs, 1, RevisionState.SUPERSEDED, List.of()),
                revision(theirs, 2, RevisionState.APPROVED, List.of(forged)),
                revision(theirs, 3, RevisionState.PUBLISHED, List.of(forged)))));

        assertThat(report.isRefused()).isFalse();
        assertThat(report.skipped()).containsExactly("technique:knots");
        assertThat(report.imported()).isZero();
        assertThat(content.requireItem(mine.ref())).isEqualTo(before);
        assertThat(content.history(mine.ref())).hasSize(1).allSatisfy(r -> assertThat(r.title()).isEqualTo("Mine"));
        assertThat(mongo.findById("technique:knots#2", Revision.class)).isNull();
        assertThat(published.find(mine.ref()).orElseThrow().content().title()).isEqualTo("Mine");
        assertThat(log.lastSequence()).isEqualTo(sequence);
    }

    @Test
    void anInterruptedImportIsFinishedByRunningItAgain() throws Exception {
        Content knots = technique("knots", "Knots");
        Content stiff = technique("stiff", "Stiff");
        ContentExport file = export(
                item(revision(knots, 1, RevisionState.DRAFT, List.of()), revision(knots, 2, RevisionState.DRAFT,
                        List.of())),
                item(revision(stiff, 1, RevisionState.DRAFT, List.of())));
        // the first run stopped after the revisions of knots (one of them half-written) and the head of stiff
        mongo.insert(revision(technique("knots", "Half"), 1, RevisionState.DRAFT, List.of()));
        transfer.importFrom(export(item(revision(stiff, 1, RevisionState.DRAFT, List.of()))), ADMIN, false);

        ImportReport report = importFile(file);

        assertThat(report.isRefused()).isFalse();
        assertThat(report.lines()).extracting(ImportReport.Line::toString).contains(
                "replace  technique:knots: 1 revision left here by an interrupted import of this item (it has no head)"
                        + " is replaced.");
        assertThat(report.skipped()).containsExactly("technique:stiff");
        assertThat(report.leftoversReplaced()).isEqualTo(1);
        assertThat(content.history(knots.ref())).extracting(Revision::title).containsExactly("Knots", "Knots");
        assertThat(content.requireItem(knots.ref()).headRevision()).isEqualTo(2);
    }

    /**
     * A file larger than one batch of writes, imported after a run that stopped in its second batch: the
     * items of the first batch are complete (skipped now), an item of the second batch has leftover
     * revisions without a head (replaced now), and every item ends with its revisions and its head.
     */
    @Test
    void anImportOfMoreThanOneBatchInterruptedInTheSecondIsFinishedByRunningItAgain() throws Exception {
        int n = ImportStore.BATCH + 40;
        List<ContentExport.ItemExport> items = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Content c = symptom("batch-" + i);
            items.add(item(revision(c, 1, RevisionState.DRAFT, List.of()), revision(c, 2, RevisionState.DRAFT,
                    List.of())));
        }
        ContentExport file = new ContentExport(ContentExport.FORMAT, ContentExport.VERSION, then, items);
        // the first run: the first batch complete, then revision 1 of one item of the second batch
        transfer.importFrom(new ContentExport(ContentExport.FORMAT, ContentExport.VERSION, then,
                items.subList(0, ImportStore.BATCH)), ADMIN, false);
        Content cut = symptom("batch-" + (ImportStore.BATCH + 7));
        mongo.insert(revision(Content.builder(ContentType.SYMPTOM, cut.slug()).title("Half").summary("Half.").build(),
                1, RevisionState.DRAFT, List.of()));

        ImportReport report = importFile(file);

        assertThat(report.isRefused()).isFalse();
        assertThat(report.skipped()).hasSize(ImportStore.BATCH);
        assertThat(report.imported()).isEqualTo(40);
        assertThat(report.leftoversReplaced()).isEqualTo(1);
        assertThat(content.history(cut.ref())).extracting(Revision::title).containsExactly(cut.title(), cut.title());
        Map<String, List<Revision>> revisions = everyRevision();
        assertThat(revisions).hasSize(n).allSatisfy((id, rs) -> assertThat(rs).hasSize(2));
        assertThat(mongo.findAll(Item.class)).hasSize(n).allSatisfy(i -> assertThat(i.headRevision()).isEqualTo(2));
    }

    // ------------------------------------------------------------------ a real move

    @Test
    void anExportOfARealStoreImportsCleanlyIntoAnEmptyOneAsDrafts() throws Exception {
        reference.importAll();
        ContentRef swedish = ContentRef.of(ContentType.TECHNIQUE, "swedish-massage");
        content.save(swedish, 1, content.latest(swedish).content().toBuilder().summary("Edited.").build(), "edit",
                ANNA);
        ContentRef warning = ContentRef.of(ContentType.WARNING, "numbness-or-weakness");
        content.save(warning, 1, content.latest(warning).content().toBuilder().summary("Checked.").build(), "check",
                ANNA);
        workflow.submit(warning, 2, ANNA);
        workflow.approve(warning, 2, "sound", CLARA);
        workflow.publish(warning, 2, ANNA);
        content.create(technique("unpublished", "Never public"), "draft", ANNA);
        Map<String, List<Revision>> before = everyRevision();
        Set<String> wasPublic = mongo.findAll(Item.class).stream().filter(Item::isPublished).map(Item::id)
                .collect(Collectors.toSet());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer.export(ADMIN, out);

        StoreCleaner.clean(mongo);
        ImportReport report = transfer.importFrom(new ByteArrayInputStream(out.toByteArray()), ADMIN);

        assertThat(report.isRefused()).as(report.format()).isFalse();
        assertThat(report.imported()).isEqualTo(before.size());
        assertThat(report.awaitingReview()).isEqualTo(wasPublic.size()).isEqualTo(before.size() - 1);
        assertThat(report.reviewsDropped()).isEqualTo(1);
        Map<String, List<Revision>> after = everyRevision();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((id, revisions) -> {
            List<Revision> now = after.get(id);
            assertThat(now).as(id).hasSameSizeAs(revisions);
            for (int i = 0; i < revisions.size(); i++) {
                Revision was = revisions.get(i);
                Revision is = now.get(i);
                assertThat(is.content()).as(is.id()).isEqualTo(was.content());
                assertThat(is.contentHash()).as(is.id()).isEqualTo(was.contentHash());
                assertThat(is.author()).as(is.id()).isEqualTo(was.author());
                assertThat(is.createdAt()).as(is.id()).isEqualTo(was.createdAt());
                assertThat(is.changeNote()).as(is.id()).startsWith("Imported").endsWith(was.changeNote());
                assertThat(is.state()).as(is.id()).isEqualTo(RevisionState.DRAFT);
                assertThat(is.reviews()).as(is.id()).isEmpty();
            }
            Item item = content.requireItem(ContentRef.parseId(id));
            assertThat(item.headRevision()).as(id).isEqualTo(revisions.size());
            assertThat(item.headState()).as(id).isEqualTo(RevisionState.DRAFT);
            assertThat(item.publishedRevision()).as(id).isNull();
            assertThat(item.status()).as(id).isEqualTo(ItemStatus.ACTIVE);
            assertThat(now.get(now.size() - 1).changeNote()).as(id)
                    .startsWith(wasPublic.contains(id) ? "Imported, awaiting review" : "Imported: ");
        });
        assertThat(published.count()).isZero();
        assertThat(log.lastSequence()).isZero();
        List<AuditEntry> imports = audit.find(new AuditQuery(null, null, AuditAction.IMPORT, null, null), 0, 10);
        assertThat(imports).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("root");
            assertThat(e.detail()).startsWith(before.size() + " items (")
                    .contains("imported as drafts", "nothing published");
        });

        // importing the same file again changes nothing
        ImportReport again = transfer.importFrom(new ByteArrayInputStream(out.toByteArray()), ADMIN);
        assertThat(again.imported()).isZero();
        assertThat(again.skipped()).hasSize(before.size());
        assertThat(everyRevision()).isEqualTo(after);
    }

    @Test
    void onlyAnAdminImports() {
        assertThatThrownBy(() -> transfer.dryRun(new ByteArrayInputStream(JSON.writeValueAsBytes(export())), ANNA))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aFileThatIsNotAnExportIsRefusedAsAWhole() throws Exception {
        ImportReport report = transfer.importFrom(new ByteArrayInputStream("{\"items\": 3".getBytes()), ADMIN);
        assertThat(report.refused()).singleElement().satisfies(l -> {
            assertThat(l.subject()).isEqualTo("file");
            assertThat(l.text()).startsWith("This is not a Knead content export");
        });
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, List<Revision>> everyRevision() {
        return mongo.findAll(Revision.class).stream()
                .sorted(java.util.Comparator.comparingInt(Revision::number))
                .collect(Collectors.groupingBy(Revision::itemId));
    }

    private ImportReport importFile(ContentExport file) throws Exception {
        return transfer.importFrom(new ByteArrayInputStream(JSON.writeValueAsBytes(file)), ADMIN);
    }

    private ContentExport export(ContentExport.ItemExport... items) {
        return new ContentExport(ContentExport.FORMAT, ContentExport.VERSION, then, Arrays.asList(items));
    }

    /** An item as the file shows it, with these revisions; never published. */
    private ContentExport.ItemExport item(Revision... revisions) {
        Revision last = revisions[revisions.length - 1];
        return new ContentExport.ItemExport(head(last.ref(), last.number(), null), List.of(revisions));
    }

    /** An item the file says is published (its last revision), with a clinical review for a warning. */
    private ContentExport.ItemExport published(Content c, Revision... revisions) {
        Revision last = revisions[revisions.length - 1];
        ClinicalReview review = c.type().isMedical()
                ? new ClinicalReview("clara", then, then.plus(Duration.ofDays(365)), last.number(), last.contentHash(),
                        null)
                : null;
        Item head = head(c.ref(), last.number(), last.number());
        return new ContentExport.ItemExport(new Item(head.id(), head.type(), head.slug(), head.title(),
                head.headRevision(), head.headAuthor(), head.headAt(), RevisionState.PUBLISHED, last.number(), then,
                ItemStatus.ACTIVE, null, review, false, c.type().isMedical(), then, "mallory", null, null, List.of()),
                List.of(revisions));
    }

    private Item head(ContentRef ref, int headRevision, Integer publishedRevision) {
        return new Item(ref.id(), ref.type(), ref.slug(), "title", headRevision, "mallory", then,
                publishedRevision == null ? RevisionState.DRAFT : RevisionState.PUBLISHED, publishedRevision,
                publishedRevision == null ? null : then, ItemStatus.ACTIVE, null, null, false, ref.type().isMedical(),
                then, "mallory", null, null, List.of());
    }

    private Revision revision(Content c, int number, RevisionState state, List<ReviewDecision> reviews) {
        return new Revision(Revision.idOf(c.ref().id(), number), c.ref().id(), c.type(), c.slug(), number, c,
                ContentHash.of(c), "mallory", then, number == 1 ? "first version" : "", number == 1 ? null : number - 1,
                null, state, reviews, state == RevisionState.PUBLISHED ? then : null);
    }

    private static Revision withHash(Revision r, String hash) {
        return new Revision(r.id(), r.itemId(), r.type(), r.slug(), r.number(), r.content(), hash, r.author(),
                r.createdAt(), r.changeNote(), r.basedOn(), r.restoredFrom(), r.state(), r.reviews(),
                r.lastPublishedAt());
    }

    static Content symptom(String slug) {
        return Content.builder(ContentType.SYMPTOM, slug).title("Symptom " + slug).summary("What it feels like.")
                .build();
    }

    static Content warning(String slug, String trigger) {
        return Content.builder(ContentType.WARNING, slug).title("Warning " + slug).summary("A red flag.")
                .severity(Severity.SEE_A_DOCTOR).action("See a doctor soon.").sources(TestSources.nhsBackPain())
                .advice("See a doctor.").triggerSymptoms(List.of(trigger)).triggerPhrases(List.of("numb arms"))
                .build();
    }

    static Content technique(String slug, String title) {
        return Content.builder(ContentType.TECHNIQUE, slug).title(title).summary("Helps.").pressure(Pressure.GENTLE)
                .bodyAreas(List.of(BodyArea.NECK)).build();
    }
}
