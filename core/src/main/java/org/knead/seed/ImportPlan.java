package org.knead.seed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.knead.content.Content;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.ContentValidationException;
import org.knead.content.ContentValidator;
import org.knead.content.Slug;
import org.knead.revision.Item;
import org.knead.revision.ItemStatus;
import org.knead.revision.ReviewDecision;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.seed.ImportReport.Kind;
import org.knead.seed.ImportReport.Line;

/**
 * Checks a whole export file as a save would check each revision, trusting nothing in it, and
 * works out what an import writes: for every item that does not exist here, its revisions as
 * drafts (authors, dates and change notes kept as history; states, reviews, clinical approvals and
 * publication dropped) and a head built from them. Reads the store, never writes it.
 */
final class ImportPlan {

    /** Change notes of a save are at most this long; a file's are held to the same. */
    static final int MAX_NOTE = 500;
    static final int MAX_AUTHOR = 100;
    static final String IMPORTED = "Imported";
    static final String AWAITING_REVIEW = "Imported, awaiting review";

    /** One item the import brings in: its revisions (written first) and its head (written last). */
    record Planned(Item head, List<Revision> revisions, long leftovers, boolean wasPublic) {
    }

    final List<Line> lines = new ArrayList<>();
    final List<Planned> items = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    int reviewsDropped;

    private final ImportStore store;
    private final Predicate<ContentRef> existsHere;
    private final Set<ContentRef> inFile = new HashSet<>();
    /** Looked up once for the whole file, by {@code _id} in batches. */
    private Set<String> existing = Set.of();
    private Map<String, List<String>> leftovers = Map.of();

    private ImportPlan(ImportStore store, Predicate<ContentRef> existsHere) {
        this.store = store;
        this.existsHere = existsHere;
    }

    static ImportPlan refused(String problem) {
        ImportPlan plan = new ImportPlan(null, ref -> false);
        plan.lines.add(new Line(Kind.REFUSED, "file", problem));
        return plan;
    }

    static ImportPlan of(ContentExport export, ImportStore store, Predicate<ContentRef> existsHere) {
        ImportPlan plan = new ImportPlan(store, existsHere);
        if (export == null || !ContentExport.FORMAT.equals(export.format()) || export.items() == null) {
            return refused("This is not a Knead content export (format " + ContentExport.FORMAT + ").");
        }
        if (export.version() > ContentExport.VERSION) {
            return refused("This export is of version " + export.version() + "; this Knead reads up to version "
                    + ContentExport.VERSION + ".");
        }
        plan.check(export.items());
        return plan;
    }

    boolean isRefused() {
        return lines.stream().anyMatch(l -> l.kind() == Kind.REFUSED);
    }

    int revisionCount() {
        return items.stream().mapToInt(p -> p.revisions().size()).sum();
    }

    private void check(List<ContentExport.ItemExport> all) {
        Map<String, Integer> occurrences = new HashMap<>();
        for (ContentExport.ItemExport e : all) {
            if (e != null && e.item() != null && e.item().id() != null) {
                occurrences.merge(e.item().id(), 1, Integer::sum);
            }
        }
        List<String> valid = new ArrayList<>();
        for (String id : occurrences.keySet()) {
            ContentRef ref = parse(id);
            if (ref != null) {
                inFile.add(ref);
                valid.add(id);
            }
        }
        if (store != null) {
            existing = store.existingItems(valid);
            leftovers = store.leftoverRevisions(valid, existing);
        }
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < all.size(); i++) {
            ContentExport.ItemExport e = all.get(i);
            if (e == null || e.item() == null) {
                refuse("item " + (i + 1) + " of the file", "is empty: it has no item.");
                continue;
            }
            String id = e.item().id();
            int times = id == null ? 1 : occurrences.get(id);
            if (times > 1) {
                if (reported.add(id)) {
                    refuse(label(id), "appears " + times + " times in the file; each item may appear only once.");
                }
                continue;
            }
            checkItem(i, e);
        }
    }

    private void checkItem(int index, ContentExport.ItemExport e) {
        Item item = e.item();
        String id = item.id();
        if (id == null || id.isBlank()) {
            refuse("item " + (index + 1) + " of the file", "has no id.");
            return;
        }
        String subject = label(id);
        String idProblem = idProblem(id);
        if (idProblem != null) {
            refuse(subject, idProblem);
            return;
        }
        ContentRef ref = ContentRef.parseId(id);
        int before = lines.size();
        List<Line> notes = new ArrayList<>();
        if (item.type() != null && item.type() != ref.type() || item.slug() != null && !item.slug().equals(ref.slug())) {
            refuse(subject, "its type and slug (" + (item.type() == null ? "?" : item.type().key()) + " '"
                    + abbreviate(Objects.toString(item.slug(), "?")) + "') do not agree with its id.");
        }
        List<Revision> revisions = e.revisions() == null ? List.of() : e.revisions();
        if (revisions.isEmpty()) {
            refuse(subject, "has no revisions.");
        }
        if (revisions.stream().anyMatch(Objects::isNull)) {
            refuse(subject, "has an empty revision in the file.");
            revisions = revisions.stream().filter(Objects::nonNull).toList();
        }
        revisions = revisions.stream().sorted(Comparator.comparingInt(Revision::number)).toList();
        checkNumbers(subject, revisions);
        for (Revision r : revisions) {
            checkRevision(ref, r, notes);
        }
        if (lines.size() > before) {
            return;
        }
        if (existing.contains(id)) {
            skipped.add(id);
            lines.add(new Line(Kind.SKIP, subject, "already exists here; not touched (no revision is added to it)."));
            return;
        }
        Planned planned = plan(ref, item, revisions);
        if (planned.leftovers() > 0) {
            boolean one = planned.leftovers() == 1;
            lines.add(new Line(Kind.REPLACE, subject, planned.leftovers() + (one ? " revision" : " revisions")
                    + " left here by an interrupted import of this item (it has no head) " + (one ? "is" : "are")
                    + " replaced."));
        }
        int n = planned.revisions().size();
        lines.add(new Line(Kind.IMPORT, subject, n + (n == 1 ? " revision" : " revisions") + ", as drafts"
                + (planned.wasPublic() ? "; was public as revision " + item.publishedRevision()
                        + " where it came from: revision " + n + " now awaits review ("
                        + (ref.type().isMedical() ? "four eyes and a clinician" : "four eyes")
                        + "), nothing is public until then" : "")
                + (planned.head().status() == ItemStatus.ARCHIVED ? "; archived, as it was" : "") + "."));
        if (item.review() != null) {
            notes.add(new Line(Kind.NOTE, subject, "its clinical sign-off (" + abbreviate(item.review().reviewedBy())
                    + ", " + item.review().reviewedAt() + ", revision " + item.review().revision()
                    + ") is not carried over."));
        }
        if (item.scheduled() != null) {
            notes.add(new Line(Kind.NOTE, subject, "its scheduled publication is not carried over."));
        }
        if (item.withdrawalRequest() != null) {
            notes.add(new Line(Kind.NOTE, subject, "its pending withdrawal request is not carried over."));
        }
        lines.addAll(notes);
        items.add(planned);
    }

    private void checkNumbers(String subject, List<Revision> sorted) {
        Set<Integer> seen = new TreeSet<>();
        Set<Integer> twice = new TreeSet<>();
        for (Revision r : sorted) {
            if (r.number() < 1) {
                refuse(subject + "#" + r.number(), "revision numbers count from 1.");
            } else if (!seen.add(r.number())) {
                twice.add(r.number());
            }
        }
        for (int n : twice) {
            refuse(subject + "#" + n, "appears more than once in the file.");
        }
        int max = seen.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n <= max && missing.size() < 10; n++) {
            if (!seen.contains(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            refuse(subject, "revisions must be numbered 1 to " + max + " without gaps; missing: "
                    + missing.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ".");
        }
    }

    private void checkRevision(ContentRef ref, Revision r, List<Line> notes) {
        String id = ref.id();
        String subject = label(id) + "#" + r.number();
        if (!Revision.idOf(id, r.number()).equals(r.id())) {
            refuse(subject, "its id '" + abbreviate(Objects.toString(r.id(), "")) + "' is not " + label(id) + "#"
                    + r.number() + ".");
        }
        if (!id.equals(r.itemId())) {
            refuse(subject, "it says it belongs to '" + abbreviate(Objects.toString(r.itemId(), "")) + "'.");
        }
        if (r.type() != ref.type() || !ref.slug().equals(r.slug())) {
            refuse(subject, "its type and slug (" + (r.type() == null ? "?" : r.type().key()) + " '"
                    + abbreviate(Objects.toString(r.slug(), "?")) + "') do not agree with its item.");
        }
        if (r.author() == null || r.author().isBlank()) {
            refuse(subject, "has no author.");
        } else if (r.author().length() > MAX_AUTHOR || r.author().chars().anyMatch(Character::isISOControl)) {
            refuse(subject, "its author '" + abbreviate(r.author()) + "' is not a user name (at most " + MAX_AUTHOR
                    + " characters, no control characters).");
        }
        if (r.createdAt() == null) {
            refuse(subject, "has no date.");
        }
        if (r.changeNote() != null && r.changeNote().length() > MAX_NOTE) {
            refuse(subject, "its change note is " + r.changeNote().length() + " characters long; at most "
                    + MAX_NOTE + " are allowed.");
        }
        if (r.restoredFrom() != null && (r.restoredFrom() < 1 || r.restoredFrom() >= r.number())) {
            refuse(subject, "it says it restored revision " + r.restoredFrom() + ", which is not an earlier revision.");
        }
        Content c = r.content();
        if (c == null) {
            refuse(subject, "has no content.");
            return;
        }
        if (c.type() != ref.type() || !ref.slug().equals(c.slug())) {
            refuse(subject, "its content is " + (c.type() == null ? "?" : c.type().key()) + " '"
                    + abbreviate(Objects.toString(c.slug(), "")) + "'" + lengthNote(c.slug())
                    + ", not " + label(id) + ": an item's content must have the item's type and slug.");
        }
        try {
            ContentValidator.validate(c, link -> inFile.contains(link) || existsHere.test(link));
        } catch (ContentValidationException invalid) {
            invalid.problems().forEach(p -> refuse(subject, p));
        } catch (RuntimeException unreadable) {
            refuse(subject, "its content cannot be checked: " + abbreviate(String.valueOf(unreadable.getMessage())));
        }
        String hash;
        try {
            hash = ContentHash.of(c);
        } catch (RuntimeException unhashable) {
            refuse(subject, "its content cannot be hashed.");
            return;
        }
        if (r.contentHash() == null || r.contentHash().isBlank()) {
            refuse(subject, "has no content hash (it is recomputed and must match).");
        } else if (!hash.equals(r.contentHash())) {
            refuse(subject, "its content hash does not match its content (the file says "
                    + abbreviate(r.contentHash(), 12) + ", the content hashes to " + abbreviate(hash, 12)
                    + "): the content was changed after it was saved.");
        }
        if (r.state() != null && r.state() != RevisionState.DRAFT || !r.reviews().isEmpty()
                || r.lastPublishedAt() != null) {
            reviewsDropped += r.reviews().size();
            String reviews = r.reviews().stream().limit(5).map(ImportPlan::describe).collect(Collectors.joining(", "));
            notes.add(new Line(Kind.NOTE, subject, "was " + (r.state() == null ? "without a state" : r.state().label())
                    + " in the file" + (r.reviews().isEmpty() ? "" : ", with " + r.reviews().size()
                            + (r.reviews().size() == 1 ? " review" : " reviews") + " (" + reviews
                            + (r.reviews().size() > 5 ? ", ..." : "") + ")")
                    + "; arrives as a draft, no review or publication carried over."));
        }
    }

    private static String describe(ReviewDecision d) {
        String what = d.decision() == ReviewDecision.Decision.APPROVED
                ? (d.clinical() ? "clinical approval" : "approval")
                : "changes requested";
        return what + " by " + abbreviate(Objects.toString(d.reviewer(), "?")) + (d.at() == null ? "" : " " + d.at());
    }

    private Planned plan(ContentRef ref, Item item, List<Revision> sorted) {
        String id = ref.id();
        boolean wasPublic = item.publishedRevision() != null;
        List<Revision> out = new ArrayList<>();
        for (Revision r : sorted) {
            boolean head = r.number() == sorted.size();
            String original = r.changeNote() == null ? "" : r.changeNote().strip();
            String prefix = head && wasPublic
                    ? AWAITING_REVIEW + " (was public as revision " + item.publishedRevision()
                            + " where it came from)"
                    : IMPORTED;
            String note = original.isEmpty() ? prefix : prefix + ": " + original;
            out.add(new Revision(Revision.idOf(id, r.number()), id, ref.type(), ref.slug(), r.number(), r.content(),
                    ContentHash.of(r.content()), r.author().strip(), r.createdAt(), note,
                    r.number() == 1 ? null : r.number() - 1, r.restoredFrom(), RevisionState.DRAFT, List.of(), null));
        }
        Revision first = out.get(0);
        Revision last = out.get(out.size() - 1);
        ItemStatus status = item.status() == ItemStatus.ARCHIVED ? ItemStatus.ARCHIVED : ItemStatus.ACTIVE;
        ContentType type = ref.type();
        Item head = new Item(id, type, ref.slug(), last.title(), last.number(), last.author(), last.createdAt(),
                RevisionState.DRAFT, null, null, status, null, null, false, type.isMedical(), first.createdAt(),
                first.author(), null, null, List.of());
        return new Planned(head, List.copyOf(out), leftovers.getOrDefault(id, List.of()).size(), wasPublic);
    }

    /** Why an id cannot be an item's id, or null when it can. */
    private static String idProblem(String id) {
        int colon = id.indexOf(':');
        if (colon < 0 || ContentType.fromKey(id.substring(0, colon)).isEmpty()) {
            return "'" + abbreviate(id) + "' is not an item id (type:slug, the type one of "
                    + java.util.Arrays.stream(ContentType.values()).map(ContentType::key)
                            .collect(Collectors.joining(", ")) + ").";
        }
        String slug = id.substring(colon + 1);
        if (slug.length() > Slug.MAX_LENGTH) {
            return "the slug in its id is " + slug.length() + " characters long; a slug is at most "
                    + Slug.MAX_LENGTH + " characters.";
        }
        if (!Slug.hasValidForm(slug)) {
            return "the slug in its id, '" + slug + "', is not lowercase words joined by hyphens (a-z, 0-9).";
        }
        return null;
    }

    private static ContentRef parse(String id) {
        return idProblem(id) == null ? ContentRef.parseId(id) : null;
    }

    private void refuse(String subject, String problem) {
        lines.add(new Line(Kind.REFUSED, subject, problem));
    }

    /** An id as a report shows it: whole up to 60 characters, else its start and its length. */
    static String label(String id) {
        return id.length() <= 60 ? id : id.substring(0, 50) + "... (" + id.length() + " characters)";
    }

    private static String lengthNote(String s) {
        return s != null && s.length() > 40 ? " (" + s.length() + " characters)" : "";
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 40);
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) + "..." : s;
    }
}
