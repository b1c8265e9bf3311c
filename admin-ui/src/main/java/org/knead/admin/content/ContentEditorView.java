package org.knead.admin.content;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import org.knead.actor.Actor;
import org.knead.admin.layout.Feedback;
import org.knead.admin.layout.Formats;
import org.knead.admin.layout.MainLayout;
import org.knead.admin.security.CurrentUser;
import org.knead.content.Content;
import org.knead.content.ContentRef;
import org.knead.content.ContentField;
import org.knead.content.ContentFields;
import org.knead.content.ContentMerge;
import org.knead.content.ContentType;
import org.knead.content.ContentValidationException;
import org.knead.content.MarkdownRenderer;
import org.knead.content.Pressure;
import org.knead.content.Severity;
import org.knead.review.PublishingService;
import org.knead.review.ReviewService;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.ItemAction;
import org.knead.revision.ItemFilter;
import org.knead.revision.ItemOverview;
import org.knead.revision.NotFoundException;
import org.knead.revision.Revision;
import org.knead.revision.RevisionComparison;
import org.knead.revision.RevisionState;
import org.knead.revision.StaleRevisionException;

/**
 * The editor of one item, or of a new one: the fields its type uses, Markdown with a live
 * sanitized preview, pickers for linked items, a change note. Saving appends a revision; a stale
 * save opens the conflict dialog.
 */
@Route(value = "edit/:type/:slug?", layout = MainLayout.class)
@PageTitle("Edit | Knead")
@RolesAllowed({"EDITOR", "ADMIN", "CLINICIAN"})
public class ContentEditorView extends VerticalLayout implements BeforeEnterObserver, BeforeLeaveObserver {

    private final ContentService contents;
    private final ReviewService review;
    private final PublishingService publishingService;
    private final CurrentUser currentUser;

    private final H2 heading = new H2();
    private final Paragraph status = new Paragraph();
    private final UnorderedList problems = new UnorderedList();
    private final ContentForm form = new ContentForm();
    private final TextField title = form.editor(ContentFields.TITLE);
    private final TextField slug = new TextField("Slug");
    private final TextArea body = form.editor(ContentFields.BODY);
    private final Div preview = new Div();
    private final TextField changeNote = new TextField("Change note");
    private final Button save = new Button("Save");
    private final Button submit = new Button("Submit for review");
    private final HorizontalLayout links = new HorizontalLayout();
    private final Div publishing = new Div();

    private ContentType type;
    private ContentRef ref;
    private int basedOn;
    private Content base;
    private List<Item> pickable;
    /** What the form held when it was last loaded or saved: anything else is an unsaved edit. */
    private Content snapshot;
    private boolean slugTouched;
    private final UnsavedChanges unsaved;

    public ContentEditorView(ContentService contents, ReviewService review, PublishingService publishingService,
            CurrentUser currentUser) {
        this.contents = contents;
        this.review = review;
        this.publishingService = publishingService;
        this.currentUser = currentUser;
        setWidthFull();
        setMaxWidth("1200px");
        problems.setId("problems");
        problems.setVisible(false);
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        status.setId("status");
        ids();
        body.setValueChangeMode(ValueChangeMode.TIMEOUT);
        body.setValueChangeTimeout(300);
        body.addValueChangeListener(e -> renderPreview());
        body.setMinHeight("16em");
        preview.setId("preview");
        preview.setWidthFull();
        preview.getStyle().set("box-sizing", "border-box");
        preview.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("padding", "0 var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("min-height", "16em")
                .set("overflow-wrap", "anywhere");
        TextField action = form.editor(ContentFields.ACTION);
        action.setPlaceholder("Call your local emergency number now.");
        action.setHelperText("Emergency: call the emergency number; urgent: an appointment today; otherwise: see a GP.");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        submit.addClickListener(e -> submit());
        unsaved = new UnsavedChanges(this, this::hasUnsavedChanges, this::unsavedFields);
        for (com.vaadin.flow.component.HasValue<?, ?> field : fields()) {
            field.addValueChangeListener(e -> unsaved.sync());
        }
        slug.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                slugTouched = !slug.getValue().isBlank();
            }
        });
        title.addValueChangeListener(e -> {
            if (ref == null && !slugTouched) {
                slug.setValue(org.knead.content.Slug.suggest(title.getValue()));
            }
        });
        slug.setHelperText("Suggested from the title until you change it; it cannot change after the first save.");
    }

    private List<com.vaadin.flow.component.HasValue<?, ?>> fields() {
        List<com.vaadin.flow.component.HasValue<?, ?>> all = new java.util.ArrayList<>(form.editors());
        all.add(slug);
        all.add(changeNote);
        return all;
    }

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        unsaved.beforeLeave(event);
    }

    /** Whether the form differs from what was last loaded or saved (a change note alone counts). */
    boolean hasUnsavedChanges() {
        if (snapshot == null) {
            return false;
        }
        if (!changeNote.getValue().isBlank()) {
            return true;
        }
        try {
            return !readForm().equals(snapshot);
        } catch (RuntimeException unreadable) {
            return true;
        }
    }

    private List<String> unsavedFields() {
        List<String> names = new ArrayList<>();
        try {
            ContentFields.changed(snapshot, readForm()).forEach(f -> names.add(f.label().toLowerCase()));
        } catch (RuntimeException unreadable) {
            // the form cannot be read as content: say only that changes are pending
        }
        if (!changeNote.getValue().isBlank()) {
            names.add("the change note");
        }
        return names;
    }

    /** The form as it is now is what is saved: no edit is pending. */
    private void markSaved() {
        snapshot = readForm();
        unsaved.sync();
    }

    private void ids() {
        slug.setId("slug");
        changeNote.setId("change-note");
        save.setId("save-button");
        submit.setId("submit-button");
        publishing.setId("publishing");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<ContentType> t = event.getRouteParameters().get("type").flatMap(ContentType::fromKey);
        if (t.isEmpty()) {
            event.forwardTo(ContentListView.class);
            return;
        }
        type = t.get();
        Optional<String> s = event.getRouteParameters().get("slug");
        ItemOverview overview = null;
        if (s.isPresent()) {
            ref = new ContentRef(type, s.get());
            try {
                overview = publishingService.overview(ref, currentUser.actor());
            } catch (NotFoundException missing) {
                Feedback.error("There is no " + type.key() + " '" + s.get() + "'.");
                event.forwardTo(ContentListView.class);
                return;
            }
        } else {
            ref = null;
        }
        build(overview);
    }

    /**
     * Lays out the form. Opening an item costs at most three store reads: the item and its revisions (one
     * overview), and one list for the pickers (or, for a symptom, whether a warning it triggers is public).
     */
    private void build(ItemOverview overview) {
        removeAll();
        pickable = null;
        Actor actor = currentUser.actor();
        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("700px", 2));
        fields.add(title, slug);
        form.layOut(fields, type, this::pickable);
        HorizontalLayout markdown = new HorizontalLayout();
        markdown.setWidthFull();
        VerticalLayout previewBox = new VerticalLayout(new Span("Preview (as the public will see it)"), preview);
        previewBox.setPadding(false);
        previewBox.setSpacing(false);
        body.setWidth("50%");
        previewBox.setWidth("50%");
        markdown.add(body, previewBox);
        changeNote.setWidthFull();
        changeNote.setPlaceholder("What did you change, and why?");
        changeNote.setMaxLength(500);
        HorizontalLayout actions = new HorizontalLayout(save, submit, links);
        add(heading, status, problems, fields, markdown, changeNote, actions, publishing);

        if (ref == null) {
            heading.setText("New " + type.key());
            status.setText("Not saved yet.");
            slug.setReadOnly(false);
            base = null;
            basedOn = 0;
            slugTouched = false;
            fill(Content.builder(type, "").build());
            markSaved();
            submit.setVisible(false);
            links.removeAll();
            publishing.removeAll();
        } else {
            slug.setReadOnly(true);
            load(overview);
        }
        boolean editor = actor.isEditor();
        if (ref == null) {
            save.setEnabled(editor);
        }
        if (!editor) {
            status.setText(status.getText() + " You can read this item; only editors change it.");
        }
    }

    /** Every item, read once per opening for all the pickers. */
    private List<Item> pickable() {
        if (pickable == null) {
            pickable = contents.list(ItemFilter.all(), 0, 2000);
        }
        return pickable;
    }

    private void load(ItemOverview overview) {
        fillFrom(overview.head());
        show(overview);
    }

    private void load(Revision latest) {
        fillFrom(latest);
        refreshStatus();
    }

    /** The form shows this revision, as the base of the next save, with no problems listed. */
    private void fillFrom(Revision latest) {
        basedOn = latest.number();
        base = latest.content();
        fill(latest.content());
        changeNote.clear();
        clearProblems();
        markSaved();
    }

    private ItemOverview refreshStatus() {
        ItemOverview overview = publishingService.overview(ref, currentUser.actor());
        show(overview);
        return overview;
    }

    private void show(ItemOverview overview) {
        Item item = overview.item();
        Revision latest = overview.head();
        heading.setText(latest.content().title());
        StringBuilder sb = new StringBuilder();
        sb.append(type.key()).append(" · ").append(ref.slug()).append(" · revision ").append(latest.number())
                .append(" by ").append(latest.author()).append(", ").append(Formats.time(latest.createdAt()))
                .append(" · ").append(latest.state().label());
        sb.append(item.isPublished() ? " · published revision " + item.publishedRevision() : " · not published");
        if (item.status() == org.knead.revision.ItemStatus.ARCHIVED) {
            sb.append(" · archived");
        }
        if (item.review() != null) {
            sb.append(" · last reviewed by ").append(item.review().reviewedBy()).append(" on ")
                    .append(Formats.time(item.review().reviewedAt())).append(", next review due ")
                    .append(Formats.time(item.review().nextReviewDue()));
        }
        status.setText(sb.toString());
        submit.setVisible(true);
        submit.setEnabled(overview.allows(ItemAction.SUBMIT));
        save.setEnabled(overview.allows(ItemAction.SAVE));
        links.removeAll();
        RouterLink history = new RouterLink("History and comparison", HistoryView.class,
                new RouteParameters(Map.of("type", type.key(), "slug", ref.slug())));
        history.setId("history-link");
        links.add(history);
        latest.lastDecision().ifPresent(d -> {
            Span decision = new Span("Last review: " + d.decision().name().toLowerCase().replace('_', ' ') + " by "
                    + d.reviewer() + (d.comment() == null || d.comment().isBlank() ? "" : ": " + d.comment()));
            decision.setId("last-decision");
            links.add(decision);
        });
        publishing.removeAll();
        publishing.add(new H3("Publishing"), new PublishingPanel(overview, publishingService, currentUser,
                this::refreshStatus));
    }

    private void fill(Content c) {
        form.fill(c);
        slug.setValue(ref != null ? ref.slug() : c.slug() == null ? "" : c.slug());
        renderPreview();
    }

    private Content readForm() {
        return form.read(type, ref == null ? slug.getValue().strip() : ref.slug(), base);
    }

    private void renderPreview() {
        preview.getElement().setProperty("innerHTML", org.knead.admin.layout.SafeHtml.markdown(body.getValue()));
    }

    private void save() {
        clearProblems();
        Actor actor = currentUser.actor();
        Content content = readForm();
        try {
            if (ref == null) {
                Revision first = contents.create(content, changeNote.getValue(), actor);
                snapshot = null;
                Feedback.success("Created “" + first.title() + "” (revision 1).");
                getUI().ifPresent(ui -> ui.navigate(ContentEditorView.class,
                        new RouteParameters(Map.of("type", type.key(), "slug", first.slug()))));
                return;
            }
            Revision saved = contents.save(ref, basedOn, content, changeNote.getValue(), actor);
            load(saved);
            Feedback.success("Saved revision " + saved.number() + ".");
        } catch (ContentValidationException e) {
            showProblems(e.problems());
        } catch (StaleRevisionException e) {
            conflict(e, content);
        } catch (RuntimeException e) {
            if (!Feedback.attempt(() -> {
                throw e;
            })) {
                showProblems(List.of(e.getMessage()));
            }
        }
    }

    /** Every problem at once: listed above the form, and each on the field it belongs to. */
    private void showProblems(List<String> messages) {
        problems.removeAll();
        problems.setVisible(!messages.isEmpty());
        messages.forEach(m -> problems.add(new ListItem(m)));
        int marked = EditorProblems.mark(messages, problemFields());
        Feedback.error("Not saved: " + (messages.size() == 1 ? "1 problem" : messages.size() + " problems")
                + (marked > 0 ? ", marked on the fields." : ", listed above the form."));
    }

    private void clearProblems() {
        problems.removeAll();
        problems.setVisible(false);
        EditorProblems.clear(problemFields());
    }

    private Map<String, com.vaadin.flow.component.HasValidation> problemFields() {
        Map<String, com.vaadin.flow.component.HasValidation> f = new LinkedHashMap<>();
        f.put("slug", slug);
        // the words core's problems use for each field: its label, and the other words they say
        for (ContentField<?> field : ContentFields.all()) {
            f.put(field.label().toLowerCase(java.util.Locale.ROOT), form.editor(field));
        }
        f.put("body area", form.editor(ContentFields.BODY_AREAS));
        f.put("symptoms or phrases that trigger", form.editor(ContentFields.TRIGGER_PHRASES));
        f.put("source", form.editor(ContentFields.SOURCES));
        f.put("related", form.editor(ContentFields.RELATED));
        f.put("change note", changeNote);
        return f;
    }

    private void submit() {
        Actor actor = currentUser.actor();
        if (Feedback.attempt(() -> {
            Revision submitted = review.submit(ref, basedOn, actor);
            ItemOverview now = refreshStatus();
            Feedback.success("Revision " + submitted.number() + " submitted for review"
                    + (now.needsClinician() ? "; it needs a clinician's sign-off." : "."));
        })) {
            return;
        }
    }

    /** Someone saved in between: show what they changed, and offer to reapply this change on the latest. */
    private void conflict(StaleRevisionException stale, Content mine) {
        Revision latest = contents.latest(ref);
        RevisionComparison theirs = contents.compare(ref, stale.basedOn(), latest.number());
        Dialog dialog = new Dialog();
        dialog.setId("conflict-dialog");
        dialog.setHeaderTitle("Someone else saved this item while you were editing");
        dialog.setWidth("min(90vw, 1000px)");
        Paragraph explanation = new Paragraph(stale.savedBy() + " saved revision " + (stale.basedOn() + 1) + " at "
                + Formats.time(stale.savedAt()) + (stale.latest() > stale.basedOn() + 1
                        ? " (the latest is now revision " + stale.latest() + ")" : "")
                + ". You started from revision " + stale.basedOn() + ". Nothing of yours was saved yet.");
        explanation.setId("conflict-message");
        ComparisonPanel comparison = new ComparisonPanel().changedLinesOnly();
        comparison.setId("conflict-comparison");
        comparison.show(theirs, "Revision " + stale.basedOn() + " (yours started here)",
                "Revision " + latest.number() + " (latest, by " + latest.author() + ")");
        ContentMerge merged = ContentMerge.onLatest(base, mine, latest.content());
        Paragraph plan = new Paragraph(merged.changedByMe().isEmpty()
                ? "You changed nothing that differs from the revision you started with."
                : "Reapplying puts your changes to " + labels(merged.changedByMe()) + " on top of revision "
                        + latest.number() + (merged.changedByBoth().isEmpty() ? "; their other changes stay."
                                : ". You both changed " + labels(merged.changedByBoth())
                                        + ": your version of those replaces theirs, so check them before saving."));
        plan.setId("conflict-plan");
        ConflictFields fields = new ConflictFields(base, mine, latest.content(), latest.author());
        fields.setId("conflict-fields");
        com.vaadin.flow.component.details.Details theirLines = new com.vaadin.flow.component.details.Details(
                "Their changes, line by line", comparison);
        dialog.add(explanation, plan, fields, theirLines);
        Button reapply = new Button("Reapply my change on the latest", e -> {
            basedOn = latest.number();
            base = latest.content();
            String note = changeNote.getValue();
            fill(merged.merged());
            changeNote.setValue(note);
            refreshStatus();
            dialog.close();
            Feedback.success("Your change is now on top of revision " + latest.number() + ". Check it, then save.");
        });
        reapply.setId("reapply-button");
        reapply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button discard = new Button("Discard mine and open the latest", e -> {
            load(latest);
            dialog.close();
        });
        discard.setId("discard-button");
        Button keep = new Button("Keep editing", e -> dialog.close());
        dialog.getFooter().add(keep, discard, reapply);
        dialog.open();
    }

    private static String labels(List<String> fields) {
        return String.join(", ", fields.stream().map(ContentFields::label).map(String::toLowerCase).toList());
    }
}
