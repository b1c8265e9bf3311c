package org.knead.search;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.knead.search.internal.EditorIndex;
import org.knead.search.internal.Vocabulary;

/**
 * The editors' search: drafts and published items alike, in memory, for the console. Not a Spring
 * component (the console builds one); the caller feeds it with {@link #put} whenever an item changes and
 * may ask {@link #version} to know which items it must re-read. Thread-safe.
 */
public final class EditorSearch implements AutoCloseable {

    private final EditorIndex index;
    private final Clock clock;
    private final Map<String, EditorEntry> entries = new ConcurrentHashMap<>();

    public EditorSearch(Clock clock) {
        this.index = new EditorIndex(Vocabulary.builtIn());
        this.clock = clock;
    }

    /** Adds or replaces an item. */
    public synchronized void put(EditorEntry entry) {
        index.put(entry.content(), entry.state(), entry.author(), entry.lastChange(), entry.reviewDue());
        entries.put(entry.id(), entry);
    }

    /** Forgets an item. */
    public synchronized void remove(String id) {
        index.remove(id);
        entries.remove(id);
    }

    /** The version of the item as indexed, or null when it is not. */
    public String version(String id) {
        EditorEntry e = entries.get(id);
        return e == null ? null : e.version();
    }

    /** The ids of every item indexed. */
    public Collection<String> ids() {
        return List.copyOf(entries.keySet());
    }

    /** Everyone who last changed an item, in alphabetical order. */
    public SortedSet<String> authors() {
        SortedSet<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        entries.values().forEach(e -> {
            if (e.author() != null) {
                out.add(e.author());
            }
        });
        return out;
    }

    /** The ids of the items matching, best first (with no text, the most recently changed first). */
    public List<String> search(EditorQuery query) {
        EditorQuery q = query == null ? EditorQuery.all() : query;
        return index.search(q.text(), q.type(), q.state(), q.author(), q.overdue() ? clock.instant() : null);
    }

    @Override
    public void close() {
        index.close();
    }
}
