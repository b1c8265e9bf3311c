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

    public ComparisonPanel() {
        addClassName("comparison");
        setWidthFull();
    }

    public void show(RevisionComparison comparison, String fromCaption, String toCaption) {
        removeAll();
        Div header = row(new Span(fromCaption), new Span(toCaption));
        header.getStyle().set("font-weight", "600");
        add(header);
        if (comparison.isSame()) {
            add(new Paragraph("The two revisions have the same content."));
            return;
        }
        for (FieldChange change : comparison.changes()) {
            H4 field = new H4(ContentFields.label(change.field()));
            field.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs) 0");
            add(field);
            for (FieldChange.DiffLine line : change.lines()) {
                Div row = row(escaped(line.oldHtml(), line.kind(), true), escaped(line.newHtml(), line.kind(), false));
                row.addClassName("diff-" + line.kind().name().toLowerCase());
                add(row);
            }
        }
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
