package org.knead.admin.users;

import com.vaadin.flow.component.HasValidation;
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
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
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
import org.knead.content.ContentValidationException;
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
        grid.addColumn(User::username).setHeader("User name").setAutoWidth(true).setTooltipGenerator(User::username);
        grid.addColumn(User::displayName).setHeader("Name").setFlexGrow(1).setTooltipGenerator(User::displayName);
        grid.addColumn(u -> String.join(", ", u.roles().stream().map(Role::name).sorted().toList())).setHeader("Roles")
                .setAutoWidth(true);
        grid.addColumn(u -> !u.enabled() ? "disabled" : u.isDelayed(clock.instant())
                ? "logins from new addresses delayed until " + Formats.time(u.delayedUntil())
                : u.mustChangePassword() ? "active, must change password" : "active").setHeader("Status")
                .setFlexGrow(1).setTooltipGenerator(u -> u.enabled() ? null : "disabled: cannot log in");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2("Users"), grid, new H3("New user"), createForm());
        refresh();
    }

    private void refresh() {
        grid.setItems(users.all());
    }

    /** What the new-user form holds, for its binder. */
    private static final class NewUser {
        private String username = "";
        private String name = "";
        private String password = "";
        private Set<Role> roles = Set.of();
    }

    /**
     * The new-user form: its binder checks every field at once (required values, the password's length)
     * and marks each field with its problem; what only core can know (a name already taken) lands on the
     * field it concerns.
     */
    private FormLayout createForm() {
        TextField username = new TextField("User name");
        username.setId("new-username");
        username.setHelperText("2 to 40 characters: lowercase letters, digits, '.', '_' or '-', e.g. anna.berg");
        TextField name = new TextField("Display name");
        name.setId("new-display-name");
        name.setHelperText("Shown to the public with clinical reviews; the user name when left empty.");
        PasswordField password = new PasswordField("Initial password (" + UserService.MIN_PASSWORD + " to "
                + UserService.MAX_PASSWORD + " characters; changed at the first login)");
        password.setId("new-password");
        CheckboxGroup<Role> roles = roles();
        roles.setId("new-roles");
        Binder<NewUser> binder = new Binder<>();
        binder.forField(username).asRequired("User name: required, e.g. anna.berg.")
                .bind(u -> u.username, (u, v) -> u.username = v);
        binder.forField(name).bind(u -> u.name, (u, v) -> u.name = v);
        binder.forField(password).asRequired("Password: required, " + UserService.MIN_PASSWORD + " to "
                + UserService.MAX_PASSWORD + " characters.")
                .withValidator(v -> v.length() >= UserService.MIN_PASSWORD, "Password: at least "
                        + UserService.MIN_PASSWORD + " characters; a few words make a good one.")
                .withValidator(v -> v.length() <= UserService.MAX_PASSWORD, "Password: at most "
                        + UserService.MAX_PASSWORD + " characters.")
                .bind(u -> u.password, (u, v) -> u.password = v);
        binder.forField(roles).withValidator(r -> r != null && !r.isEmpty(), "Roles: choose at least one.")
                .bind(u -> u.roles, (u, v) -> u.roles = v);
        binder.setBean(new NewUser());
        Button create = new Button("Create user", e -> {
            BinderValidationStatus<NewUser> status = binder.validate();
            if (!status.isOk()) {
                int n = status.getValidationErrors().size();
                Feedback.error("Not created: " + n + (n == 1 ? " problem" : " problems") + ", marked on the form.");
                return;
            }
            NewUser draft = binder.getBean();
            try {
                users.create(draft.username, draft.name, draft.password, draft.roles, currentUser.actor(), true);
            } catch (ContentValidationException refused) {
                String message = refused.getMessage();
                HasValidation field = message.contains("password") ? password
                        : message.contains("role") ? roles : username;
                field.setErrorMessage(message);
                field.setInvalid(true);
                Feedback.error("Not created: " + message);
                return;
            }
            Feedback.success("Created " + draft.username.strip().toLowerCase() + " ("
                    + String.join(", ", draft.roles.stream().map(Role::name).sorted().toList())
                    + "); they choose their own password at the first login.");
            binder.setBean(new NewUser());
            refresh();
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
            roles.setId("roles-choice");
            roles.setValue(user.roles().isEmpty() ? Set.of() : EnumSet.copyOf(user.roles()));
            Confirm.open("Roles of " + user.username(), "Choose what " + user.username() + " may do.", "Save roles",
                    () -> {
                        users.changeRoles(user.username(), roles.getValue(), currentUser.actor());
                        Feedback.success("Roles of " + user.username() + " are now: " + String.join(", ",
                                roles.getValue().stream().map(Role::name).sorted().toList()) + ".");
                        refresh();
                    }, roles);
        });
        Button enable = new Button(user.enabled() ? "Disable" : "Enable", e -> Confirm.open(
                (user.enabled() ? "Disable " : "Enable ") + user.username() + "?",
                user.enabled() ? user.username() + " will no longer be able to log in. Their history stays."
                        : user.username() + " will be able to log in again.",
                user.enabled() ? "Disable" : "Enable", () -> {
                    users.setEnabled(user.username(), !user.enabled(), currentUser.actor());
                    Feedback.success(user.enabled()
                            ? "Disabled " + user.username() + ": they can no longer log in."
                            : "Enabled " + user.username() + ": they can log in again.");
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
        changeRoles.setId("roles-" + user.username());
        enable.setId((user.enabled() ? "disable-" : "enable-") + user.username());
        reset.setId("reset-" + user.username());
        for (Button b : new Button[] {changeRoles, enable, reset}) {
            b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(changeRoles, enable, reset);
    }
}
