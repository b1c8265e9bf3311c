package org.knead.admin.content;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.knead.content.Content;
import org.knead.content.ContentField;
import org.knead.content.ContentFields;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.content.Source;
import org.knead.revision.Item;

/**
 * The editor's content fields, one component per field of core's catalogue ({@link ContentFields}): its
 * kind decides the component, its label the caption, its name the element id ({@code relievesSymptoms}
 * becomes {@code relieves-symptoms}). The form shows the fields the item's type has, fills them from a
 * content and reads them back; the fields the type does not have keep the base revision's values.
 */
final class ContentForm {

    private final Map<ContentField<?>, HasValue<?, ?>> editors = new LinkedHashMap<>();

    ContentForm() {
        for (ContentField<?> field : ContentFields.all()) {
            HasValue<?, ?> editor = create(field);
            ((Component) editor).setId(id(field));
            editors.put(field, editor);
        }
    }

    /** Every field's component, in catalogue order. */
    Collection<HasValue<?, ?>> editors() {
        return editors.values();
    }

    /** The component that edits {@code field}. */
    @SuppressWarnings("unchecked")
    <C extends Component> C editor(ContentField<?> field) {
        return (C) editors.get(field);
    }

    /**
     * The fields of {@code type} except the title and the Markdown body (the editor places those itself),
     * in catalogue order; pickers of linked items are filled from {@code pickable}, read only when the type
     * links to other items.
     */
    void layOut(FormLayout form, ContentType type, Supplier<List<Item>> pickable) {
        for (ContentField<?> field : ContentFields.of(type)) {
            if (field == ContentFields.TITLE || field.isMarkdown()) {
                continue;
            }
            Component c = editor(field);
            if (field.kind() == ContentField.Kind.LINKS) {
                pick(editor(field), pickable.get(), field.linksTo());
            } else if (field.kind() == ContentField.Kind.REFS) {
                pickAny(editor(field), pickable.get());
            }
            boolean wide = field == ContentFields.SUMMARY || field.kind() == ContentField.Kind.SOURCES
                    || field.kind() == ContentField.Kind.REFS;
            form.add(c, wide ? 2 : 1);
        }
    }

    void fill(Content c) {
        editors.forEach((field, editor) -> fill(field, editor, c));
    }

    /** The content of the form: the fields of {@code type} from the form, the others from {@code base}. */
    Content read(ContentType type, String slug, Content base) {
        Content.Builder b = Content.builder(type, slug);
        for (ContentField<?> field : ContentFields.all()) {
            if (field.usedBy(type)) {
                set(field, b, value(field, editors.get(field)));
            } else if (base != null) {
                field.copy(base, b);
            }
        }
        return b.build();
    }

    static String id(ContentField<?> field) {
        return field.name().replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private static HasValue<?, ?> create(ContentField<?> field) {
        String label = field.label();
        return switch (field.kind()) {
            case TEXT -> new TextField(label);
            case LONG_TEXT -> new TextArea(label);
            case MARKDOWN -> new TextArea(label + " (Markdown)");
            case LINES -> new TextArea(label + " (one per line)");
            case SOURCES -> new TextArea(label + " (one per line: title | https address | publisher | checked on"
                    + " YYYY-MM-DD)");
            case CHOICE -> {
                RadioButtonGroup<Object> group = new RadioButtonGroup<>(label);
                group.setItems(field.choices());
                group.setItemLabelGenerator(field::choiceLabel);
                yield group;
            }
            case CHOICES -> {
                CheckboxGroup<Object> group = new CheckboxGroup<>(label);
                group.setItems(field.choices());
                group.setItemLabelGenerator(field::choiceLabel);
                yield group;
            }
            case LINKS, REFS -> new MultiSelectComboBox<String>(label);
        };
    }

    private static void pick(MultiSelectComboBox<String> picker, List<Item> items, ContentType of) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Item item : items) {
            if (item.type() == of) {
                titles.put(item.slug(), item.title());
            }
        }
        picker.setItems(new ArrayList<>(titles.keySet()));
        picker.setItemLabelGenerator(s -> titles.containsKey(s) ? titles.get(s) + " (" + s + ")" : s);
    }

    private static void pickAny(MultiSelectComboBox<String> picker, List<Item> items) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Item item : items) {
            if (item.type() != ContentType.ARTICLE) {
                titles.put(item.id(), item.title());
            }
        }
        picker.setItems(new ArrayList<>(titles.keySet()));
        picker.setItemLabelGenerator(id -> titles.containsKey(id) ? titles.get(id) + " (" + id + ")" : id);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void fill(ContentField<?> field, HasValue editor, Content c) {
        Object v = field.get(c);
        Object shown = switch (field.kind()) {
            case TEXT, LONG_TEXT, MARKDOWN -> v == null ? "" : v;
            case LINES -> String.join("\n", field.texts(c));
            case SOURCES -> String.join("\n", ((List<Source>) v).stream().map(Source::line).toList());
            case CHOICE -> v;
            case CHOICES, LINKS -> new LinkedHashSet<>((List<?>) v);
            case REFS -> new LinkedHashSet<>(((List<ContentRef>) v).stream().map(ContentRef::id).toList());
        };
        if (shown == null) {
            editor.clear();
        } else {
            editor.setValue(shown);
        }
    }

    private static Object value(ContentField<?> field, HasValue<?, ?> editor) {
        Object v = editor.getValue();
        return switch (field.kind()) {
            case TEXT, LONG_TEXT, MARKDOWN, CHOICE -> v;
            case LINES -> lines((String) v);
            case SOURCES -> lines((String) v).stream().map(Source::parseLine).toList();
            // in the vocabulary's order, whatever the order of ticking
            case CHOICES -> field.choices().stream().filter(((Set<?>) v)::contains).toList();
            case LINKS -> List.copyOf((Collection<?>) v);
            case REFS -> ((Collection<?>) v).stream().map(id -> ContentRef.parseId((String) id)).toList();
        };
    }

    @SuppressWarnings("unchecked")
    private static void set(ContentField<?> field, Content.Builder b, Object value) {
        ((ContentField<Object>) field).set(b, value);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
