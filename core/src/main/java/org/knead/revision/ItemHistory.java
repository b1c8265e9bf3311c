package org.knead.revision;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.knead.actor.Actor;
import org.knead.content.Content;
import org.knead.content.ContentField;
import org.knead.content.ContentFields;
import org.knead.content.ContentHash;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;

/**
 * An item with its revisions: the aggregate that decides the editorial rules. Who may submit,
 * approve (four eyes over everyone who wrote a revision since the last approved or published one),
 * publish, schedule, revert, withdraw; what needs a clinician; what supersedes what. It reads nothing
 * and writes nothing: the services load it, ask it, and persist what it decides through the store's
 * named operations. Every question answers a {@link Decision}; the values to persist ({@link ReviewDecision},
 * {@link Publication}) are built here too.
 */
public final class ItemHistory {

    /** The states a newer save takes a revision out of: it moves to SUPERSEDED, out of every queue. */
    public static final Set<RevisionState> SUPERSEDED_BY_A_NEWER_SAVE = EnumSet.of(RevisionState.IN_REVIEW,
            RevisionState.APPROVED, RevisionState.CHANGES_REQUESTED);

    private final Item item;
    private final List<Revision> revisions;
    private final boolean triggerSymptom;

    private ItemHistory(Item item, List<Revision> revisions, boolean triggerSymptom) {
        this.item = Objects.requireNonNull(item, "item");
        this.revisions = revisions.stream()
                .sorted((a, b) -> Integer.compare(b.number(), a.number()))
                .toList();
        this.triggerSymptom = triggerSymptom;
    }

    /**
     * @param revisions      every revision of the item (any order)
     * @param triggerSymptom the item is a symptom that a warning's published or latest revision lists among
     *                       its trigger symptoms
     */
    public static ItemHistory of(Item item, List<Revision> revisions, boolean triggerSymptom) {
        return new ItemHistory(item, revisions, triggerSymptom);
    }

    public Item item() {
        return item;
    }

    public ContentRef ref() {
        return item.ref();
    }

    /** Newest first. */
    public List<Revision> revisions() {
        return revisions;
    }

    /** The newest revision (it may be ahead of the item's head after a save cut short). */
    public Optional<Revision> head() {
        return revisions.stream().findFirst();
    }

    public Optional<Revision> revision(int number) {
        return revisions.stream().filter(r -> r.number() == number).findFirst();
    }

    public Revision require(int number) {
        return revision(number).orElseThrow(() -> new NotFoundException(item.id() + " has no revision " + number
                + "."));
    }

    public Optional<Revision> published() {
        return item.isPublished() ? revision(item.publishedRevision()) : Optional.empty();
    }

    /** The newest approved revision, waiting to be published or scheduled. */
    public Optional<Revision> readyToPublish() {
        return revisions.stream().filter(r -> r.state() == RevisionState.APPROVED).findFirst();
    }

    public boolean isArchived() {
        return item.status() == ItemStatus.ARCHIVED;
    }

    public boolean isTriggerSymptom() {
        return triggerSymptom;
    }

    /** Whether a publish or withdrawal of the item is under way (or was cut short and awaits repair). */
    public boolean publicationUnderWay() {
        return item.pending() != null;
    }

    /**
     * Whether publishing revision {@code number} would finish a publish of that same revision that was
     * cut short (its intent is still on the item): the steps are idempotent, so a retry completes it.
     */
    public boolean finishesPendingPublish(int number) {
        PublicationIntent p = item.pending();
        return p != null && p.kind() == PublicationIntent.Kind.PUBLISH && p.revision() == number;
    }

    private Decision notUnderWay() {
        PublicationIntent p = item.pending();
        return p == null ? Decision.allow() : Decision.notPossible("A " + (p.kind() == PublicationIntent.Kind.PUBLISH
                ? "publish" : "withdrawal") + " of " + item.id() + " by " + p.actor() + " is under way (if it was cut"
                + " short, ./knead repair completes it); look again in a moment.");
    }

    // ------------------------------------------------------------------ the clinical rules

    /**
     * Whether publishing this revision needs a clinician's sign-off: every revision of a medical
     * warning; a technique revision whose medical fields (the catalogue's: its cautions) differ from its baseline; a revision of a symptom
     * that a warning lists among its trigger symptoms whose title or aliases (the words people use)
     * differ from its baseline.
     */
    public boolean requiresClinicalSignOff(Revision r) {
        if (r.type().isMedical()) {
            return true;
        }
        if (r.type() == ContentType.TECHNIQUE) {
            Content before = baseline(r).orElseGet(() -> Content.builder(r.type(), r.slug()).build());
            return ContentFields.of(r.type()).stream().filter(ContentField::isMedical)
                    .anyMatch(f -> !Set.copyOf(f.texts(before)).equals(Set.copyOf(f.texts(r.content()))));
        }
        if (r.type() == ContentType.SYMPTOM && triggerSymptom) {
            return baseline(r).map(b -> !sameWords(b, r.content())).orElse(true);
        }
        return false;
    }

    /**
     * The content a change of this revision is measured against: that of the most recent (highest
     * numbered) revision of the item that was ever public or carries a clinical approval of its exact
     * content. Unpublishing does not reset it, so a change cannot slip past a clinician by being made
     * while the item is off the public site. Revision {@code r} itself counts only if it was public.
     */
    public Optional<Content> baseline(Revision r) {
        return revisions.stream()
                .filter(h -> h.number() == r.number() ? h.wasPublished() : vetted(h))
                .findFirst()
                .map(Revision::content);
    }

    /**
     * Whether taking this item off the public site needs a clinician: it is published and is a medical
     * warning, or a symptom that a warning lists among its trigger symptoms.
     */
    public boolean withdrawalNeedsClinician() {
        return item.isPublished() && (item.type().isMedical() || (item.type() == ContentType.SYMPTOM
                && triggerSymptom));
    }

    private boolean vetted(Revision h) {
        if (h.wasPublished() || h.clinicalApproval().isPresent()) {
            return true;
        }
        return Objects.equals(item.publishedRevision(), h.number())
                || (item.review() != null && item.review().covers(h.number(), h.contentHash()));
    }

    private static boolean sameWords(Content a, Content b) {
        return a.title().equals(b.title()) && Set.copyOf(a.aliases()).equals(Set.copyOf(b.aliases()));
    }

    // ------------------------------------------------------------------ four eyes

    /**
     * Everyone who wrote revision {@code r} or a revision it builds on since the last revision that was
     * approved or published: none of them may approve {@code r}.
     */
    public Set<String> authorsSinceLastApproval(Revision r) {
        Set<String> authors = new LinkedHashSet<>();
        for (Revision h : revisions) {
            if (h.number() > r.number()) {
                continue;
            }
            if (h.number() < r.number() && (h.wasPublished() || approvedOnce(h))) {
                break;
            }
            authors.add(h.author());
        }
        return authors;
    }

    private static boolean approvedOnce(Revision h) {
        return h.reviews().stream().anyMatch(d -> d.approves(h.contentHash()));
    }

    // ------------------------------------------------------------------ reviewing

    /** Whether this person may save a new revision (or restore an old one). */
    public Decision mayEdit(Actor actor) {
        if (!actor.isEditor()) {
            return Decision.notPermitted(actor.username() + " may not change content: only editors may.");
        }
        return isArchived() ? Decision.notPossible(item.id() + " is archived; restore it from the archive before"
                + " editing.") : Decision.allow();
    }

    public Decision maySubmit(int number, Actor actor) {
        if (!actor.isEditor()) {
            return Decision.notPermitted(actor.username() + " may not submit content for review: only editors may.");
        }
        Revision r = require(number);
        Revision newest = head().orElseThrow();
        if (newest.number() != number) {
            return Decision.notPossible("Revision " + number + " of " + item.id() + " is not the latest (revision "
                    + newest.number() + " by " + newest.author() + " is); submit the latest one.");
        }
        if (isArchived()) {
            return Decision.notPossible(item.id() + " is archived; restore it from the archive first.");
        }
        if (r.state() != RevisionState.DRAFT && r.state() != RevisionState.CHANGES_REQUESTED) {
            return wrongState(r, "submitted", "a draft");
        }
        Optional<Revision> sentBack = lastSentBackWithSameContent(r);
        if (sentBack.isPresent()) {
            ReviewDecision d = sentBack.get().lastDecision().orElseThrow();
            return Decision.notPossible("Changes were requested on revision " + sentBack.get().number() + " by "
                    + d.reviewer() + (d.comment() == null || d.comment().isBlank() ? "" : " (\"" + d.comment() + "\")")
                    + " and revision " + number + " has the same content: make the changes, save, then submit.");
        }
        return Decision.allow();
    }

    /**
     * The newest revision that a reviewer sent back, when its content is exactly that of {@code r}: such
     * a revision must change before it goes to review again (to this reviewer or another).
     */
    private Optional<Revision> lastSentBackWithSameContent(Revision r) {
        return revisions.stream()
                .filter(x -> x.number() <= r.number())
                .filter(x -> x.lastDecision().isPresent())
                .findFirst()
                .filter(x -> x.lastDecision().get().decision() == ReviewDecision.Decision.CHANGES_REQUESTED)
                .filter(x -> Objects.equals(x.contentHash(), r.contentHash()));
    }

    /** Approving, or sending back: who may look at revision {@code number} as a second pair of eyes. */
    public Decision mayReview(int number, Actor actor) {
        Revision r = require(number);
        if (!actor.isEditor() && !actor.isClinician()) {
            return Decision.notPermitted(actor.username() + " may not review content.");
        }
        if (r.author().equals(actor.username())) {
            return Decision.notPermitted("Four eyes: " + actor.username() + " wrote revision " + r.number() + " of "
                    + r.itemId() + " and cannot review it; ask a colleague.");
        }
        if (authorsSinceLastApproval(r).contains(actor.username())) {
            return Decision.notPermitted("Four eyes: " + actor.username() + " wrote a revision of " + r.itemId()
                    + " that revision " + r.number() + " builds on since it was last approved, and cannot review it;"
                    + " ask a colleague.");
        }
        if (r.state() != RevisionState.IN_REVIEW) {
            return r.state() == RevisionState.SUPERSEDED
                    ? Decision.notPossible("Revision " + r.number() + " of " + r.itemId() + " is superseded by a newer"
                            + " revision; review the latest one.")
                    : wrongState(r, "reviewed", "in review");
        }
        return Decision.allow();
    }

    public Decision mayApprove(int number, Actor actor) {
        return mayReview(number, actor).and(() -> {
            Revision r = require(number);
            if (requiresClinicalSignOff(r) && !actor.isClinician()) {
                return Decision.notPermitted("Revision " + number + " of " + item.id() + " needs a clinician's"
                        + " sign-off; " + actor.username() + " is not a clinician.");
            }
            return Decision.allow();
        });
    }

    /** The approval to record: a clinician's, when it needs one, bound to the content's hash. */
    public ReviewDecision approval(int number, String comment, Actor actor, Instant now) {
        mayApprove(number, actor).orThrow();
        Revision r = require(number);
        return new ReviewDecision(actor.username(), actor.roles(), ReviewDecision.Decision.APPROVED, clean(comment),
                now, ContentHash.of(r.content()), requiresClinicalSignOff(r));
    }

    public Decision mayRequestChanges(int number, String comment, Actor actor) {
        return mayReview(number, actor).and(() -> comment == null || comment.isBlank()
                ? Decision.notPossible("Say what should change: a request for changes needs a comment.")
                : Decision.allow());
    }

    public ReviewDecision changesRequest(int number, String comment, Actor actor, Instant now) {
        mayRequestChanges(number, comment, actor).orThrow();
        Revision r = require(number);
        return new ReviewDecision(actor.username(), actor.roles(), ReviewDecision.Decision.CHANGES_REQUESTED,
                clean(comment), now, ContentHash.of(r.content()), requiresClinicalSignOff(r) && actor.isClinician());
    }

    // ------------------------------------------------------------------ publishing

    /**
     * Whether revision {@code number} may go public now. Publishing the revision that is already public
     * is allowed (it changes nothing); publishing over a newer public revision is refused (that is a revert).
     */
    public Decision mayPublish(int number, Actor actor) {
        if (!actor.isEditor()) {
            return Decision.notPermitted(actor.username() + " may not publish: only editors may.");
        }
        return publishable(number);
    }

    /** The rules of publishing, whoever asks (the scheduler too). */
    public Decision publishable(int number) {
        if (finishesPendingPublish(number)) {
            return Decision.allow();
        }
        if (publicationUnderWay()) {
            return notUnderWay();
        }
        Revision r = require(number);
        if (isArchived()) {
            return Decision.notPossible(item.id() + " is archived; restore it from the archive before publishing.");
        }
        if (isPublished(number)) {
            return Decision.allow();
        }
        if (item.isPublished() && item.publishedRevision() > number) {
            return Decision.notPossible("Revision " + item.publishedRevision() + " of " + item.id()
                    + ", newer than revision " + number + ", is public; publishing revision " + number
                    + " would silently replace newer text. To go back to it, revert to revision " + number + ".");
        }
        if (r.state() != RevisionState.APPROVED) {
            return r.state() == RevisionState.SUPERSEDED
                    ? Decision.notPossible("Revision " + number + " of " + item.id() + " is superseded by a newer"
                            + " revision; publish the latest one, or revert to it explicitly.")
                    : wrongState(r, "published", "approved");
        }
        return approvedForThePublic(r);
    }

    /** Whether this is the revision the public sees now (publishing it again changes nothing). */
    public boolean isPublished(int number) {
        return Objects.equals(item.publishedRevision(), number)
                && revision(number).map(r -> r.state() == RevisionState.PUBLISHED).orElse(false);
    }

    private Decision approvedForThePublic(Revision r) {
        String hash = ContentHash.of(r.content());
        if (!hash.equals(r.contentHash())) {
            return Decision.notPossible("Revision " + r.number() + " of " + r.itemId()
                    + " does not match the content that was approved; it cannot be published.");
        }
        Set<String> authors = authorsSinceLastApproval(r);
        boolean approvedByAnother = r.reviews().stream()
                .anyMatch(d -> d.approves(hash) && !authors.contains(d.reviewer()));
        if (!approvedByAnother) {
            return Decision.notPossible("Revision " + r.number() + " of " + r.itemId()
                    + " has no approval of its exact content by someone other than its authors.");
        }
        if (requiresClinicalSignOff(r) && r.clinicalApproval().isEmpty()) {
            return Decision.notPossible("Revision " + r.number() + " of " + r.itemId()
                    + " needs a clinician's sign-off of this exact content before it can be published.");
        }
        return Decision.allow();
    }

    public Decision maySchedule(int number, Instant at, Actor actor, Instant now) {
        if (!actor.isEditor()) {
            return Decision.notPermitted(actor.username() + " may not schedule publishing: only editors may.");
        }
        if (isArchived()) {
            return Decision.notPossible(item.id() + " is archived; restore it from the archive first.");
        }
        Revision r = require(number);
        if (r.state() != RevisionState.APPROVED) {
            return wrongState(r, "scheduled", "approved");
        }
        return publishable(number).and(() -> at == null || !at.isAfter(now)
                ? Decision.notPossible("A scheduled publication needs a time in the future; to publish now, publish.")
                : Decision.allow());
    }

    public Decision mayCancelSchedule(Actor actor) {
        if (!actor.isEditor()) {
            return Decision.notPermitted(actor.username() + " may not cancel a scheduled publication: only editors"
                    + " may.");
        }
        return item.scheduled() == null ? Decision.notPossible(item.id() + " has no scheduled publication.")
                : Decision.allow();
    }

    /**
     * Whether revision {@code number} may be made public again in place of what the public sees: an
     * explicit, audited revert. Only a revision that was public before, or one approved by someone other
     * than its authors, can come back; one that needs a clinician (a warning, changed cautions or trigger
     * words, measured against the newest vetted content) needs the clinical approval it carried, or a
     * clinician doing the revert.
     */
    public Decision mayRevert(int number, String reason, Actor actor) {
        if (!actor.isEditor()) {
            return Decision.notPermitted(actor.username() + " may not revert: only editors may.");
        }
        if (isArchived()) {
            return Decision.notPossible(item.id() + " is archived; restore it from the archive first.");
        }
        if (reason == null || reason.isBlank()) {
            return Decision.notPossible("Say why: a revert to revision " + number + " of " + item.id()
                    + " needs a reason.");
        }
        if (publicationUnderWay()) {
            return notUnderWay();
        }
        Revision r = require(number);
        if (isPublished(number)) {
            return Decision.notPossible("Revision " + number + " of " + item.id() + " is already public.");
        }
        if (!r.contentHash().equals(ContentHash.of(r.content()))) {
            return Decision.notPossible("Revision " + number + " of " + item.id() + " does not match its content hash.");
        }
        Set<String> authors = authorsSinceLastApproval(r);
        boolean vettedByAnother = r.wasPublished() || r.reviews().stream()
                .anyMatch(d -> d.approves(r.contentHash()) && !authors.contains(d.reviewer()));
        if (!vettedByAnother) {
            return Decision.notPossible("Revision " + number + " of " + item.id() + " was never public nor approved"
                    + " by a second pair of eyes; it cannot be reverted to. Restore it as a new revision and have it"
                    + " reviewed.");
        }
        if (revertNeedsClinician(r) && !actor.isClinician()) {
            return Decision.notPermitted("Reverting " + item.id() + " to revision " + number + " changes what a"
                    + " clinician signs off, and revision " + number + " carries no clinical approval of its content;"
                    + " a clinician has to revert it.");
        }
        return Decision.allow();
    }

    /** A revert needs a clinician's decision now: the revision needs sign-off and carries none for its content. */
    public boolean revertNeedsClinician(Revision r) {
        return requiresClinicalSignOff(r) && r.clinicalApproval().isEmpty();
    }

    /**
     * What the item records when revision {@code number} goes public at {@code now}: the clinical review
     * the public is told about belongs to exactly that content (an older revision's review never carries
     * over); a medical item without one is public "awaiting clinical review".
     */
    public Publication publication(int number, Instant now, Period reviewInterval) {
        Revision r = require(number);
        ClinicalReview review = item.review() != null && item.review().covers(number, r.contentHash())
                ? item.review()
                : r.clinicalApproval().map(a -> new ClinicalReview(a.reviewer(), a.at(), plus(a.at(), reviewInterval),
                        number, r.contentHash(), null)).orElse(null);
        boolean awaiting = review == null && r.type().isMedical();
        Integer replaces = item.isPublished() && item.publishedRevision() != number ? item.publishedRevision() : null;
        return new Publication(number, now, review, awaiting, replaces);
    }

    /** The reference import publishes its own first revision without review; medical items await a clinician. */
    public Publication importedPublication(int number, Instant now) {
        Revision r = require(number);
        if (r.state() != RevisionState.DRAFT) {
            wrongState(r, "published by the import", "a draft").orThrow();
        }
        return new Publication(number, now, null, r.type().isMedical(), null);
    }

    /** Whether saving {@code newer} takes {@code older} out of the queues (to SUPERSEDED). */
    public static boolean supersedes(Revision newer, Revision older) {
        return older.number() < newer.number() && SUPERSEDED_BY_A_NEWER_SAVE.contains(older.state());
    }

    /** Whether a schedule is for a revision older than {@code number}: publishing or saving that clears it. */
    public boolean scheduleIsOlderThan(int number) {
        return item.scheduled() != null && item.scheduled().revision() < number;
    }

    // ------------------------------------------------------------------ withdrawing

    public Decision mayUnpublish(Actor actor) {
        if (!actor.isEditor()) {
            return Decision.notPermitted(actor.username() + " may not unpublish: only editors may.");
        }
        if (!item.isPublished()) {
            return notUnderWay().and(() -> Decision.notPossible(item.id() + " is not published."));
        }
        return notUnderWay().and(() -> noClinicianNeeded(WithdrawalRequest.Action.UNPUBLISH));
    }

    public Decision mayArchive(Actor actor) {
        if (!actor.isEditor()) {
            return Decision.notPermitted(actor.username() + " may not archive: only editors may.");
        }
        if (isArchived()) {
            return Decision.notPossible(item.id() + " is already archived.");
        }
        return notUnderWay().and(() -> noClinicianNeeded(WithdrawalRequest.Action.ARCHIVE));
    }

    public Decision mayUnarchive(Actor actor) {
        if (!actor.isEditor()) {
            return Decision.notPermitted(actor.username() + " may not restore from the archive: only editors may.");
        }
        return isArchived() ? Decision.allow() : Decision.notPossible(item.id() + " is not archived.");
    }

    private Decision noClinicianNeeded(WithdrawalRequest.Action action) {
        if (withdrawalNeedsClinician()) {
            return Decision.notPossible(item.id() + " is a red flag the public relies on ("
                    + (item.type().isMedical() ? "a medical warning" : "a symptom that triggers a warning")
                    + "): to " + action.label() + " it, request it with a reason; a clinician other than you"
                    + " confirms it." + (item.hasWithdrawalRequest() ? " A request by "
                    + item.withdrawalRequest().requestedBy() + " is already waiting." : ""));
        }
        return Decision.allow();
    }

    public Decision mayRequestWithdrawal(WithdrawalRequest.Action action, String reason, Actor actor) {
        if (!actor.isEditor() && !actor.isClinician()) {
            return Decision.notPermitted(actor.username() + " may not ask to withdraw content.");
        }
        Objects.requireNonNull(action, "action");
        if (reason == null || reason.isBlank()) {
            return Decision.notPossible("Say why: a request to " + action.label() + " " + item.id()
                    + " needs a reason, for the clinician who decides on it.");
        }
        if (!withdrawalNeedsClinician()) {
            return Decision.notPossible(item.id() + " needs no clinician to be " + action.label() + "d; "
                    + action.label() + " it directly.");
        }
        if (item.hasWithdrawalRequest()) {
            return alreadyWaiting(item.withdrawalRequest());
        }
        return Decision.allow();
    }

    public Decision alreadyWaiting(WithdrawalRequest pending) {
        return Decision.notPossible("A request to " + (pending == null ? "withdraw" : pending.action().label())
                + " " + item.id() + (pending == null ? "" : " by " + pending.requestedBy())
                + " is already waiting for a clinician.");
    }

    public Decision mayConfirmWithdrawal(Actor actor) {
        if (!actor.isClinician()) {
            return Decision.notPermitted(actor.username() + " may not confirm taking a red flag off the public site:"
                    + " only clinicians may.");
        }
        WithdrawalRequest request = item.withdrawalRequest();
        if (request == null) {
            return Decision.notPossible(item.id() + " has no withdrawal request waiting.");
        }
        if (request.requestedBy().equals(actor.username())) {
            return Decision.notPermitted("Four eyes: " + actor.username() + " asked to " + request.action().label()
                    + " " + item.id() + " and cannot confirm it; another clinician has to.");
        }
        return notUnderWay();
    }

    public Decision mayDeclineWithdrawal(String comment, Actor actor) {
        if (!actor.isClinician()) {
            return Decision.notPermitted(actor.username() + " may not decline a withdrawal request: only clinicians"
                    + " may.");
        }
        if (comment == null || comment.isBlank()) {
            return Decision.notPossible("Say why the item stays public: declining a withdrawal request needs a"
                    + " comment.");
        }
        return item.withdrawalRequest() == null
                ? Decision.notPossible(item.id() + " has no withdrawal request waiting.") : Decision.allow();
    }

    public Decision mayCancelWithdrawal(Actor actor) {
        WithdrawalRequest request = item.withdrawalRequest();
        if (request == null) {
            return Decision.notPossible(item.id() + " has no withdrawal request waiting.");
        }
        if (!request.requestedBy().equals(actor.username())) {
            return Decision.notPermitted("Only " + request.requestedBy() + ", who asked, can cancel the request to "
                    + request.action().label() + " " + item.id() + "; a clinician can decline it.");
        }
        return Decision.allow();
    }

    // ------------------------------------------------------------------ clinical review of what is public

    public Decision mayConfirmReview(boolean sourcesChecked, Actor actor) {
        if (!actor.isClinician()) {
            return Decision.notPermitted(actor.username() + " may not sign off medical content: only clinicians may.");
        }
        if (!sourcesChecked && item.type() == ContentType.WARNING) {
            return Decision.notPossible("Check the sources of " + item.id() + " first: a warning's review is"
                    + " confirmed only once its sources have been checked to still say what it says.");
        }
        if (!item.isPublished()) {
            return Decision.notPossible(item.id() + " is not published: review its revisions in the review queue.");
        }
        Revision r = require(item.publishedRevision());
        if (r.author().equals(actor.username())) {
            return Decision.notPermitted("Four eyes: " + actor.username() + " wrote revision " + r.number()
                    + " and cannot sign it off.");
        }
        return notUnderWay();
    }

    /** The review a clinician confirms now for the public revision; due again after {@code reviewInterval}. */
    public ClinicalReview confirmedReview(boolean sourcesChecked, Actor actor, Instant now, Period reviewInterval) {
        mayConfirmReview(sourcesChecked, actor).orThrow();
        Revision r = require(item.publishedRevision());
        return new ClinicalReview(actor.username(), now, plus(now, reviewInterval), r.number(), r.contentHash(),
                sourcesChecked ? now : null);
    }

    // ------------------------------------------------------------------ what a person may do

    /** The item, its head, public and approved revisions, and every action for this person, allowed or not. */
    public ItemOverview overview(Actor actor, Instant now) {
        return overview(head().orElseThrow().number(), actor, now);
    }

    /** The same, with the review actions (submit, approve, request changes) about revision {@code number}. */
    public ItemOverview overview(int number, Actor actor, Instant now) {
        Revision head = head().orElseThrow();
        Revision subject = require(number);
        Revision approved = readyToPublish().orElse(null);
        java.util.Map<ItemAction, Decision> actions = new java.util.EnumMap<>(ItemAction.class);
        actions.put(ItemAction.SAVE, mayEdit(actor));
        actions.put(ItemAction.SUBMIT, maySubmit(number, actor));
        actions.put(ItemAction.APPROVE, mayApprove(number, actor));
        actions.put(ItemAction.REQUEST_CHANGES, mayReview(number, actor));
        Decision noneApproved = Decision.notPossible("No revision of " + item.id() + " is approved and waiting.");
        actions.put(ItemAction.PUBLISH, approved == null ? noneApproved : mayPublish(approved.number(), actor));
        actions.put(ItemAction.SCHEDULE, approved == null ? noneApproved
                : maySchedule(approved.number(), now.plusSeconds(60), actor, now));
        actions.put(ItemAction.CANCEL_SCHEDULE, mayCancelSchedule(actor));
        actions.put(ItemAction.UNPUBLISH, mayUnpublish(actor));
        actions.put(ItemAction.ARCHIVE, mayArchive(actor));
        actions.put(ItemAction.UNARCHIVE, mayUnarchive(actor));
        Decision request = !actor.isEditor() ? Decision.notPermitted(actor.username()
                + " may not ask to withdraw content from here: only editors may.") : Decision.allow();
        actions.put(ItemAction.REQUEST_UNPUBLISH, request.and(() -> mayRequestWithdrawal(
                WithdrawalRequest.Action.UNPUBLISH, "reason", actor)));
        actions.put(ItemAction.REQUEST_ARCHIVE, request.and(() -> mayRequestWithdrawal(
                WithdrawalRequest.Action.ARCHIVE, "reason", actor)));
        actions.put(ItemAction.CANCEL_WITHDRAWAL, mayCancelWithdrawal(actor));
        actions.put(ItemAction.CONFIRM_WITHDRAWAL, mayConfirmWithdrawal(actor));
        actions.put(ItemAction.DECLINE_WITHDRAWAL, mayDeclineWithdrawal("reason", actor));
        actions.put(ItemAction.CONFIRM_REVIEW, mayConfirmReview(true, actor));
        java.util.Map<Integer, Decision> reverts = new java.util.HashMap<>();
        if (item.isPublished()) {
            revisions.stream().filter(r -> r.number() < item.publishedRevision())
                    .forEach(r -> reverts.put(r.number(), mayRevert(r.number(), "reason", actor)));
        }
        return new ItemOverview(item, subject, head, published().orElse(null), approved, requiresClinicalSignOff(subject),
                withdrawalNeedsClinician(), actions, reverts);
    }

    // ------------------------------------------------------------------ helpers

    private static Instant plus(Instant from, Period interval) {
        return from.atOffset(ZoneOffset.UTC).plus(interval).toInstant();
    }

    private static Decision wrongState(Revision r, String verb, String required) {
        return Decision.notPossible("Revision " + r.number() + " of " + r.itemId() + " is " + r.state().label()
                + "; only a revision that is " + required + " can be " + verb + ".");
    }

    static String clean(String comment) {
        return comment == null ? "" : comment.strip();
    }
}
