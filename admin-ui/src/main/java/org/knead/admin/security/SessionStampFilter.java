package org.knead.admin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.knead.actor.Actor;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.user.User;
import org.knead.user.UserService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On every request of a logged-in session (page loads, Vaadin's UI requests and heartbeats alike)
 * compares the session's security stamp with the account's stored one ({@code _id} lookup): when
 * the account is gone, disabled, or its stamp moved on (roles changed, password reset or changed
 * elsewhere), the session is invalidated before anything else sees the request. Vaadin then
 * answers its UI request with "session expired", the browser reloads, and the login page follows;
 * a heartbeat cannot keep such a session alive.
 */
class SessionStampFilter extends OncePerRequestFilter {

    private final UserService users;
    private final AuditLog audit;
    private final SecurityContextHolderStrategy contexts;

    /** @param contexts the strategy the security filter chain uses (the application's bean, not a static one) */
    SessionStampFilter(UserService users, AuditLog audit, SecurityContextHolderStrategy contexts) {
        this.users = users;
        this.audit = audit;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof KneadPrincipal principal) {
            Optional<User> stored = users.find(principal.getUsername());
            String why = why(principal, stored);
            if (why != null) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                contexts.clearContext();
                audit.record(new Actor(principal.getUsername(), Set.of(), request.getRemoteAddr()), AuditAction.LOGOUT,
                        null, null, "session ended: " + why);
            }
        }
        chain.doFilter(request, response);
    }

    /** Why the session may not go on; null when it may. */
    static String why(KneadPrincipal principal, Optional<User> stored) {
        if (stored.isEmpty()) {
            return "the account no longer exists";
        }
        if (!stored.get().enabled()) {
            return "the account was disabled";
        }
        if (stored.get().sessionVersion() != principal.sessionVersion()) {
            return "the account changed (roles or password)";
        }
        return null;
    }
}
