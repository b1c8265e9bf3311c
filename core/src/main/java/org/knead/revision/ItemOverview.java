package org.knead.revision;

import java.util.Map;
import java.util.Optional;

/**
 * Everything the console shows about an item and what the current person may do with it, decided by
 * {@link ItemHistory}: views render it and re-derive no rule.
 *
 * @param revision          the revision in question (the newest one in the editor, the one under review on a
 *                          review page): SUBMIT, APPROVE and REQUEST_CHANGES are about it
 * @param head              the newest revision
 * @param published         the revision the public sees, or null
 * @param readyToPublish    the newest approved revision (what Publish and Schedule are about), or null
 * @param needsClinician    {@code revision} needs a clinician's sign-off before it can be published
 * @param withdrawalNeedsClinician taking the item off the public site needs a clinician (a red flag)
 * @param actions           every action, allowed or refused with the reason
 * @param reverts           for each revision older than the public one: whether this person may revert the
 *                          item to it (make it public again in its place), allowed or refused with the reason
 */
public record ItemOverview(Item item, Revision revision, Revision head, Revision published, Revision readyToPublish,
        boolean needsClinician, boolean withdrawalNeedsClinician, Map<ItemAction, Decision> actions,
        Map<Integer, Decision> reverts) {

    public ItemOverview {
        actions = Map.copyOf(actions);
        reverts = Map.copyOf(reverts);
    }

    /** Whether this person may revert the item to revision {@code number} (with a reason, confirmed). */
    public Decision revert(int number) {
        return reverts.getOrDefault(number, Decision.notPossible("Revision " + number + " is not older than the"
                + " public revision; there is nothing to revert to."));
    }

    public Decision decision(ItemAction action) {
        return actions.getOrDefault(action, Decision.notPossible("Not available."));
    }

    public boolean allows(ItemAction action) {
        return decision(action).allowed();
    }

    public Optional<Revision> publishedRevision() {
        return Optional.ofNullable(published);
    }

    public Optional<Revision> approved() {
        return Optional.ofNullable(readyToPublish);
    }
}
