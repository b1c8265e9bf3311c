package org.knead.admin.review;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import org.knead.admin.layout.Formats;
import org.knead.review.ReviewTask;

/** A list of review tasks, each opening the review of its revision. */
public class ReviewTaskGrid extends Grid<ReviewTask> {

    public ReviewTaskGrid(List<ReviewTask> tasks) {
        super(ReviewTask.class, false);
        addComponentColumn(t -> {
            RouterLink link = new RouterLink(t.title(), ReviewView.class, parameters(t));
            link.addClassName("task-link");
            return link;
        }).setHeader("Item").setFlexGrow(3);
        addColumn(t -> kind(t.kind())).setHeader("What");
        addColumn(t -> t.ref().id()).setHeader("Id").setFlexGrow(2);
        addColumn(ReviewTask::revision).setHeader("Revision");
        addColumn(ReviewTask::author).setHeader("Author");
        addColumn(t -> Formats.time(t.since())).setHeader("Waiting since");
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
