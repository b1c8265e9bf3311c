package org.knead.user;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who works in the console. Never deleted: a disabled user keeps their history.
 *
 * @param passwordHash      a delegating-encoder hash ({@code {bcrypt}...}); never the password
 * @param failedLogins      failed logins in the current window
 * @param failureWindowStart when the current window of failed logins began
 * @param lockedUntil       logins are refused until then, after too many failures
 */
@Document("users")
public record User(
        @Id String username,
        String displayName,
        String passwordHash,
        Set<Role> roles,
        boolean enabled,
        Instant createdAt,
        String createdBy,
        int failedLogins,
        Instant failureWindowStart,
        Instant lockedUntil) {

    public User {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Actor asActor(String origin) {
        return new Actor(username, roles, origin);
    }
}
