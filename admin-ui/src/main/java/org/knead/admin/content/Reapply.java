package org.knead.admin.content;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knead.content.Content;

/**
 * Reapplies one editor's change on top of the latest revision after a stale save: every field the
 * editor changed (compared with the revision they started from) takes their value; every other
 * field keeps the latest value, so the other person's work is kept.
 */
final class Reapply {

    record Result(Content merged, List<String> changedByMe, List<String> changedByBoth) {
    }

    private Reapply() {
    }

    static Result onLatest(Content base, Content mine, Content latest) {
        RecordComponent[] components = Content.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        List<String> mineChanged = new ArrayList<>();
        List<String> both = new ArrayList<>();
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                Object b = c.getAccessor().invoke(base);
                Object m = c.getAccessor().invoke(mine);
                Object l = c.getAccessor().invoke(latest);
                if (Objects.equals(m, b)) {
                    values[i] = l;
                } else {
                    values[i] = m;
                    mineChanged.add(c.getName());
                    if (!Objects.equals(l, b) && !Objects.equals(l, m)) {
                        both.add(c.getName());
                    }
                }
            }
            Constructor<Content> constructor = Content.class.getDeclaredConstructor(types);
            return new Result(constructor.newInstance(values), mineChanged, both);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot merge content", e);
        }
    }

    /** The content fields (record component names) whose values differ between a and b, in content order. */
    static List<String> changedFields(Content a, Content b) {
        List<String> changed = new ArrayList<>();
        if (a == null || b == null) {
            return changed;
        }
        try {
            for (RecordComponent c : Content.class.getRecordComponents()) {
                if (!Objects.equals(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                    changed.add(c.getName());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot compare content", e);
        }
        return changed;
    }
}
