package org.knead.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.content.ContentValidationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users and their roles, stored in MongoDB with delegating-encoder password hashes. Managing users
 * needs the ADMIN role; every change is audited. Repeated failed logins lock an account for a while.
 */
@Service
public class UserService {

    /** Failed logins allowed within {@link #FAILURE_WINDOW} before the account is locked. */
    public static final int MAX_FAILURES = 5;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK_TIME = Duration.ofMinutes(15);
    public static final int MIN_PASSWORD = 12;

    private static final Pattern USERNAME = Pattern.compile("^[a-z][a-z0-9._-]{1,39}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final MongoTemplate mongo;
    private final AuditLog audit;
    private final Clock clock;
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    public UserService(MongoTemplate mongo, AuditLog audit, Clock clock) {
        this.mongo = mongo;
        this.audit = audit;
        this.clock = clock;
    }

    public PasswordEncoder passwordEncoder() {
        return encoder;
    }

    public Optional<User> find(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(mongo.findById(username, User.class));
    }

    public List<User> all() {
        return mongo.find(new Query().with(Sort.by("_id")), User.class);
    }

    public long count() {
        return mongo.count(new Query(), User.class);
    }

    /** Creates a user with the given password. */
    public User create(String username, String displayName, String password, Set<Role> roles, Actor by) {
        requireAdmin(by);
        return insert(username, displayName, password, roles, by);
    }

    /** Creates the first admin when there are no users at all; answers empty when there are some. */
    public Optional<String> createFirstAdminIfNone(String username) {
        if (count() > 0) {
            return Optional.empty();
        }
        String password = randomPassword();
        try {
            insert(username, "Administrator", password, Set.of(Role.ADMIN, Role.EDITOR), Actor.SYSTEM);
        } catch (ContentValidationException alreadyThere) {
            return Optional.empty();
        }
        return Optional.of(password);
    }

    /** Creates a user with a random password unless one of that name exists; answers the password. */
    public Optional<String> createIfAbsent(String username, String displayName, Set<Role> roles) {
        if (find(username).isPresent()) {
            return Optional.empty();
        }
        String password = randomPassword();
        insert(username, displayName, password, roles, Actor.SYSTEM);
        return Optional.of(password);
    }

    private User insert(String username, String displayName, String password, Set<Role> roles, Actor by) {
        String name = username == null ? "" : username.strip().toLowerCase();
        if (!USERNAME.matcher(name).matches()) {
            throw new ContentValidationException("A user name is 2-40 characters: lowercase letters, digits, '.', '_'"
                    + " or '-', starting with a letter.");
        }
        checkPassword(password);
        if (roles == null || roles.isEmpty()) {
            throw new ContentValidationException("A user needs at least one role.");
        }
        User user = new User(name, displayName == null || displayName.isBlank() ? name : displayName.strip(),
                encoder.encode(password), EnumSet.copyOf(roles), true, clock.instant(), by.username(), 0, null, null);
        try {
            mongo.insert(user);
        } catch (DuplicateKeyException e) {
            throw new ContentValidationException("A user named '" + name + "' already exists.");
        }
        audit.record(by, AuditAction.USER_CREATED, null, null, name + " " + roles);
        return user;
    }

    public User changeRoles(String username, Set<Role> roles, Actor by) {
        requireAdmin(by);
        if (roles == null || roles.isEmpty()) {
            throw new ContentValidationException("A user needs at least one role.");
        }
        if (username.equals(by.username()) && !roles.contains(Role.ADMIN)) {
            throw new ContentValidationException("You cannot remove your own ADMIN role.");
        }
        User user = update(username, new Update().set("roles", EnumSet.copyOf(roles)));
        audit.record(by, AuditAction.USER_ROLES_CHANGED, null, null, username + " " + roles);
        return user;
    }

    public User setEnabled(String username, boolean enabled, Actor by) {
        requireAdmin(by);
        if (!enabled && username.equals(by.username())) {
            throw new ContentValidationException("You cannot disable your own account.");
        }
        User user = update(username, new Update().set("enabled", enabled));
        audit.record(by, enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, null, null, username);
        return user;
    }

    /** Sets a new password (an admin for anyone, a user for themselves); unlocks the account. */
    public User resetPassword(String username, String newPassword, Actor by) {
        if (!by.has(Role.ADMIN) && !by.username().equals(username)) {
            throw new AccessDeniedException(by.username() + " may not change another user's password.");
        }
        checkPassword(newPassword);
        User user = update(username, new Update().set("passwordHash", encoder.encode(newPassword))
                .set("failedLogins", 0).unset("lockedUntil"));
        audit.record(by, AuditAction.PASSWORD_RESET, null, null, username);
        return user;
    }

    /** Records a failed login; locks the account after too many in a short time. */
    public void recordFailedLogin(String username, String origin) {
        Instant now = clock.instant();
        String name = username == null ? "" : username.strip().toLowerCase();
        find(name).ifPresent(user -> {
            boolean windowOpen = user.failureWindowStart() != null
                    && now.isBefore(user.failureWindowStart().plus(FAILURE_WINDOW));
            int failures = windowOpen ? user.failedLogins() + 1 : 1;
            Update u = new Update().set("failedLogins", failures)
                    .set("failureWindowStart", windowOpen ? user.failureWindowStart() : now);
            if (failures >= MAX_FAILURES) {
                u.set("lockedUntil", now.plus(LOCK_TIME));
            }
            mongo.updateFirst(new Query(Criteria.where("_id").is(name)), u, User.class);
        });
        String shown = name.length() > 40 ? name.substring(0, 40) : name;
        audit.record(new Actor(shown.isEmpty() ? "(blank)" : shown, Set.of(), origin), AuditAction.LOGIN_FAILED,
                null, null, null);
    }

    public void recordLogin(String username, String origin) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(username)),
                new Update().set("failedLogins", 0).unset("failureWindowStart").unset("lockedUntil"), User.class);
        find(username).ifPresent(u -> audit.record(u.asActor(origin), AuditAction.LOGIN, null, null, null));
    }

    public boolean isLocked(String username) {
        return find(username).map(u -> u.isLocked(clock.instant())).orElse(false);
    }

    public static String randomPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return sb.toString();
    }

    private User update(String username, Update update) {
        User updated = mongo.findAndModify(new Query(Criteria.where("_id").is(username)), update,
                org.springframework.data.mongodb.core.FindAndModifyOptions.options().returnNew(true), User.class);
        if (updated == null) {
            throw new org.knead.revision.NotFoundException("There is no user '" + username + "'.");
        }
        return updated;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new ContentValidationException("A password needs at least " + MIN_PASSWORD + " characters.");
        }
        if (password.length() > 128) {
            throw new ContentValidationException("A password may be at most 128 characters.");
        }
    }

    private static void requireAdmin(Actor by) {
        if (!by.has(Role.ADMIN)) {
            throw new AccessDeniedException(by.username() + " may not manage users: only admins may.");
        }
    }
}
