package org.knead.admin.content;

import com.vaadin.flow.component.HasValidation;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts core's validation problems on the editor's fields: every problem is marked on the field its
 * sentence names first (quoted values left out, so a slug such as 'title-case' names nothing), and a
 * field with several problems shows them all. Problems that name no field stay in the list above the form.
 */
final class EditorProblems {

    private EditorProblems() {
    }

    /**
     * @param fields the fields by the words a problem uses for them
     * @return how many problems were marked on a field
     */
    static int mark(List<String> problems, Map<String, ? extends HasValidation> fields) {
        clear(fields);
        Map<HasValidation, List<String>> byField = new IdentityHashMap<>();
        int marked = 0;
        for (String problem : problems) {
            HasValidation field = fieldOf(problem, fields);
            if (field != null) {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(problem);
                marked++;
            }
        }
        byField.forEach((field, messages) -> {
            field.setErrorMessage(String.join(" ", messages));
            field.setInvalid(true);
        });
        return marked;
    }

    static void clear(Map<String, ? extends HasValidation> fields) {
        for (HasValidation field : fields.values()) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    static <F extends HasValidation> F fieldOf(String problem, Map<String, F> fields) {
        String text = problem.toLowerCase(Locale.ROOT).replaceAll("'[^']*'", "''");
        F found = null;
        int at = Integer.MAX_VALUE;
        int length = 0;
        for (Map.Entry<String, F> e : fields.entrySet()) {
            int i = text.indexOf(e.getKey());
            if (i >= 0 && (i < at || i == at && e.getKey().length() > length)) {
                found = e.getValue();
                at = i;
                length = e.getKey().length();
            }
        }
        return found;
    }
}
