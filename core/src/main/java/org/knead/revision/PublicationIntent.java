package org.knead.revision;

import java.time.Instant;

/**
 * Written on an item before a publish or a withdrawal touches anything else, and cleared in the same
 * write that records the outcome on the item. While it is there, the change is under way (or was cut
 * short by a crash): {@code PublicationRepair} completes it from this record alone.
 *
 * @param kind     publish a revision, or withdraw the public copy
 * @param revision the revision that goes public (PUBLISH), or the one that was public (WITHDRAW)
 * @param publication for PUBLISH: what the item records once it is public; null for WITHDRAW
 * @param archive  for WITHDRAW: the item is archived as well
 * @param startedAt when the intent was written
 * @param actor    who (or what) asked for it
 */
public record PublicationIntent(Kind kind, int revision, Publication publication, boolean archive,
        Instant startedAt, String actor) {

    public enum Kind { PUBLISH, WITHDRAW }

    public static PublicationIntent publish(Publication publication, Instant at, String actor) {
        return new PublicationIntent(Kind.PUBLISH, publication.revision(), publication, false, at, actor);
    }

    public static PublicationIntent withdraw(int revision, boolean archive, Instant at, String actor) {
        return new PublicationIntent(Kind.WITHDRAW, revision, null, archive, at, actor);
    }
}
