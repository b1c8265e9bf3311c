package org.knead.admin.security;

import java.util.Set;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.user.Actor;
import org.knead.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes logins and failed logins to the store: a wrong password counts towards locking the
 * account (core locks it after repeated failures); an attempt on a locked or disabled account is
 * audited without extending the lock.
 */
@Component
class LoginAuditor {

    private final UserService users;
    private final AuditLog audit;

    LoginAuditor(UserService users, AuditLog audit) {
        this.users = users;
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        users.recordLogin(event.getAuthentication().getName(), origin(event.getAuthentication()));
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String name = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase();
        String origin = origin(attempt);
        if (event.getException() instanceof LockedException || event.getException() instanceof DisabledException) {
            String shown = name.length() > 40 ? name.substring(0, 40) : name;
            audit.record(new Actor(shown.isEmpty() ? "(blank)" : shown, Set.of(), origin), AuditAction.LOGIN_FAILED,
                    null, null, event.getException() instanceof LockedException ? "account locked" : "account disabled");
            return;
        }
        users.recordFailedLogin(name, origin);
    }

    private static String origin(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
    }
}
