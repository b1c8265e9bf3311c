package org.knead.admin.content;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Instant;
import java.time.ZoneOffset;
import org.knead.admin.layout.Confirm;
import org.knead.admin.layout.Feedback;
import org.knead.admin.layout.Formats;
import org.knead.admin.security.CurrentUser;
import org.knead.review.PublishingService;
import org.knead.revision.Decision;
import org.knead.revision.Item;
import org.knead.revision.ItemAction;
import org.knead.revision.ItemOverview;
import org.knead.revision.Revision;
import org.knead.revision.WithdrawalRequest;

/**
 * Publish now, schedule, unpublish, archive: each behind a confirmation that says what the public
 * will see afterwards. Which buttons show, and which are enabled, is what core's {@link ItemOverview}
 * says this person may do; a refused action shows its reason. A red flag (a published warning, or a
 * symptom that triggers one) is never withdrawn from here: its Unpublish and Archive buttons ask a
 * clinician, with a reason.
 */
class PublishingPanel extends VerticalLayout {

    PublishingPanel(ItemOverview overview, PublishingService publishing, CurrentUser currentUser, Runnable refresh) {
        setPadding(false);
        Item item = overview.item();
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
        HorizontalLayout buttons = new HorizontalLayout();
        add(buttons);
        String title = item.title();
        Revision r = overview.readyToPublish();
        if (r != null && shown(overview.decision(ItemAction.PUBLISH))) {
            String instead = item.isPublished()
                    ? " instead of revision " + item.publishedRevision() + "."
                    : ". Until now the public does not see this item at all.";
            Button publish = new Button("Publish revision " + r.number() + " now", e -> Confirm.open(
                    "Publish “" + r.title() + "”?",
                    "From now on the public will see revision " + r.number() + " of “" + r.title()
                            + "” in the public API and search" + instead,
                    "Publish now", () -> {
                        publishing.publish(item.ref(), r.number(), currentUser.actor());
                        Feedback.success("Published revision " + r.number() + ".");
                        refresh.run();
                    }));
            publish.setId("publish-button");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            enable(publish, overview.decision(ItemAction.PUBLISH));
            buttons.add(publish);
            if (shown(overview.decision(ItemAction.SCHEDULE))) {
                Button schedule = new Button("Schedule…", e -> {
                    DateTimePicker at = Formats.isoDateTimePicker("Publication time (UTC)");
                    at.setId("schedule-at");
                    at.setValue(Formats.nextRoundHour(Instant.now()));
                    at.setHelperText("YYYY-MM-DD and 24-hour HH:MM, in UTC; the default is the next full hour.");
                    at.setWidthFull();
                    Confirm.open("Schedule “" + r.title() + "”?",
                            "At the time you choose, the public will see revision " + r.number() + " of “" + r.title()
                                    + "”" + instead + " Until then nothing changes for the public.",
                            "Schedule", () -> futureTime(at), () -> {
                                Instant when = at.getValue().toInstant(ZoneOffset.UTC);
                                publishing.schedule(item.ref(), r.number(), when, currentUser.actor());
                                Feedback.success("Scheduled revision " + r.number() + " to go public at "
                                        + Formats.time(when) + ".");
                                refresh.run();
                            }, at);
                });
                schedule.setId("schedule-button");
                enable(schedule, overview.decision(ItemAction.SCHEDULE));
                buttons.add(schedule);
            }
        }
        if (overview.allows(ItemAction.CANCEL_SCHEDULE)) {
            Button cancel = new Button("Cancel the schedule", e -> Confirm.open("Cancel the scheduled publication?",
                    "Revision " + item.scheduled().revision() + " will not go public at "
                            + Formats.time(item.scheduled().at()) + "; the public keeps seeing "
                            + (item.isPublished() ? "revision " + item.publishedRevision() : "nothing of this item")
                            + ".",
                    "Cancel the schedule", () -> {
                        publishing.cancelSchedule(item.ref(), currentUser.actor());
                        Feedback.success("Schedule cancelled: revision " + item.scheduled().revision()
                                + " will not go public by itself.");
                        refresh.run();
                    }));
            cancel.setId("cancel-schedule-button");
            buttons.add(cancel);
        }
        if (overview.allows(ItemAction.CANCEL_WITHDRAWAL)) {
            Button cancelRequest = new Button("Cancel my request", e -> Confirm.open("Cancel your request?",
                    "Your request to " + pending.action().label() + " “" + title + "” is withdrawn; no clinician"
                            + " needs to decide on it any more. The public keeps seeing it.",
                    "Cancel the request", () -> {
                        publishing.cancelWithdrawal(item.ref(), currentUser.actor());
                        Feedback.success("Request cancelled.");
                        refresh.run();
                    }));
            cancelRequest.setId("cancel-withdrawal-button");
            buttons.add(cancelRequest);
        }
        if (overview.withdrawalNeedsClinician()) {
            if (shown(overview.decision(ItemAction.REQUEST_UNPUBLISH))) {
                buttons.add(requestButton(overview, WithdrawalRequest.Action.UNPUBLISH, "unpublish-button",
                        publishing, currentUser, refresh));
                buttons.add(requestButton(overview, WithdrawalRequest.Action.ARCHIVE, "archive-button", publishing,
                        currentUser, refresh));
            }
            return;
        }
        if (overview.allows(ItemAction.UNPUBLISH)) {
            Button unpublish = new Button("Unpublish", e -> Confirm.open("Unpublish “" + title + "”?",
                    "The public will no longer see “" + title + "”: the public API and search drop it. Its revisions"
                            + " stay here, and it can be published again.",
                    "Unpublish", () -> {
                        publishing.unpublish(item.ref(), currentUser.actor());
                        Feedback.success("Unpublished.");
                        refresh.run();
                    }));
            unpublish.setId("unpublish-button");
            unpublish.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(unpublish);
        }
        if (overview.allows(ItemAction.ARCHIVE)) {
            Button archive = new Button("Archive", e -> Confirm.open("Archive “" + title + "”?",
                    (item.isPublished() ? "The public will no longer see “" + title + "”. " : "The public sees no"
                            + " change: this item is not published. ")
                            + "It keeps all its revisions but cannot be edited or published until it is restored"
                            + " from the archive.",
                    "Archive", () -> {
                        publishing.archive(item.ref(), currentUser.actor());
                        Feedback.success("Archived.");
                        refresh.run();
                    }));
            archive.setId("archive-button");
            archive.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            buttons.add(archive);
        } else if (overview.allows(ItemAction.UNARCHIVE)) {
            Button unarchive = new Button("Restore from the archive", e -> Confirm.open("Restore “" + title + "”?",
                    "It can be edited and published again. The public sees no change until a revision is published.",
                    "Restore", () -> {
                        publishing.unarchive(item.ref(), currentUser.actor());
                        Feedback.success("Restored from the archive: “" + title + "” can be edited again.");
                        refresh.run();
                    }));
            unarchive.setId("unarchive-button");
            buttons.add(unarchive);
        }
    }

    /** Whether the picker holds a time in the future; if not, the picker says what to choose. */
    static boolean futureTime(DateTimePicker at) {
        Instant now = Instant.now();
        String example = Formats.time(Formats.nextRoundHour(now));
        if (at.getValue() == null) {
            at.setErrorMessage("Publication time: choose a date and a time, e.g. " + example + ".");
        } else if (!at.getValue().toInstant(ZoneOffset.UTC).isAfter(now)) {
            at.setErrorMessage("Publication time: choose a time in the future, e.g. " + example + ".");
        } else {
            at.setInvalid(false);
            at.setErrorMessage(null);
            return true;
        }
        at.setInvalid(true);
        return false;
    }

    /** A button for an action this person may take, or one refused only by the item's state (shown disabled). */
    private static boolean shown(Decision d) {
        return d.allowed() || d.refusal() == Decision.Refusal.NOT_POSSIBLE;
    }

    private static void enable(Button button, Decision d) {
        button.setEnabled(d.allowed());
        if (d.refused()) {
            button.setTooltipText(d.reason());
        }
    }

    /** A request to withdraw a red flag: asks for the reason; nothing changes for the public until a clinician confirms. */
    private static Button requestButton(ItemOverview overview, WithdrawalRequest.Action action, String id,
            PublishingService publishing, CurrentUser currentUser, Runnable refresh) {
        String verb = action == WithdrawalRequest.Action.UNPUBLISH ? "unpublish" : "archive";
        Item item = overview.item();
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
                        publishing.requestWithdrawal(item.ref(), action, reason.getValue(), currentUser.actor());
                        Feedback.success("Request sent to the clinicians.");
                        refresh.run();
                    }, reason);
        });
        request.setId(id);
        request.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        enable(request, overview.decision(action == WithdrawalRequest.Action.UNPUBLISH
                ? ItemAction.REQUEST_UNPUBLISH : ItemAction.REQUEST_ARCHIVE));
        return request;
    }
}
