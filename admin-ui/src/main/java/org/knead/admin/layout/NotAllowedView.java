package org.knead.admin.layout;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * Shown for a page that does not exist or that the person's roles do not open (Vaadin reports both
 * as not found, so nobody learns which pages exist).
 */
@Tag("div")
@AnonymousAllowed
public class NotAllowedView extends RouteNotFoundError {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        getElement().removeAllChildren();
        H2 heading = new H2("Not available");
        heading.setId("not-available");
        getElement().appendChild(heading.getElement(),
                new Paragraph("This page does not exist, or your roles do not open it.").getElement(),
                new Anchor("", "Back to the dashboard").getElement());
        getElement().getStyle().set("padding", "var(--lumo-space-l)");
        return HttpStatusCode.NOT_FOUND.getCode();
    }
}
