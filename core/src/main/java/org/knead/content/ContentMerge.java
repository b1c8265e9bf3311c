package org.knead.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reapplies one editor's change on top of the latest revision after a stale save: every catalogue field the
 * editor changed (compared with the revision they started from) takes their value; every other field keeps
 * the latest value, so the other person's work is kept. The item's type and slug are the latest's.
 *
 * @param merged        the latest content with this editor's changes on top
 * @param changedByMe   the names of the fields this editor changed, in catalogue order
 * @param changedByBoth of those, the ones the other person changed too, to something else
 */
public record ContentMerge(Content merged, List<String> changedByMe, List<String> changedByBoth) {

    public ContentMerge {
        changedByMe = List.copyOf(changedByMe);
        changedByBoth = List.copyOf(changedByBoth);
    }

    public static ContentMerge onLatest(Content base, Content mine, Content latest) {
        Content.Builder merged = latest.toBuilder();
        List<String> mineChanged = new ArrayList<>();
        List<String> both = new ArrayList<>();
        for (ContentField<?> field : ContentFields.all()) {
            Object b = field.get(base);
            Object m = field.get(mine);
            Object l = field.get(latest);
            if (!Objects.equals(m, b)) {
                field.copy(mine, merged);
                mineChanged.add(field.name());
                if (!Objects.equals(l, b) && !Objects.equals(l, m)) {
                    both.add(field.name());
                }
            }
        }
        return new ContentMerge(merged.build(), mineChanged, both);
    }
}
