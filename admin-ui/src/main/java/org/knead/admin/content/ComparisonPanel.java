package org.knead.admin.content;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.knead.content.ContentFields;
import org.knead.revision.FieldChange;
import org.knead.revision.RevisionComparison;

/**
 * Two revisions side by side, field by field. The diff lines come from core already HTML-escaped
 * with only {@code <del>} and {@code <ins>} added, so they alone are set as HTML; every other text
 * (field names, revision captions) is set as text.
 */
public class ComparisonPanel extends Div {

    private ItemTitles titles;
    private boolean changedLinesOnly;

    public ComparisonPanel() {
        addClassName("comparison");
        setWidthFull();
    }

    /** Leaves out unchanged lines (a count stands in for them), so that one changed line in a long text stands out. */
    public ComparisonPanel changedLinesOnly() {
        this.changedLinesOnly = true;
        return this;
    }

    /** Shows linked items (cautions, symptoms, related items) by their titles instead of their slugs. */
    public ComparisonPanel withTitles(ItemTitles itemTitles) {
        this.titles = itemTitles;
        return this;
    }

    public void show(RevisionComparison comparison, String fromCaption, String toCaption) {
        show(comparison.changes(), fromCaption, toCaption);
    }

    public void show(java.util.List<FieldChange> changes, String fromCaption, String toCaption) {
        removeAll();
        Div header = row(new Span(fromCaption), new Span(toCaption));
        header.getStyle().set("font-weight", "600");
        add(header);
        if (changes.isEmpty()) {
            add(new Paragraph("The two revisions have the same content."));
            return;
        }
        for (FieldChange change : changes) {
            H4 field = new H4(ContentFields.label(change.field()));
            field.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs) 0");
            add(field);
            if (titles != null && (ItemTitles.linkedType(change.field()) != null || change.field().equals("related"))) {
                showLinks(change);
                continue;
            }
            int skipped = 0;
            for (FieldChange.DiffLine line : change.lines()) {
                if (changedLinesOnly && line.kind() == FieldChange.Kind.EQUAL) {
                    skipped++;
                    continue;
                }
                skipped = unchanged(skipped);
                Div row = row(escaped(line.oldHtml(), line.kind(), true), escaped(line.newHtml(), line.kind(), false));
                row.addClassName("diff-" + line.kind().name().toLowerCase());
                add(row);
            }
            unchanged(skipped);
        }
    }

    /** Notes how many unchanged lines were left out; answers 0 for the next run of them. */
    private int unchanged(int skipped) {
        if (skipped > 0) {
            Span note = new Span("… " + skipped + (skipped == 1 ? " unchanged line" : " unchanged lines"));
            note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            add(new Div(note));
        }
        return 0;
    }

    /** A change of linked items, one row per item by title: removed on the left, added on the right. */
    private void showLinks(FieldChange change) {
        java.util.List<String> before = change.before().isEmpty() ? java.util.List.of()
                : java.util.List.of(change.before().split("\n"));
        java.util.List<String> after = change.after().isEmpty() ? java.util.List.of()
                : java.util.List.of(change.after().split("\n"));
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(before);
        all.addAll(after);
        for (String value : all) {
            String shown = linkLabel(change.field(), value);
            boolean old = before.contains(value);
            boolean now = after.contains(value);
            Span left = new Span(old ? shown : "");
            Span right = new Span(now ? shown : "");
            left.addClassName("diff-old");
            right.addClassName("diff-new");
            if (old && !now) {
                left.getStyle().set("background", "var(--lumo-error-color-10pct)").set("text-decoration", "line-through");
            }
            if (now && !old) {
                right.getStyle().set("background", "var(--lumo-success-color-10pct)");
            }
            Div row = row(left, right);
            row.addClassName(old && now ? "diff-equal" : old ? "diff-delete" : "diff-insert");
            add(row);
        }
    }

    private String linkLabel(String field, String value) {
        org.knead.content.ContentType type = ItemTitles.linkedType(field);
        if (type != null) {
            return titles.label(type, value);
        }
        String title = titles.title(value);
        return title.equals(value) ? value : title + " (" + value + ")";
    }

    public void clear() {
        removeAll();
    }

    private static Div row(Span left, Span right) {
        Div row = new Div(left, right);
        row.addClassName("diff-row");
        row.getStyle().set("display", "grid").set("grid-template-columns", "1fr 1fr").set("gap", "var(--lumo-space-m)")
                .set("font-family", "var(--lumo-font-family)").set("white-space", "pre-wrap")
                .set("overflow-wrap", "anywhere");
        return row;
    }

    /** Core escapes every text in a diff line and adds only del/ins, so it is safe as innerHTML. */
    private static Span escaped(String html, FieldChange.Kind kind, boolean old) {
        Span span = new Span();
        span.addClassName(old ? "diff-old" : "diff-new");
        span.getElement().setProperty("innerHTML", html == null ? "" : html);
        if (kind != FieldChange.Kind.EQUAL) {
            span.getStyle().set("background", old ? "var(--lumo-error-color-10pct)" : "var(--lumo-success-color-10pct)");
        }
        return span;
    }
}
