package org.knead.admin.review;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.knead.admin.layout.MainLayout;
import org.knead.admin.security.CurrentUser;
import org.knead.review.ReviewTask;
import org.knead.review.ReviewService;

/** Editors' queue: revisions by colleagues waiting for a second pair of eyes. */
@Route(value = "reviews", layout = MainLayout.class)
@PageTitle("Approvals | Knead")
@RolesAllowed({"EDITOR", "ADMIN"})
public class ApprovalQueueView extends VerticalLayout {

    public ApprovalQueueView(ReviewService review, org.knead.revision.ContentService contents,
            CurrentUser currentUser) {
        List<ReviewTask> tasks = review.queueFor(currentUser.actor()).stream()
                .filter(t -> t.kind() == ReviewTask.Kind.APPROVAL).toList();
        H2 heading = new H2("Approvals waiting for you");
        heading.setId("approvals-heading");
        ReviewTaskGrid grid = new ReviewTaskGrid(tasks, contents);
        grid.setId("approval-grid");
        add(heading, new Paragraph("Revisions your colleagues submitted. You never see your own here: nobody"
                + " approves their own revision. Medical warnings and changed cautions go to the clinicians."), grid);
    }
}
