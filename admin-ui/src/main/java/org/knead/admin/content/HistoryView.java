package org.knead.admin.content;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
import java.util.Optional;
import org.knead.admin.layout.Confirm;
import org.knead.admin.layout.Feedback;
import org.knead.admin.layout.Formats;
import org.knead.admin.layout.MainLayout;
import org.knead.admin.security.CurrentUser;
import org.knead.content.ContentRef;
import org.knead.content.ContentType;
import org.knead.review.PublishingService;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.ItemOverview;
import org.knead.revision.Revision;

/**
 * The revisions of an item (who, when, note, state), a side-by-side comparison of any two, restore (as a new
 * revision), and revert: making an older revision public again in place of a newer public one, a confirmed and
 * audited action offered only where core's item overview allows it.
 */
@Route(value = "history/:type/:slug", layout = MainLayout.class)
@PageTitle("History | Knead")
@RolesAllowed({"EDITOR", "ADMIN", "CLINICIAN"})
public class HistoryView extends VerticalLayout implements BeforeEnterObserver {

    private final ContentService contents;
    private final PublishingService publishing;
    private final CurrentUser currentUser;
    private final Grid<Revision> grid = new Grid<>(Revision.class, false);
    private final Select<Integer> from = new Select<>();
    private final Select<Integer> to = new Select<>();
    private final ComparisonPanel comparison = new ComparisonPanel();
    private final H2 heading = new H2();
    private final Paragraph publicState = new Paragraph();
    private ContentRef ref;
    private ItemOverview overview;

    public HistoryView(ContentService contents, PublishingService publishing, CurrentUser currentUser) {
        this.contents = contents;
        this.publishing = publishing;
        this.currentUser = currentUser;
        setWidthFull();
        grid.setId("history-grid");
        grid.addColumn(Revision::number).setHeader("Revision").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Revision::title).setHeader("Title").setFlexGrow(2).setTooltipGenerator(Revision::title);
        grid.addColumn(Revision::author).setHeader("Who").setTooltipGenerator(Revision::author);
        grid.addColumn(r -> Formats.time(r.createdAt())).setHeader("When (UTC)").setWidth("11em").setFlexGrow(0);
        grid.addColumn(r -> r.changeNote()).setHeader("Change note").setFlexGrow(3)
                .setTooltipGenerator(r -> r.changeNote().isBlank() ? null : r.changeNote());
        grid.addColumn(r -> r.state().label()).setHeader("State");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        from.setLabel("Compare revision");
        from.setId("compare-from");
        to.setLabel("with revision");
        to.setId("compare-to");
        from.addValueChangeListener(e -> compare());
        to.addValueChangeListener(e -> compare());
        comparison.setId("comparison");
        publicState.setId("public-state");
        comparison.withTitles(new ItemTitles(contents));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<ContentType> type = event.getRouteParameters().get("type").flatMap(ContentType::fromKey);
        Optional<String> slug = event.getRouteParameters().get("slug");
        if (type.isEmpty() || slug.isEmpty() || contents.item(new ContentRef(type.get(), slug.get())).isEmpty()) {
            event.forwardTo(ContentListView.class);
            return;
        }
        ref = new ContentRef(type.get(), slug.get());
        removeAll();
        RouterLink edit = new RouterLink("Back to the editor", ContentEditorView.class,
                new RouteParameters(Map.of("type", ref.type().key(), "slug", ref.slug())));
        HorizontalLayout pickers = new HorizontalLayout(from, to);
        pickers.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(heading, edit, publicState, grid, new H3("Comparison"), pickers, comparison);
        refresh();
    }

    private void refresh() {
        overview = publishing.overview(ref, currentUser.actor());
        Item item = overview.item();
        heading.setText("History of “" + item.title() + "” (" + ref.id() + ")");
        publicState.setText(item.isPublished() ? "The public sees revision " + item.publishedRevision() + "."
                : "The public does not see this item.");
        List<Revision> history = contents.history(ref);
        grid.setItems(history);
        List<Integer> numbers = history.stream().map(Revision::number).toList();
        from.setItems(numbers);
        to.setItems(numbers);
        if (history.size() >= 2) {
            from.setValue(history.get(1).number());
            to.setValue(history.get(0).number());
        } else {
            comparison.clear();
        }
    }

    private void compare() {
        if (from.getValue() == null || to.getValue() == null) {
            return;
        }
        Revision a = contents.revision(ref, from.getValue());
        Revision b = contents.revision(ref, to.getValue());
        comparison.show(contents.compare(ref, a.number(), b.number()), caption(a), caption(b));
    }

    private static String caption(Revision r) {
        return "Revision " + r.number() + " by " + r.author() + ", " + Formats.time(r.createdAt());
    }

    private Component actions(Revision r) {
        HorizontalLayout buttons = new HorizontalLayout(restoreButton(r));
        buttons.setSpacing(false);
        if (overview != null && overview.revert(r.number()).allowed()) {
            buttons.add(revertButton(r, overview.published()));
        }
        return buttons;
    }

    /** Makes revision {@code r} public again in place of the newer public one, with a reason, once confirmed. */
    private Button revertButton(Revision r, Revision replaced) {
        Button revert = new Button("Revert to revision " + r.number(), e -> {
            TextArea reason = new TextArea("Reason (required, kept in the audit log)");
            reason.setId("revert-reason");
            reason.setWidthFull();
            reason.setMaxLength(2000);
            Confirm.open("Revert to revision " + r.number() + "?",
                    "The public will see revision " + r.number() + " (“" + r.title() + "”, by " + r.author() + ", "
                            + Formats.time(r.createdAt()) + ") again, in place of revision " + replaced.number()
                            + " (“" + replaced.title() + "”), in the public API and search. Revision "
                            + replaced.number() + " and every newer one stay in the history.",
                    "Revert to revision " + r.number(), () -> {
                        publishing.revert(ref, r.number(), reason.getValue(), currentUser.actor());
                        Feedback.success("Reverted: the public sees revision " + r.number() + " again, in place of"
                                + " revision " + replaced.number() + ".");
                        refresh();
                    }, reason);
        });
        revert.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        revert.setId("revert-" + r.number());
        return revert;
    }

    private Button restoreButton(Revision r) {
        Button restore = new Button("Restore", e -> {
            Revision latest = contents.latest(ref);
            org.knead.revision.Decision may = r.mayBeRestoredOver(latest);
            if (may.refused()) {
                Feedback.error(may.reason());
                return;
            }
            Confirm.open("Restore revision " + r.number() + "?",
                    "A new revision " + (latest.number() + 1) + " will be saved with the content of revision "
                            + r.number() + ". Nothing is lost: revision " + latest.number() + " stays in the history."
                            + " The public sees no change until the new revision is reviewed and published.",
                    "Restore", () -> {
                        Revision restored = contents.restore(ref, r.number(), latest.number(), currentUser.actor());
                        Feedback.success("Restored as revision " + restored.number() + ".");
                        refresh();
                    });
        });
        restore.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        restore.setId("restore-" + r.number());
        restore.setEnabled(currentUser.actor().isEditor());
        return restore;
    }
}
