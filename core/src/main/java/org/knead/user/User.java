package org.knead.user;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who works in the console. Never deleted: a disabled user keeps their history.
 *
 * @param passwordHash       a delegating-encoder hash ({@code {bcrypt}...}); never the password
 * @param failedLogins       login attempts since the last successful one
 *                           (counted atomically before the password is checked)
 * @param lastFailedLogin    when the last attempt that did not succeed was made; the count starts
 *                           again after a quiet {@code FAILURE_WINDOW}
 * @param delayedUntil       after repeated failures, the next attempt from an address that never
 *                           logged in to this account is answered only after this instant
 * @param sessionVersion     the security stamp: raised whenever the account's standing changes
 *                           (disabled, enabled, roles, password), which ends every session that
 *                           started with an older one
 * @param mustChangePassword the password was generated or set by someone else: the next login
 *                           leads to "change your password" before anything else
 * @param knownOrigins       addresses this account logged in from successfully (the last few);
 *                           they skip the per-account delay, so that an attacker cannot lock out the team
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
        Instant lastFailedLogin,
        Instant delayedUntil,
        long sessionVersion,
        boolean mustChangePassword,
        List<String> knownOrigins) {

    public User {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        knownOrigins = knownOrigins == null ? List.of() : List.copyOf(knownOrigins);
    }

    /** Logins from unknown addresses wait until {@link #delayedUntil()}. */
    public boolean isDelayed(Instant now) {
        return delayedUntil != null && now.isBefore(delayedUntil);
    }

    public Actor asActor(String origin) {
        return new Actor(username, roles, origin);
    }
}
