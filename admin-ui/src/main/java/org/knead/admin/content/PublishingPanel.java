package org.knead.admin.content;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import org.knead.admin.layout.Confirm;
import org.knead.admin.layout.Feedback;
import org.knead.admin.layout.Formats;
import org.knead.admin.security.CurrentUser;
import org.knead.review.WorkflowService;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.ItemStatus;
import org.knead.revision.Revision;
import org.knead.revision.WithdrawalRequest;
import org.knead.user.Actor;

/**
 * Publish now, schedule, unpublish, archive: each behind a confirmation that says what the public
 * will see afterwards. A red flag (a published warning, or a symptom that triggers one) is never
 * withdrawn from here: its Unpublish and Archive buttons ask a clinician, with a reason.
 */
class PublishingPanel extends VerticalLayout {

    PublishingPanel(Item item, ContentService contents, WorkflowService workflow, CurrentUser currentUser,
            Runnable refresh) {
        setPadding(false);
        Actor actor = currentUser.actor();
        Paragraph now = new Paragraph(item.isPublished()
                ? "The public sees revision " + item.publishedRevision() + ", published "
                        + Formats.time(item.publishedAt()) + "."
                : "The public does not see this item.");
        now.setId("public-state");
        add(now);
        if (item.scheduled() != null) {
            add(new Paragraph("Scheduled: revision " + item.scheduled().revision() + " goes public at "
                    + Formats.time(item.scheduled().at()) + " (scheduled by " + item.scheduled().scheduledBy() + ")."));
        }
        WithdrawalRequest pending = item.withdrawalRequest();
        if (pending != null) {
            Paragraph waiting = new Paragraph("Requested: " + pending.action().label() + " by "
                    + pending.requestedBy() + ", " + Formats.time(pending.requestedAt()) + " (reason: "
                    + pending.reason() + "). Waiting for a clinician to confirm or decline; until then the public"
                    + " keeps seeing it.");
            waiting.setId("withdrawal-pending");
            add(waiting);
        }
        if (!actor.isEditor()) {
            return;
        }
        HorizontalLayout buttons = new HorizontalLayout();
        add(buttons);
        Optional<Revision> approved = workflow.readyToPublish().stream()
                .filter(r -> r.itemId().equals(item.id()))
                .max(Comparator.comparingInt(Revision::number));
        String title = item.title();
        if (approved.isPresent() && item.status() == ItemStatus.ACTIVE) {
            Revision r = approved.get();
            String instead = item.isPublished()
                    ? " instead of revision " + item.publishedRevision() + "."
                    : ". Until now the public does not see this item at all.";
            Button publish = new Button("Publish revision " + r.number() + " now", e -> Confirm.open(
                    "Publish “" + r.title() + "”?",
                    "From now on the public will see revision " + r.number() + " of “" + r.title()
                            + "” in the public API and search" + instead,
                    "Publish now", () -> {
                        workflow.publish(item.ref(), r.number(), currentUser.actor());
                        Feedback.success("Published revision " + r.number() + ".");
                        refresh.run();
                    }));
            publish.setId("publish-button");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button schedule = new Button("Schedule…", e -> {
                DateTimePicker at = new DateTimePicker("Publish at (UTC)");
                at.setId("schedule-at");
                at.setValue(LocalDateTime.now(ZoneOffset.UTC).plusDays(1).withSecond(0).withNano(0));
                Confirm.open("Schedule “" + r.title() + "”?",
                        "At the time you choose, the public will see revision " + r.number() + " of “" + r.title()
                                + "”" + instead + " Until then nothing changes for the public.",
                        "Schedule", () -> {
                            if (at.getValue() == null) {
                                throw new org.knead.revision.WorkflowException("Choose a time.");
                            }
                            workflow.schedule(item.ref(), r.number(), at.getValue().toInstant(ZoneOffset.UTC),
                                    currentUser.actor());
                            Feedback.success("Scheduled revision " + r.number() + ".");
                            refresh.run();
                        }, at);
            });
            schedule.setId("schedule-button");
            buttons.add(publish, schedule);
        }
        if (item.scheduled() != null) {
            Button cancel = new Button("Cancel the schedule", e -> Confirm.open("Cancel the scheduled publication?",
                    "Revision " + item.scheduled().revision() + " will not go public at "
                            + Formats.time(item.scheduled().at()) + "; the public keeps seeing "
                            + (item.isPublished() ? "revision " + item.publishedRevision() : "nothing of this item")
                            + ".",
                    "Cancel the schedule", () -> {
                        workflow.cancelSchedule(item.ref(), currentUser.actor());
                        refresh.run();
                    }));
            cancel.setId("cancel-schedule-button");
            buttons.add(cancel);
        }
        boolean needsClinician = workflow.withdrawalNeedsClinician(item);
        if (pending != null && pending.requestedBy().equals(actor.username())) {
            Button cancelRequest = new Button("Cancel my request", e -> Confirm.open("Cancel your request?",
                    "Your request to " + pending.action().label() + " “" + title + "” is withdrawn; no clinician"
                            + " needs to decide on it any more. The public keeps seeing it.",
                    "Cancel the request", () -> {
                        workflow.cancelWithdrawal(item.ref(), currentUser.actor());
                        Feedback.success("Request cancelled.");
                        refresh.run();
                    }));
            cancelRequest.setId("cancel-withdrawal-button");
            buttons.add(cancelRequest);
        }
        if (item.isPublished() && needsClinician) {
            buttons.add(requestButton(item, WithdrawalRequest.Action.UNPUBLISH, "unpublish-button", pending, workflow,
                    currentUser, refresh));
            buttons.add(requestButton(item, WithdrawalRequest.Action.ARCHIVE, "archive-button", pending, workflow,
                    currentUser, refresh));
            return;
        }
        if (item.isPublished()) {
            Button unpublish = new Button("Unpublish", e -> Confirm.open("Unpublish “" + title + "”?",
                    "The public will no longer see “" + title + "”: the public API and search drop it. Its revisions"
                            + " stay here, and it can be published again.",
                    "Unpublish", () -> {
                        workflow.unpublish(item.ref(), currentUser.actor());
                        Feedback.success("Unpublished.");
                        refresh.run();
                    }));
            unpublish.setId("unpublish-button");
            unpublish.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(unpublish);
        }
        if (item.status() == ItemStatus.ACTIVE) {
            Button archive = new Button("Archive", e -> Confirm.open("Archive “" + title + "”?",
                    (item.isPublished() ? "The public will no longer see “" + title + "”. " : "The public sees no"
                            + " change: this item is not published. ")
                            + "It keeps all its revisions but cannot be edited or published until it is restored"
                            + " from the archive.",
                    "Archive", () -> {
                        workflow.archive(item.ref(), currentUser.actor());
                        Feedback.success("Archived.");
                        refresh.run();
                    }));
            archive.setId("archive-button");
            archive.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            buttons.add(archive);
        } else {
            Button unarchive = new Button("Restore from the archive", e -> Confirm.open("Restore “" + title + "”?",
                    "It can be edited and published again. The public sees no change until a revision is published.",
                    "Restore", () -> {
                        workflow.unarchive(item.ref(), currentUser.actor());
                        refresh.run();
                    }));
            unarchive.setId("unarchive-button");
            buttons.add(unarchive);
        }
    }

    /** A request to withdraw a red flag: asks for the reason; nothing changes for the public until a clinician confirms. */
    private static Button requestButton(Item item, WithdrawalRequest.Action action, String id, WithdrawalRequest pending,
            WorkflowService workflow, CurrentUser currentUser, Runnable refresh) {
        String verb = action == WithdrawalRequest.Action.UNPUBLISH ? "unpublish" : "archive";
        String title = item.title();
        Button request = new Button("Request " + verb + " (needs a clinician)", e -> {
            TextArea reason = new TextArea("Reason (required)");
            reason.setId("withdrawal-reason");
            reason.setWidthFull();
            reason.setMaxLength(2000);
            Confirm.open("Ask a clinician to " + verb + " “" + title + "”?",
                    "“" + title + "” is a red flag the public relies on, so it is not withdrawn now: your request"
                            + " goes to the clinicians, and the public keeps seeing it until a clinician other than"
                            + " you confirms it. Say why it should go.",
                    "Send the request", () -> {
                        workflow.requestWithdrawal(item.ref(), action, reason.getValue(), currentUser.actor());
                        Feedback.success("Request sent to the clinicians.");
                        refresh.run();
                    }, reason);
        });
        request.setId(id);
        request.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        request.setEnabled(pending == null);
        return request;
    }
}
