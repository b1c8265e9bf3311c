package org.knead.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.knead.actor.Actor;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.revision.Item;
import org.knead.revision.Revision;
import org.knead.revision.WithdrawalRequest;
import org.springframework.stereotype.Service;

/**
 * The whole editorial flow in one place, for scripts and tests that drive it end to end: each method
 * hands over to the service of what the user does, {@link ReviewService}, {@link PublishingService} or
 * {@link ClinicalReviewService}, where it is documented. Application code uses those directly.
 */
@Service
public class WorkflowService {

    private final ReviewService review;
    private final PublishingService publishing;
    private final ClinicalReviewService clinical;

    public WorkflowService(ReviewService review, PublishingService publishing, ClinicalReviewService clinical) {
        this.review = review;
        this.publishing = publishing;
        this.clinical = clinical;
    }

    public Revision submit(ContentRef ref, int number, Actor actor) {
        return review.submit(ref, number, actor);
    }

    public Revision approve(ContentRef ref, int number, String comment, Actor actor) {
        return review.approve(ref, number, comment, actor);
    }

    public Revision requestChanges(ContentRef ref, int number, String comment, Actor actor) {
        return review.requestChanges(ref, number, comment, actor);
    }

    public List<ReviewTask> queueFor(Actor actor) {
        return review.queueFor(actor);
    }

    public List<Revision> readyToPublish() {
        return review.readyToPublish();
    }

    public Revision publish(ContentRef ref, int number, Actor actor) {
        return publishing.publish(ref, number, actor);
    }

    public Revision revert(ContentRef ref, int number, String reason, Actor actor) {
        return publishing.revert(ref, number, reason, actor);
    }

    public Item schedule(ContentRef ref, int number, Instant at, Actor actor) {
        return publishing.schedule(ref, number, at, actor);
    }

    public Item cancelSchedule(ContentRef ref, Actor actor) {
        return publishing.cancelSchedule(ref, actor);
    }

    public int publishDue() {
        return publishing.publishDue();
    }

    public Item unpublish(ContentRef ref, Actor actor) {
        return publishing.unpublish(ref, actor);
    }

    public Item archive(ContentRef ref, Actor actor) {
        return publishing.archive(ref, actor);
    }

    public Item unarchive(ContentRef ref, Actor actor) {
        return publishing.unarchive(ref, actor);
    }

    public boolean withdrawalNeedsClinician(Item item) {
        return publishing.withdrawalNeedsClinician(item);
    }

    public Item requestWithdrawal(ContentRef ref, WithdrawalRequest.Action action, String reason, Actor actor) {
        return publishing.requestWithdrawal(ref, action, reason, actor);
    }

    public Item confirmWithdrawal(ContentRef ref, String comment, Actor actor) {
        return publishing.confirmWithdrawal(ref, comment, actor);
    }

    public Item declineWithdrawal(ContentRef ref, String comment, Actor actor) {
        return publishing.declineWithdrawal(ref, comment, actor);
    }

    public Item cancelWithdrawal(ContentRef ref, Actor actor) {
        return publishing.cancelWithdrawal(ref, actor);
    }

    public List<Item> withdrawalRequests() {
        return publishing.withdrawalRequests();
    }

    public List<Item> scheduled() {
        return publishing.scheduled();
    }

    public Revision publishImported(ContentRef ref, int number) {
        return publishing.publishImported(ref, number);
    }

    public Item confirmReview(ContentRef ref, String comment, boolean sourcesChecked, Actor actor) {
        return clinical.confirmReview(ref, comment, sourcesChecked, actor);
    }

    public List<Item> clinicalAttention() {
        return clinical.clinicalAttention();
    }

    public List<Item> overdue() {
        return clinical.overdue();
    }

    public boolean requiresClinicalSignOff(Revision r) {
        return clinical.requiresClinicalSignOff(r);
    }

    public Optional<Content> baseline(Revision r) {
        return clinical.baseline(r);
    }

    public boolean isTriggerSymptom(String symptomSlug) {
        return clinical.isTriggerSymptom(symptomSlug);
    }
}
