package org.knead.admin.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import jakarta.annotation.security.PermitAll;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.admin.security.CurrentUser;

/** The frame of every view: the title bar with who is logged in, and the navigation for their roles. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser) {
        Actor actor = currentUser.actor();
        H1 title = new H1("Knead");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span who = new Span(actor.username() + " · " + String.join(", ", actor.roles().stream()
                .map(Role::name).sorted().toList()));
        who.setId("current-user");
        Button logout = new Button("Log out", e -> currentUser.logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        com.vaadin.flow.router.RouterLink password = new com.vaadin.flow.router.RouterLink("Change password",
                org.knead.admin.security.ChangePasswordView.class);
        password.setId("change-password-link");
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, who, password, logout);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(who);
        who.getStyle().set("text-align", "right");
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(new SideNavItem("Dashboard", ""));
        nav.addItem(new SideNavItem("Content", "content"));
        if (actor.isEditor()) {
            nav.addItem(new SideNavItem("Approvals", "reviews"));
        }
        if (actor.isClinician()) {
            nav.addItem(new SideNavItem("Clinical review", "clinical"));
        }
        if (actor.isEditor()) {
            nav.addItem(new SideNavItem("Audit log", "audit"));
        }
        if (actor.has(Role.ADMIN)) {
            nav.addItem(new SideNavItem("Users", "users"));
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }
}
