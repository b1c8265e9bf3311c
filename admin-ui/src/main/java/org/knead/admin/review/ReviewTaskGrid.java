package org.knead.admin.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import org.knead.admin.layout.Formats;
import org.knead.review.ReviewTask;
import org.knead.revision.ContentService;

/**
 * A list of review tasks, each opening the review of its revision. Every row says which revision and
 * why it waits (new, replacing the published revision and what it changes, first review, re-review due),
 * and the full fingerprint of the content a reviewer signs, so that rows with the same title stay apart.
 */
public class ReviewTaskGrid extends Grid<ReviewTask> {

    public ReviewTaskGrid(List<ReviewTask> tasks, ContentService contents) {
        super(ReviewTask.class, false);
        ReviewTaskDetails details = new ReviewTaskDetails(contents);
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        addComponentColumn(t -> {
            RouterLink link = new RouterLink(t.title(), ReviewView.class, parameters(t));
            link.addClassName("task-link");
            Span which = new Span(t.ref().type().key() + " · revision " + t.revision());
            which.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            return new Div(link, which);
        }).setHeader("Item").setWidth("14em").setFlexGrow(3).setTooltipGenerator(t -> t.title() + " (" + t.ref().id()
                + ", revision " + t.revision() + ")");
        addColumn(t -> kind(t.kind()) + ": " + details.why(t)).setHeader("What and why").setWidth("16em")
                .setFlexGrow(4).setTooltipGenerator(t -> kind(t.kind()) + ": " + details.why(t));
        addColumn(ReviewTask::author).setHeader("Author").setWidth("8em").setFlexGrow(1)
                .setTooltipGenerator(ReviewTask::author);
        addColumn(t -> Formats.time(t.since())).setHeader("Waiting since").setWidth("9em").setFlexGrow(0);
        addComponentColumn(t -> {
            Span hash = new Span(details.fingerprint(t));
            hash.addClassName("task-fingerprint");
            hash.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                    .set("font-size", "var(--lumo-font-size-xxs)").set("overflow-wrap", "anywhere");
            return hash;
        }).setHeader("Content fingerprint").setWidth("13em").setFlexGrow(1);
        // every row on the page, the page scrolls: a queue never hides rows in a scroll box of its own
        getStyle().set("flex-shrink", "0");
        setItems(tasks);
        setAllRowsVisible(true);
    }

    public static RouteParameters parameters(ReviewTask t) {
        return new RouteParameters(Map.of("type", t.ref().type().key(), "slug", t.ref().slug(), "revision",
                String.valueOf(t.revision())));
    }

    static String kind(ReviewTask.Kind kind) {
        return switch (kind) {
            case APPROVAL -> "approval (four eyes)";
            case CLINICAL_SIGN_OFF -> "clinical sign-off";
            case FIRST_REVIEW -> "first clinical review";
            case RE_REVIEW -> "re-review due";
            case WITHDRAWAL -> "withdrawal request";
        };
    }
}
