package org.knead.admin.content;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.knead.content.Content;
import org.knead.content.ContentField;
import org.knead.content.ContentFields;

/**
 * The fields that a conflict is about, first: for each field that either side changed since the
 * revision both started from, what I have, what they have, and what reapplying keeps. Values are
 * shown as text, shortened when long (the line-by-line comparison follows below).
 */
final class ConflictFields extends Div {

    private static final int SHOWN = 160;

    ConflictFields(Content base, Content mine, Content theirs, String theirAuthor) {
        List<ContentField<?>> byMe = ContentFields.changed(base, mine);
        List<ContentField<?>> byThem = ContentFields.changed(base, theirs);
        Set<ContentField<?>> fields = new LinkedHashSet<>(byMe);
        fields.addAll(byThem);
        getStyle().set("display", "grid").set("grid-template-columns", "10em 1fr 1fr 12em")
                .set("gap", "var(--lumo-space-xs) var(--lumo-space-m)").set("overflow-wrap", "anywhere");
        header("Field", "Yours", "Theirs (" + theirAuthor + ")", "Reapplying keeps");
        for (ContentField<?> field : fields) {
            boolean mineChanged = byMe.contains(field);
            boolean theirsChanged = byThem.contains(field);
            String outcome = mineChanged && theirsChanged
                    ? (text(mine, field).equals(text(theirs, field)) ? "the same in both" : "yours; check theirs")
                    : mineChanged ? "yours" : "theirs";
            cell(field.label(), "conflict-field", true);
            cell(mineChanged ? changedPart(text(base, field), text(mine, field)) : "(unchanged)", "conflict-mine", false);
            cell(theirsChanged ? changedPart(text(base, field), text(theirs, field)) : "(unchanged)", "conflict-theirs",
                    false);
            cell(outcome, "conflict-outcome", false);
        }
    }

    private void header(String... labels) {
        for (String label : labels) {
            Span s = new Span(label);
            s.getStyle().set("font-weight", "600");
            add(s);
        }
    }

    private void cell(String text, String className, boolean strong) {
        Span s = new Span(text);
        s.addClassName(className);
        s.getStyle().set("white-space", "pre-wrap");
        if (strong) {
            s.getStyle().set("font-weight", "600");
        }
        add(s);
    }

    /**
     * A short value as it is; of a longer text, only the lines that are new against the base, with "…"
     * standing in for the lines left out, so that one changed line in a long body is what shows.
     */
    private static String changedPart(String base, String value) {
        List<String> lines = value.lines().toList();
        if (value.length() <= SHOWN && lines.size() <= 3) {
            return value;
        }
        Set<String> before = new java.util.HashSet<>(base.lines().toList());
        List<String> added = lines.stream().filter(l -> !before.contains(l)).toList();
        if (added.isEmpty()) {
            return "(lines removed)";
        }
        return (lines.indexOf(added.get(0)) > 0 ? "…\n" : "") + shorten(String.join("\n", added))
                + (lines.indexOf(added.get(added.size() - 1)) < lines.size() - 1 ? "\n…" : "");
    }

    private static String shorten(String s) {
        return s.length() <= SHOWN ? s : s.substring(0, SHOWN) + "…";
    }

    private static String text(Content c, ContentField<?> field) {
        Object value = field.get(c);
        if (value == null) {
            return "(empty)";
        }
        String shown = value instanceof List<?> list
                ? String.join(", ", list.stream().map(String::valueOf).toList()) : String.valueOf(value);
        return shown.isBlank() ? "(empty)" : shown;
    }
}
