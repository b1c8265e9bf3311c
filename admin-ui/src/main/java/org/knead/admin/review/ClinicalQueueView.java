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

/** Clinicians' queue: sign-offs of medical changes, first reviews of imported warnings, overdue re-reviews. */
@Route(value = "clinical", layout = MainLayout.class)
@PageTitle("Clinical review | Knead")
@RolesAllowed("CLINICIAN")
public class ClinicalQueueView extends VerticalLayout {

    public ClinicalQueueView(ReviewService review, org.knead.revision.ContentService contents,
            CurrentUser currentUser) {
        List<ReviewTask> all = review.queueFor(currentUser.actor());
        List<ReviewTask> clinical = all.stream().filter(t -> t.kind() != ReviewTask.Kind.APPROVAL).toList();
        List<ReviewTask> approvals = all.stream().filter(t -> t.kind() == ReviewTask.Kind.APPROVAL).toList();
        H2 heading = new H2("Clinical review queue");
        heading.setId("clinical-heading");
        ReviewTaskGrid grid = new ReviewTaskGrid(clinical, contents);
        grid.setId("clinical-grid");
        add(heading, new Paragraph("Medical warnings and changed cautions waiting for your sign-off, published medical"
                + " items never reviewed by a clinician, items past their next-review date, and requests to take a"
                + " red flag off the public site."), grid);
        if (!approvals.isEmpty()) {
            ReviewTaskGrid other = new ReviewTaskGrid(approvals, contents);
            other.setId("clinician-approval-grid");
            add(new H2("Other revisions waiting for a second pair of eyes"), other);
        }
    }
}
