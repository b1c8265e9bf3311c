package org.knead.admin.review;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.knead.actor.Actor;
import org.knead.admin.content.ComparisonPanel;
import org.knead.admin.content.ContentEditorView;
import org.knead.admin.content.ItemTitles;
import org.knead.admin.layout.Confirm;
import org.knead.admin.layout.Feedback;
import org.knead.admin.layout.Formats;
import org.knead.admin.layout.MainLayout;
import org.knead.admin.security.CurrentUser;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.review.ClinicalReviewService;
import org.knead.review.PublishingService;
import org.knead.review.ReviewService;
import org.knead.revision.ContentService;
import org.knead.revision.Decision;
import org.knead.revision.Item;
import org.knead.revision.ItemAction;
import org.knead.revision.ItemOverview;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;
import org.knead.revision.WithdrawalRequest;

/**
 * One revision under review: what it says, how it differs from what the public sees now, and the
 * decision (approve or sign off, request changes, or confirm a published medical item's review), and
 * a pending request to withdraw the item, which a clinician other than the requester confirms or declines.
 */
@Route(value = "review/:type/:slug/:revision", layout = MainLayout.class)
@PageTitle("Review | Knead")
@RolesAllowed({"EDITOR", "ADMIN", "CLINICIAN"})
public class ReviewView extends VerticalLayout implements BeforeEnterObserver {

    private final ContentService contents;
    private final ReviewService review;
    private final PublishingService publishing;
    private final ClinicalReviewService clinicalReviews;
    private final CurrentUser currentUser;
    private ContentRef ref;
    private int number;
    private ItemTitles titles;

    public ReviewView(ContentService contents, ReviewService review, PublishingService publishing,
            ClinicalReviewService clinical, CurrentUser currentUser) {
        this.contents = contents;
        this.review = review;
        this.publishing = publishing;
        this.clinicalReviews = clinical;
        this.currentUser = currentUser;
        setWidthFull();
        setMaxWidth("1200px");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<ContentType> type = event.getRouteParameters().get("type").flatMap(ContentType::fromKey);
        Optional<String> slug = event.getRouteParameters().get("slug");
        Optional<Integer> revision = event.getRouteParameters().getInteger("revision");
        if (type.isEmpty() || slug.isEmpty() || revision.isEmpty()) {
            event.forwardTo(ApprovalQueueView.class);
            return;
        }
        ref = new ContentRef(type.get(), slug.get());
        number = revision.get();
        try {
            build();
        } catch (org.knead.revision.NotFoundException e) {
            Feedback.error(e.getMessage());
            event.forwardTo(ApprovalQueueView.class);
        }
    }

    private void build() {
        removeAll();
        titles = new ItemTitles(contents);
        Actor actor = currentUser.actor();
        ItemOverview overview = review.overview(ref, number, actor);
        Item item = overview.item();
        Revision r = overview.revision();
        boolean clinical = overview.needsClinician();
        boolean inReview = r.state() == RevisionState.IN_REVIEW;
        boolean publishedMedical = Objects.equals(item.publishedRevision(), r.number())
                && (item.medical() || item.review() != null || item.awaitingClinicalReview());
        Decision mayApprove = overview.decision(ItemAction.APPROVE);
        Decision mayReview = overview.decision(ItemAction.REQUEST_CHANGES);
        boolean own = mayReview.refused() && mayReview.reason().startsWith("Four eyes");

        H2 heading = new H2((clinical || publishedMedical ? "Clinical review: " : "Review: ") + r.title());
        heading.setId("review-heading");
        Paragraph meta = new Paragraph(ref.id() + " · revision " + r.number() + " by " + r.author() + ", "
                + Formats.time(r.createdAt()) + " · " + r.state().label()
                + (r.changeNote().isBlank() ? "" : " · note: " + r.changeNote()));
        meta.setId("review-meta");
        RouterLink open = new RouterLink("Open in the editor", ContentEditorView.class,
                new RouteParameters(Map.of("type", ref.type().key(), "slug", ref.slug())));
        add(heading, meta, fingerprint(r, clinical || publishedMedical), open);
        r.lastDecision().ifPresent(d -> add(new Paragraph("Last decision: "
                + d.decision().name().toLowerCase().replace('_', ' ') + " by " + d.reviewer() + ", "
                + Formats.time(d.at()) + (d.comment() == null || d.comment().isBlank() ? "" : ": " + d.comment()))));

        if (item.withdrawalRequest() != null) {
            add(withdrawalSection(overview));
        }

        TextArea comment = new TextArea("Comment");
        comment.setId("review-comment");
        comment.setWidthFull();
        comment.setMaxLength(2000);
        HorizontalLayout actions = new HorizontalLayout();
        if (own) {
            Paragraph fourEyes = new Paragraph(r.author().equals(actor.username())
                    ? "You wrote revision " + r.number() + ", so you cannot approve or sign it off: four eyes. A"
                            + " colleague has to review it."
                    : mayReview.reason());
            fourEyes.setId("own-revision");
            fourEyes.getStyle().set("color", "var(--lumo-error-text-color)");
            add(fourEyes);
        }
        if (inReview) {
            String signing = "You " + (clinical ? "sign off" : "approve") + " revision " + r.number() + " of “"
                    + r.title() + "” exactly as shown on this page (content fingerprint "
                    + r.contentHash() + "). If anyone changes it afterwards, your "
                    + (clinical ? "sign-off" : "approval") + " no longer counts. Once approved, an editor can"
                    + " publish it: the public will then see this content.";
            Button approve = new Button(clinical ? "Sign off" : "Approve", e -> Confirm.open(
                    clinical ? "Sign off this medical content?" : "Approve this revision?", signing,
                    clinical ? "Sign off" : "Approve", () -> {
                        review.approve(ref, r.number(), comment.getValue(), currentUser.actor());
                        Feedback.success((clinical ? "Signed off" : "Approved") + " revision " + r.number() + ".");
                        build();
                    }));
            approve.setId("approve-button");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            Button requestChanges = new Button("Request changes", e -> Feedback.attempt(() -> {
                review.requestChanges(ref, r.number(), comment.getValue(), currentUser.actor());
                Feedback.success("Sent revision " + r.number() + " back to " + r.author() + ".");
                build();
            }));
            requestChanges.setId("request-changes-button");
            approve.setEnabled(mayApprove.allowed());
            requestChanges.setEnabled(mayReview.allowed());
            if (mayApprove.refused()) {
                approve.setTooltipText(mayApprove.reason());
            }
            if (clinical && !actor.isClinician()) {
                add(new Paragraph("This revision needs a clinician's sign-off before it can be published."));
            }
            actions.add(approve, requestChanges);
            add(comment, actions);
        } else if (publishedMedical && actor.isClinician()) {
            Paragraph what = new Paragraph(item.review() == null || item.awaitingClinicalReview()
                    ? "No clinician has reviewed this published item yet."
                    : "Last reviewed by " + item.review().reviewedBy() + " on " + Formats.time(item.review().reviewedAt())
                            + "; next review due " + Formats.time(item.review().nextReviewDue()) + ".");
            Button confirm = new Button("Confirm it is still right", e -> {
                Checkbox sources = new Checkbox("I checked the sources still say this");
                sources.setId("sources-checked");
                Confirm.open("Confirm the review?",
                        "You confirm that revision " + r.number() + " of “" + r.title() + "”, as the public sees it"
                                + " now and as shown on this page, is clinically right. The public keeps seeing it,"
                                + " marked as reviewed by you today.",
                        "Confirm review", () -> {
                            clinicalReviews.confirmReview(ref, comment.getValue(), sources.getValue(), currentUser.actor());
                            Feedback.success("Review confirmed.");
                            build();
                        }, sources);
            });
            confirm.setId("confirm-review-button");
            confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Decision mayConfirm = overview.decision(ItemAction.CONFIRM_REVIEW);
            confirm.setEnabled(mayConfirm.allowed());
            if (mayConfirm.refused()) {
                confirm.setTooltipText(mayConfirm.reason());
            }
            actions.add(confirm);
            add(what, comment, actions);
        } else {
            add(new Paragraph("Revision " + r.number() + " is " + r.state().label() + "; there is nothing to decide."));
        }

        add(new H3("Compared with what the public sees now"));
        if (item.isPublished() && !Objects.equals(item.publishedRevision(), r.number())) {
            ComparisonPanel comparison = new ComparisonPanel().withTitles(titles);
            comparison.setId("review-comparison");
            comparison.show(contents.compare(ref, item.publishedRevision(), r.number()),
                    "Published: revision " + item.publishedRevision(), "Under review: revision " + r.number());
            add(comparison);
        } else if (item.isPublished()) {
            add(new Paragraph("This is the published revision."));
        } else {
            add(new Paragraph("The public does not see this item yet: everything below is new to them."));
        }
        add(new H3(clinical || publishedMedical ? "What you are signing" : "The content of revision " + r.number()));
        add(contentSummary(r.content()));
        if (!r.content().cautions().isEmpty()) {
            add(new H3("The warnings it links to, with their sources"), cautionSources(r.content()));
        }
    }

    /** The full fingerprint of the content under review: what a sign-off is bound to. */
    private static Component fingerprint(Revision r, boolean clinical) {
        Span label = new Span("Content fingerprint (SHA-256): ");
        label.getStyle().set("font-weight", "600");
        Span hash = new Span(r.contentHash() == null ? "none" : r.contentHash());
        hash.setId("review-fingerprint");
        hash.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("overflow-wrap", "anywhere");
        Paragraph p = new Paragraph(label, hash, new Span(clinical
                ? " · a sign-off is bound to exactly this content: any later change gives a new fingerprint and"
                        + " needs a new sign-off."
                : " · an approval is bound to exactly this content."));
        p.setId("review-fingerprint-line");
        return p;
    }

    /** Each linked warning as the public sees it now: its severity, action and sources. */
    private Component cautionSources(Content c) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("caution-sources");
        for (String slug : c.cautions()) {
            ContentRef warning = new ContentRef(ContentType.WARNING, slug);
            Optional<Item> item = contents.item(warning);
            Div entry = new Div();
            Span name = new Span(titles.label(ContentType.WARNING, slug));
            name.getStyle().set("font-weight", "600");
            entry.add(name);
            if (item.isEmpty()) {
                entry.add(new Span(": no such warning."));
            } else {
                Item w = item.get();
                Integer shown = w.publishedRevision() != null ? w.publishedRevision() : w.headRevision();
                Content wc = contents.revision(warning, shown).content();
                entry.add(new Span(" (" + (w.isPublished() ? "published revision " : "not published; latest revision ")
                        + shown + (wc.severity() == null ? "" : ", " + wc.severity().label()) + ")"));
                if (wc.sources().isEmpty()) {
                    entry.add(new Div(new Span("No sources listed.")));
                }
                for (org.knead.content.Source source : wc.sources()) {
                    entry.add(sourceLine(source));
                }
            }
            box.add(entry);
        }
        return box;
    }

    private static Div sourceLine(org.knead.content.Source s) {
        com.vaadin.flow.component.html.Anchor link = new com.vaadin.flow.component.html.Anchor(s.url(), s.title());
        link.setTarget("_blank");
        link.getElement().setAttribute("rel", "noopener noreferrer");
        link.getElement().setAttribute("router-ignore", "");
        return new Div(link, new Span(" (" + s.publisher() + ", checked " + s.checkedOn() + ")"));
    }

    private Component withdrawalSection(ItemOverview overview) {
        Item item = overview.item();
        Actor actor = currentUser.actor();
        WithdrawalRequest w = item.withdrawalRequest();
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("withdrawal-request");
        H3 title = new H3("Request to " + w.action().label() + " this red flag");
        Paragraph what = new Paragraph(w.requestedBy() + " asked on " + Formats.time(w.requestedAt()) + " to "
                + w.action().label() + " “" + item.title() + "”. Reason: " + w.reason()
                + ". The public keeps seeing it until a clinician other than " + w.requestedBy() + " confirms.");
        what.setId("withdrawal-details");
        box.add(title, what);
        Decision mayConfirm = overview.decision(ItemAction.CONFIRM_WITHDRAWAL);
        if (!actor.isClinician()) {
            return box;
        }
        if (w.requestedBy().equals(actor.username())) {
            box.add(new Paragraph("You asked for this, so another clinician has to confirm it: four eyes."));
            return box;
        }
        if (mayConfirm.refused()) {
            box.add(new Paragraph(mayConfirm.reason()));
            return box;
        }
        TextArea comment = new TextArea("Comment (required to decline)");
        comment.setId("withdrawal-comment");
        comment.setWidthFull();
        comment.setMaxLength(2000);
        Button confirm = new Button("Confirm: " + w.action().label(), e -> Confirm.open(
                "Take “" + item.title() + "” off the public site?",
                "The public API and search will no longer show “" + item.title() + "”"
                        + (w.action() == WithdrawalRequest.Action.ARCHIVE ? ", and it will be archived" : "")
                        + ". This is recorded with your name, as asked by " + w.requestedBy() + ".",
                "Confirm the withdrawal", () -> {
                    publishing.confirmWithdrawal(ref, comment.getValue(), currentUser.actor());
                    Feedback.success("Withdrawn: the public no longer sees it.");
                    build();
                }));
        confirm.setId("confirm-withdrawal-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button decline = new Button("Decline", e -> Feedback.attempt(() -> {
            publishing.declineWithdrawal(ref, comment.getValue(), currentUser.actor());
            Feedback.success("Declined: it stays public.");
            build();
        }));
        decline.setId("decline-withdrawal-button");
        box.add(comment, new HorizontalLayout(confirm, decline));
        return box;
    }

    private Component contentSummary(Content c) {
        VerticalLayout box = new VerticalLayout();
        box.setId("review-content");
        box.setPadding(false);
        field(box, "Title", c.title());
        field(box, "Summary", c.summary());
        if (c.severity() != null) {
            field(box, "Severity", c.severity().label());
        }
        field(box, "Action", c.action());
        field(box, "Advice", c.advice());
        if (!c.sources().isEmpty()) {
            Span label = new Span("Sources: ");
            label.getStyle().set("font-weight", "600");
            Div sources = new Div(label);
            sources.setId("review-sources");
            for (org.knead.content.Source s : c.sources()) {
                sources.add(sourceLine(s));
            }
            box.add(sources);
        }
        list(box, "Trigger phrases", c.triggerPhrases());
        list(box, "Trigger symptoms", labels(ContentType.SYMPTOM, c.triggerSymptoms()));
        if (c.pressure() != null) {
            field(box, "Pressure", c.pressure().key());
        }
        list(box, "Body areas", c.bodyAreas().stream().map(a -> a.key()).toList());
        list(box, "Cautions", labels(ContentType.WARNING, c.cautions()));
        list(box, "Aliases", c.aliases());
        list(box, "Benefits", c.benefits());
        list(box, "Symptoms it relieves", labels(ContentType.SYMPTOM, c.relievesSymptoms()));
        list(box, "Symptoms it leads to", labels(ContentType.SYMPTOM, c.leadsToSymptoms()));
        list(box, "Related", c.related().stream().map(rel -> titles.label(rel.type(), rel.slug())).toList());
        if (!c.body().isBlank()) {
            box.add(new Span("Body"));
            Div body = new Div();
            body.getElement().setProperty("innerHTML", org.knead.admin.layout.SafeHtml.markdown(c.body()));
            body.getStyle().set("border-left", "3px solid var(--lumo-contrast-20pct)").set("padding-left", "1em");
            box.add(body);
        }
        return box;
    }

    private static void field(VerticalLayout box, String label, String value) {
        if (value != null && !value.isBlank()) {
            Span l = new Span(label + ": ");
            l.getStyle().set("font-weight", "600");
            Span v = new Span(value);
            box.add(new Div(l, v));
        }
    }

    private static void list(VerticalLayout box, String label, List<String> values) {
        if (!values.isEmpty()) {
            field(box, label, String.join(", ", values));
        }
    }

    private List<String> labels(ContentType type, List<String> slugs) {
        return slugs.stream().map(slug -> titles.label(type, slug)).toList();
    }
}
