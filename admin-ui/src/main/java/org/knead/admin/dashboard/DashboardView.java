package org.knead.admin.dashboard;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.knead.actor.Actor;
import org.knead.admin.content.ContentEditorView;
import org.knead.admin.layout.Formats;
import org.knead.admin.layout.MainLayout;
import org.knead.admin.review.ReviewTaskGrid;
import org.knead.admin.security.CurrentUser;
import org.knead.publication.PublicationLog;
import org.knead.review.ClinicalReviewService;
import org.knead.review.PublishingService;
import org.knead.review.ReviewService;
import org.knead.review.ReviewTask;
import org.knead.revision.ContentService;
import org.knead.revision.Item;
import org.knead.revision.ItemFilter;
import org.knead.revision.Revision;
import org.knead.revision.RevisionState;

/** What needs this person today: their drafts, their reviews, the schedule, overdue reviews, publication. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard | Knead")
@PermitAll
public class DashboardView extends VerticalLayout {

    public DashboardView(ContentService contents, ReviewService review, PublishingService publishing,
            ClinicalReviewService clinical, PublicationLog publications,
            CurrentUser currentUser) {
        Actor actor = currentUser.actor();
        H2 heading = new H2("Dashboard");
        heading.setId("dashboard-heading");
        add(heading);

        Paragraph publication = new Paragraph(publications.last().map(e -> lastPublication(e, contents))
                .orElse("Nothing has been published yet."));
        publication.setId("last-publication");
        add(new H3("Last change the public saw"), publication);

        if (actor.isEditor()) {
            List<Item> mine = new java.util.ArrayList<>();
            for (RevisionState state : List.of(RevisionState.DRAFT, RevisionState.CHANGES_REQUESTED)) {
                contents.list(new ItemFilter(null, state, null, null, false), 0, 500).stream()
                        .filter(i -> actor.username().equals(i.headAuthor())).forEach(mine::add);
            }
            add(new H3("My drafts"));
            add(itemGrid(mine, "my-drafts", "You have no drafts."));
            List<Revision> ready = review.readyToPublish();
            add(new H3("Approved, ready to publish"));
            if (ready.isEmpty()) {
                add(new Paragraph("Nothing is waiting to be published."));
            } else {
                Grid<Revision> grid = new Grid<>(Revision.class, false);
                grid.setId("ready-grid");
                grid.addComponentColumn(r -> editorLink(r.title(), r.type().key(), r.slug())).setHeader("Item");
                grid.addColumn(Revision::number).setHeader("Revision");
                grid.addColumn(Revision::author).setHeader("Author");
                grid.setItems(ready);
                grid.setAllRowsVisible(true);
                grid.getStyle().set("flex-shrink", "0");
                add(grid);
            }
        }

        List<ReviewTask> tasks = review.queueFor(actor);
        add(new H3("Waiting for my review"));
        if (tasks.isEmpty()) {
            add(new Paragraph("Nothing waits for your review."));
        } else {
            ReviewTaskGrid grid = new ReviewTaskGrid(tasks, contents);
            grid.setId("my-reviews");
            add(grid);
        }

        add(new H3("Scheduled"));
        add(itemGrid(publishing.scheduled(), "scheduled-grid", "Nothing is scheduled."));
        add(new H3("Medical items overdue for review"));
        add(itemGrid(clinical.overdue(), "overdue-grid", "No medical item is overdue for review."));
    }

    /** The latest publication in plain words: which item (by title), what happened, who, when. */
    private static String lastPublication(org.knead.publication.PublicationEntry e, ContentService contents) {
        String what;
        try {
            what = contents.item(org.knead.content.ContentRef.parseId(e.itemId()))
                    .map(i -> "“" + i.title() + "” (" + i.type().key() + ")").orElse(e.itemId());
        } catch (RuntimeException notAnItem) {
            what = e.itemId();
        }
        String happened = e.action() == org.knead.publication.PublicationAction.PUBLISHED
                ? " went public" + (e.revision() == null ? "" : " in revision " + e.revision())
                : " was taken off the public site";
        return what + happened + ", by " + e.actor() + " on " + Formats.time(e.at()) + ".";
    }

    private static com.vaadin.flow.component.Component itemGrid(List<Item> items, String id, String empty) {
        if (items.isEmpty()) {
            Paragraph p = new Paragraph(empty);
            p.setId(id);
            return p;
        }
        Grid<Item> grid = new Grid<>(Item.class, false);
        grid.setId(id);
        grid.addComponentColumn(i -> editorLink(i.title(), i.type().key(), i.slug())).setHeader("Item").setFlexGrow(3)
                .setTooltipGenerator(i -> i.title() + " (" + i.id() + ")");
        grid.addColumn(i -> i.type().key()).setHeader("Type").setWidth("7em").setFlexGrow(0);
        grid.addColumn(i -> i.headRevision() + " · " + i.headState().label()).setHeader("Latest revision");
        grid.addColumn(i -> i.scheduled() != null ? "publishes " + Formats.time(i.scheduled().at())
                : i.review() != null ? "review due " + Formats.time(i.review().nextReviewDue()) : "")
                .setHeader("When");
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.getStyle().set("flex-shrink", "0");
        return grid;
    }

    private static RouterLink editorLink(String title, String type, String slug) {
        return new RouterLink(title, ContentEditorView.class, new RouteParameters(Map.of("type", type, "slug", slug)));
    }
}
