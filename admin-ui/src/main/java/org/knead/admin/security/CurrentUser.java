package org.knead.admin.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.EnumSet;
import java.util.Set;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.user.Actor;
import org.knead.user.Role;
import org.knead.user.User;
import org.knead.user.UserService;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

/** The logged-in person as core sees them: an {@link Actor} with their roles and address. */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;
    private final AuditLog audit;
    private final UserService users;

    CurrentUser(AuthenticationContext authentication, AuditLog audit, UserService users) {
        this.authentication = authentication;
        this.audit = audit;
        this.users = users;
    }

    public Actor actor() {
        UserDetails user = authentication.getAuthenticatedUser(UserDetails.class)
                .orElseThrow(() -> new IllegalStateException("Nobody is logged in"));
        VaadinRequest request = VaadinRequest.getCurrent();
        String origin = request == null ? "unknown" : request.getRemoteAddr();
        // Core decides with the roles as stored now: a role taken away or an account disabled
        // during a session counts at once, not at the next login.
        java.util.Optional<User> stored = users.find(user.getUsername());
        if (stored.isPresent()) {
            User u = stored.get();
            return new Actor(u.username(), u.enabled() ? u.roles() : Set.of(), origin);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : user.getAuthorities()) {
            String name = a.getAuthority();
            if (name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // not one of ours
                }
            }
        }
        return new Actor(user.getUsername(), roles, origin);
    }

    public String username() {
        return actor().username();
    }

    public boolean has(Role role) {
        return actor().has(role);
    }

    public void logout() {
        Actor actor = actor();
        audit.record(actor, AuditAction.LOGOUT, null, null, null);
        authentication.logout();
    }
}
