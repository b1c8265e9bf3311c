package org.knead.admin.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.knead.actor.Role;
import org.knead.admin.layout.Confirm;
import org.knead.admin.layout.Feedback;
import org.knead.admin.layout.Formats;
import org.knead.admin.layout.MainLayout;
import org.knead.admin.security.CurrentUser;
import org.knead.user.User;
import org.knead.user.UserService;

/** Admins manage the people who work in the console: create, change roles, disable, reset password. */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users | Knead")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final CurrentUser currentUser;
    private final Grid<User> grid = new Grid<>(User.class, false);

    public UsersView(UserService users, CurrentUser currentUser, Clock clock) {
        this.users = users;
        this.currentUser = currentUser;
        setWidthFull();
        grid.setId("users-grid");
        grid.addColumn(User::username).setHeader("User name");
        grid.addColumn(User::displayName).setHeader("Name");
        grid.addColumn(u -> String.join(", ", u.roles().stream().map(Role::name).sorted().toList())).setHeader("Roles");
        grid.addColumn(u -> !u.enabled() ? "disabled" : u.isDelayed(clock.instant())
                ? "logins from new addresses delayed until " + Formats.time(u.delayedUntil())
                : u.mustChangePassword() ? "active, must change password" : "active").setHeader("Status");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2("Users"), grid, new H3("New user"), createForm());
        refresh();
    }

    private void refresh() {
        grid.setItems(users.all());
    }

    private FormLayout createForm() {
        TextField username = new TextField("User name");
        username.setId("new-username");
        TextField name = new TextField("Display name");
        name.setId("new-display-name");
        PasswordField password = new PasswordField("Initial password (" + UserService.MIN_PASSWORD + " to "
                + UserService.MAX_PASSWORD + " characters; changed at the first login)");
        password.setId("new-password");
        CheckboxGroup<Role> roles = roles();
        roles.setId("new-roles");
        Button create = new Button("Create user", e -> {
            if (Feedback.attempt(() -> users.create(username.getValue(), name.getValue(), password.getValue(),
                    roles.getValue(), currentUser.actor(), true))) {
                Feedback.success("Created " + username.getValue().strip().toLowerCase() + ".");
                username.clear();
                name.clear();
                password.clear();
                roles.clear();
                refresh();
            }
        });
        create.setId("create-user-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(username, name, password, roles, create);
        return form;
    }

    private static CheckboxGroup<Role> roles() {
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::name);
        return roles;
    }

    private HorizontalLayout actions(User user) {
        Button changeRoles = new Button("Roles…", e -> {
            CheckboxGroup<Role> roles = roles();
            roles.setValue(user.roles().isEmpty() ? Set.of() : EnumSet.copyOf(user.roles()));
            Confirm.open("Roles of " + user.username(), "Choose what " + user.username() + " may do.", "Save roles",
                    () -> {
                        users.changeRoles(user.username(), roles.getValue(), currentUser.actor());
                        refresh();
                    }, roles);
        });
        Button enable = new Button(user.enabled() ? "Disable" : "Enable", e -> Confirm.open(
                (user.enabled() ? "Disable " : "Enable ") + user.username() + "?",
                user.enabled() ? user.username() + " will no longer be able to log in. Their history stays."
                        : user.username() + " will be able to log in again.",
                user.enabled() ? "Disable" : "Enable", () -> {
                    users.setEnabled(user.username(), !user.enabled(), currentUser.actor());
                    refresh();
                }));
        Button reset = new Button("Reset password…", e -> {
            if (user.username().equals(currentUser.loginName())) {
                getUI().ifPresent(ui -> ui.navigate(org.knead.admin.security.ChangePasswordView.class));
                return;
            }
            PasswordField password = new PasswordField("New password");
            password.setId("reset-password");
            Confirm.open("New password for " + user.username(), "Their sessions end and the login delay is lifted; "
                    + "they must change the password at their next login. Tell " + user.username()
                    + " the new password in person or over a secure channel.", "Set password",
                    () -> {
                        users.resetPassword(user.username(), password.getValue(), currentUser.actor());
                        Feedback.success("Password of " + user.username() + " changed.");
                        refresh();
                    }, password);
        });
        for (Button b : new Button[] {changeRoles, enable, reset}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(changeRoles, enable, reset);
    }
}
