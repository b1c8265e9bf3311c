package org.knead.revision;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knead.content.Content;
import org.knead.content.ContentField;
import org.knead.content.ContentFields;

/** Compares two contents field by field, in the order of {@link ContentFields}; text fields as a line diff with word-level changes (java-diff-utils). */
final class RevisionDiffer {

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .inlineDiffByWord(true)
            .lineNormalizer(RevisionDiffer::escapeHtml)
            .mergeOriginalRevised(false)
            .oldTag(open -> open ? "<del>" : "</del>")
            .newTag(open -> open ? "<ins>" : "</ins>")
            .build();

    private RevisionDiffer() {
    }

    static List<FieldChange> compare(Content a, Content b) {
        List<FieldChange> changes = new ArrayList<>();
        for (ContentField<?> f : ContentFields.all()) {
            Object before = f.get(a);
            Object after = f.get(b);
            if (!Objects.equals(before, after)) {
                String beforeText = text(before);
                String afterText = text(after);
                changes.add(new FieldChange(f.name(), beforeText, afterText, lines(beforeText, afterText)));
            }
        }
        return changes;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join("\n", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static List<FieldChange.DiffLine> lines(String before, String after) {
        List<DiffRow> rows = GENERATOR.generateDiffRows(split(before), split(after));
        return rows.stream().map(r -> new FieldChange.DiffLine(kind(r.getTag()), r.getOldLine(), r.getNewLine()))
                .toList();
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\n", -1));
    }

    /** Every text in a diff is escaped before markers are added, so content can never become markup. */
    static String escapeHtml(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static FieldChange.Kind kind(DiffRow.Tag tag) {
        return switch (tag) {
            case EQUAL -> FieldChange.Kind.EQUAL;
            case INSERT -> FieldChange.Kind.INSERT;
            case DELETE -> FieldChange.Kind.DELETE;
            case CHANGE -> FieldChange.Kind.CHANGE;
        };
    }
}
