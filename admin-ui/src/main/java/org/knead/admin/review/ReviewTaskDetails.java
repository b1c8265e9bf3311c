package org.knead.admin.review;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.knead.content.ContentFields;
import org.knead.admin.content.ComparisonPanel;
import org.knead.admin.layout.Formats;
import org.knead.review.ReviewTask;
import org.knead.revision.ContentService;
import org.knead.revision.FieldChange;
import org.knead.revision.Item;
import org.knead.revision.Revision;

/** What a queue row says about its revision: why it waits, and the fingerprint of its content (read once per row). */
final class ReviewTaskDetails {

    private final ContentService contents;
    private final Map<ReviewTask, String> why = new HashMap<>();
    private final Map<ReviewTask, String> fingerprints = new HashMap<>();

    ReviewTaskDetails(ContentService contents) {
        this.contents = contents;
    }

    String fingerprint(ReviewTask t) {
        return fingerprints.computeIfAbsent(t, task -> {
            String hash = contents.revision(task.ref(), task.revision()).contentHash();
            return hash == null ? "" : hash;
        });
    }

    String why(ReviewTask t) {
        return why.computeIfAbsent(t, this::explain);
    }

    private String explain(ReviewTask t) {
        Item item = contents.requireItem(t.ref());
        Integer published = item.publishedRevision();
        return switch (t.kind()) {
            case FIRST_REVIEW -> "published revision " + t.revision() + ": no clinician has reviewed it yet (imported)";
            case RE_REVIEW -> "published revision " + t.revision() + ": its yearly review was due "
                    + Formats.time(t.since());
            case WITHDRAWAL -> "asked by " + t.author() + " to take published revision " + t.revision()
                    + " off the public site";
            case APPROVAL, CLINICAL_SIGN_OFF -> changes(t, published);
        };
    }

    private String changes(ReviewTask t, Integer published) {
        if (published == null) {
            return "new: never published" + (t.ref().type() == org.knead.content.ContentType.WARNING
                    ? ", a medical warning" : "");
        }
        if (published == t.revision()) {
            return "the published revision";
        }
        List<FieldChange> changes = contents.compare(t.ref(), published, t.revision()).changes();
        List<String> fields = changes.stream().map(c -> ContentFields.label(c.field()).toLowerCase()).toList();
        boolean cautions = changes.stream().anyMatch(c -> c.field().equals("cautions"));
        Revision r = contents.revision(t.ref(), t.revision());
        String base = "replaces published revision " + published + (fields.isEmpty() ? "; same content"
                : "; changes " + String.join(", ", fields));
        if (r.restoredFrom() != null) {
            base += " (restores revision " + r.restoredFrom() + ")";
        }
        return cautions ? "changed cautions: " + base : base;
    }
}
