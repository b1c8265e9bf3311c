package org.knead.admin.security;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Set;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.seed.InitialPasswords;
import org.knead.user.User;
import org.knead.user.UserService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The logged-in person as core sees them: an {@link Actor} with the roles stored now (one
 * {@code _id} lookup per call), never the roles of the login. A disabled account, or one that
 * changed since the login, gets no actor at all, with a refusal that says why.
 */
@Component
public class CurrentUser {

    private final AuthenticationContext authentication;
    private final AuditLog audit;
    private final UserService users;
    private final InitialPasswords initialPasswords;
    private final SecurityContextHolderStrategy contexts;

    CurrentUser(AuthenticationContext authentication, AuditLog audit, UserService users,
            InitialPasswords initialPasswords, SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
        this.authentication = authentication;
        this.audit = audit;
        this.users = users;
        this.initialPasswords = initialPasswords;
    }

    /** The session's principal; throws when nobody is logged in. */
    KneadPrincipal principal() {
        return authentication.getAuthenticatedUser(KneadPrincipal.class)
                .orElseThrow(() -> new AccessDeniedException("You are not logged in."));
    }

    public boolean isLoggedIn() {
        return authentication.getAuthenticatedUser(KneadPrincipal.class).isPresent();
    }

    /** The login name of the session, without checking the account (for the password view and logout). */
    public String loginName() {
        return principal().getUsername();
    }

    /** The account as stored now, checked: enabled and unchanged since the login. */
    private User standing() {
        KneadPrincipal principal = principal();
        User user = users.find(principal.getUsername()).orElse(null);
        if (user == null || !user.enabled()) {
            throw new AccessDeniedException("Your account is disabled: ask an administrator" + whom() + ".");
        }
        if (user.sessionVersion() != principal.sessionVersion()) {
            throw new AccessDeniedException("Your account changed since you logged in (roles or password): "
                    + "log in again.");
        }
        return user;
    }

    public Actor actor() {
        User user = standing();
        if (user.mustChangePassword()) {
            throw new AccessDeniedException("Change your password first.");
        }
        return new Actor(user.username(), user.roles(), origin());
    }

    public boolean mustChangePassword() {
        return standing().mustChangePassword();
    }

    public String username() {
        return actor().username();
    }

    public boolean has(Role role) {
        return actor().has(role);
    }

    /**
     * Changes the password of the logged-in user (the current one is required). Every other
     * session of the account ends; this one goes on with the new security stamp.
     */
    public void changeOwnPassword(String currentPassword, String newPassword) {
        User user = standing();
        User changed = users.changeOwnPassword(user.username(), currentPassword, newPassword,
                new Actor(user.username(), user.roles(), origin()));
        KneadPrincipal principal = new KneadPrincipal(changed);
        Authentication before = contexts.getContext().getAuthentication();
        UsernamePasswordAuthenticationToken after = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        after.setDetails(before == null ? null : before.getDetails());
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(after);
        contexts.setContext(context);
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getSession() != null) {
            session.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        }
        initialPasswords.forget(user.username());
    }

    public void logout() {
        audit.record(new Actor(loginName(), Set.of(), origin()), AuditAction.LOGOUT, null, null, null);
        authentication.logout();
    }

    private static String origin() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    private String whom() {
        var admins = users.adminNames();
        return admins.isEmpty() ? "" : " (" + String.join(", ", admins) + ")";
    }
}
