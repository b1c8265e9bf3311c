package org.knead.admin.content;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.ItemFilter;
import org.knead.revision.ItemStatus;
import org.knead.search.EditorEntry;
import org.knead.search.EditorQuery;
import org.knead.search.EditorSearch;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The console's search: the search module's editors' index, following saves and workflow steps. Before each
 * search it reads the item heads (cheap) and re-reads the latest revision of every item whose head changed
 * since it was indexed, so a draft saved a moment ago, here or in another console, is found.
 */
@Component
public class ConsoleSearch implements DisposableBean {

    /** The states the console filters by, as people read them. */
    public static final List<String> STATES = List.of("draft", "in review", "changes requested", "approved",
            "published", "archived");

    private final ContentService contents;
    private final EditorSearch index;
    private final Object refreshing = new Object();

    public ConsoleSearch(ContentService contents, Clock clock) {
        this.contents = contents;
        this.index = new EditorSearch(clock);
    }

    /** The items matching, best first (with no text, the most recently saved first). */
    public List<Item> find(EditorQuery query) {
        Map<String, Item> heads = refresh();
        List<Item> out = new ArrayList<>();
        for (String id : index.search(query)) {
            Item item = heads.get(id);
            if (item != null) {
                out.add(item);
            }
        }
        return out;
    }

    /** Everyone who last saved an item. */
    public SortedSet<String> authors() {
        refresh();
        return index.authors();
    }

    /** Brings the index up to date with the item heads; returns the heads by id. */
    private Map<String, Item> refresh() {
        synchronized (refreshing) {
            Map<String, Item> heads = new HashMap<>();
            for (Item item : contents.list(ItemFilter.all(), 0, Integer.MAX_VALUE)) {
                heads.put(item.id(), item);
                String version = version(item);
                if (!version.equals(index.version(item.id()))) {
                    index.put(new EditorEntry(contents.latest(item.ref()).content(), state(item), item.headAuthor(),
                            item.headAt(), item.review() == null ? null : item.review().nextReviewDue(), version));
                }
            }
            Set<String> gone = new HashSet<>(index.ids());
            gone.removeAll(heads.keySet());
            gone.forEach(index::remove);
            return heads;
        }
    }

    /** The state a person reads: archived, or the latest revision's. */
    static String state(Item item) {
        return item.status() == ItemStatus.ARCHIVED ? "archived" : item.headState().label();
    }

    private static String version(Item item) {
        return item.headRevision() + "|" + item.headState() + "|" + item.status() + "|" + item.headAt() + "|"
                + (item.review() == null ? "" : item.review().nextReviewDue());
    }

    @Override
    public void destroy() {
        index.close();
    }
}
