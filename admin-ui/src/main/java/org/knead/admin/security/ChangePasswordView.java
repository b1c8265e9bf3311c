package org.knead.admin.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.knead.admin.layout.Feedback;
import org.knead.user.UserService;

/**
 * Everyone changes their own password here, with the current one. A user whose password was
 * generated (first start) or set by an admin is sent here before anything else.
 */
@Route("password")
@PageTitle("Change password | Knead")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    public ChangePasswordView(CurrentUser currentUser) {
        setMaxWidth("32em");
        H2 heading = new H2("Change your password");
        heading.setId("change-password-heading");
        add(heading);
        if (currentUser.mustChangePassword()) {
            Paragraph why = new Paragraph("Your password was generated or set by someone else: choose your own "
                    + "before you go on.");
            why.setId("must-change-password");
            add(why);
        }
        add(new Paragraph("Signed in as " + currentUser.loginName() + ". A password has " + UserService.MIN_PASSWORD
                + " to " + UserService.MAX_PASSWORD + " characters (at most " + UserService.MAX_PASSWORD_BYTES
                + " bytes: accented letters and symbols count for 2 to 4). Your other sessions end."));
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("password-new");
        PasswordField repeat = new PasswordField("New password again");
        repeat.setId("password-repeat");
        for (PasswordField f : new PasswordField[] {current, next, repeat}) {
            f.setWidthFull();
        }
        Button change = new Button("Change password", e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                Feedback.error("The new password and its repetition differ.");
                return;
            }
            if (Feedback.attempt(() -> currentUser.changeOwnPassword(current.getValue(), next.getValue()))) {
                current.clear();
                next.clear();
                repeat.clear();
                Feedback.success("Your password was changed.");
                getUI().ifPresent(ui -> ui.navigate(""));
            }
        });
        change.setId("change-password-button");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button logout = new Button("Log out", e -> currentUser.logout());
        logout.setId("password-logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(current, next, repeat, new HorizontalLayout(change, logout));
    }
}
