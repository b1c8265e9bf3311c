package org.knead.actor;

import java.util.Objects;
import java.util.Set;

/**
 * Who is doing something, as core sees it: a user name, the roles they hold, and where the
 * request came from (an address, or "system" for the scheduler and the import).
 */
public record Actor(String username, Set<Role> roles, String origin) {

    public static final Actor SYSTEM = new Actor("system", Set.of(Role.ADMIN, Role.EDITOR), "system");

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        origin = origin == null ? "unknown" : origin;
    }

    public static Actor of(String username, Role... roles) {
        return new Actor(username, Set.of(roles), "local");
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isEditor() {
        return has(Role.EDITOR) || has(Role.ADMIN);
    }

    public boolean isClinician() {
        return has(Role.CLINICIAN);
    }

    /** @throws AccessDeniedException unless this actor is an editor (or admin) */
    public void requireEditor(String what) {
        if (!isEditor()) {
            throw new AccessDeniedException(username + " may not " + what + ": only editors may.");
        }
    }
}
