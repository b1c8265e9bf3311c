package org.knead.revision;

import java.util.List;

/** Two revisions of an item side by side: the fields that differ, in the order of the content. */
public record RevisionComparison(Revision from, Revision to, List<FieldChange> changes) {

    public boolean isSame() {
        return changes.isEmpty();
    }
}
