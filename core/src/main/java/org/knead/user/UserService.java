package org.knead.user;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditLog;
import org.knead.content.ContentValidationException;
import org.knead.revision.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users and their roles, stored in MongoDB with delegating-encoder password hashes. Managing users
 * needs the ADMIN role; every change is audited.
 *
 * <p>Login throttling (OWASP ASVS 2.2.1) never locks an account: every attempt is counted
 * atomically ({@code $inc}) before the password is checked; after {@link #FREE_ATTEMPTS} attempts
 * without a success, an address that never logged in to the account gets one attempt per delay,
 * doubling from one second up to {@link #MAX_DELAY}. Addresses the account logged in from before
 * are not delayed, so an attacker guessing passwords cannot keep the team out.
 *
 * <p>Every change of an account's standing (disabled, enabled, roles, password) raises its
 * {@link User#sessionVersion()}: the console ends every session that started with an older one.
 */
@Service
public class UserService {

    /** Attempts without a success after which unknown addresses are delayed. */
    public static final int FREE_ATTEMPTS = 5;
    /** A quiet time after which the count of failed attempts starts again. */
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    /** The longest delay between two attempts on one account from unknown addresses. */
    public static final Duration MAX_DELAY = Duration.ofSeconds(60);
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 64;
    /** BCrypt reads at most 72 bytes of a password. */
    public static final int MAX_PASSWORD_BYTES = 72;
    /** How many addresses of successful logins an account remembers. */
    public static final int KNOWN_ORIGINS = 5;

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

    /** The display names of the enabled admins: whom to ask about an account. */
    public List<String> adminNames() {
        return mongo.find(new Query(Criteria.where("enabled").is(true)).with(Sort.by("_id")), User.class).stream()
                .filter(u -> u.roles().contains(Role.ADMIN)).map(User::displayName).toList();
    }

    /** Creates a user with the given password. */
    public User create(String username, String displayName, String password, Set<Role> roles, Actor by) {
        return create(username, displayName, password, roles, by, false);
    }

    /** Creates a user; with {@code mustChangePassword}, their first login leads to "change your password". */
    public User create(String username, String displayName, String password, Set<Role> roles, Actor by,
            boolean mustChangePassword) {
        requireAdmin(by);
        return insert(username, displayName, password, roles, by, mustChangePassword);
    }

    /**
     * Creates the first admin when there are no users at all; answers empty when there are some.
     * The password is random and must be changed at the first login.
     */
    public Optional<String> createFirstAdminIfNone(String username) {
        if (count() > 0) {
            return Optional.empty();
        }
        String password = randomPassword();
        try {
            insert(username, "Administrator", password, Set.of(Role.ADMIN, Role.EDITOR), Actor.SYSTEM, true);
        } catch (ContentValidationException alreadyThere) {
            return Optional.empty();
        }
        return Optional.of(password);
    }

    /**
     * Creates a user with a random password (to be changed at the first login) unless one of that
     * name exists; answers the password.
     */
    public Optional<String> createIfAbsent(String username, String displayName, Set<Role> roles) {
        if (find(username).isPresent()) {
            return Optional.empty();
        }
        String password = randomPassword();
        insert(username, displayName, password, roles, Actor.SYSTEM, true);
        return Optional.of(password);
    }

    private User insert(String username, String displayName, String password, Set<Role> roles, Actor by,
            boolean mustChangePassword) {
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
                encoder.encode(password), EnumSet.copyOf(roles), true, clock.instant(), by.username(), 0, null, null,
                0, mustChangePassword, List.of());
        try {
            mongo.insert(user);
        } catch (DuplicateKeyException e) {
            throw new ContentValidationException("A user named '" + name + "' already exists.");
        }
        audit.record(by, AuditAction.USER_CREATED, null, null, name + " " + roles);
        return user;
    }

    /** Changes a user's roles; their sessions end. */
    public User changeRoles(String username, Set<Role> roles, Actor by) {
        requireAdmin(by);
        if (roles == null || roles.isEmpty()) {
            throw new ContentValidationException("A user needs at least one role.");
        }
        if (username.equals(by.username()) && !roles.contains(Role.ADMIN)) {
            throw new ContentValidationException("You cannot remove your own ADMIN role.");
        }
        User user = update(username, new Update().set("roles", EnumSet.copyOf(roles)).inc("sessionVersion", 1));
        audit.record(by, AuditAction.USER_ROLES_CHANGED, null, null, username + " " + roles);
        return user;
    }

    /** Enables or disables a user; their sessions end. */
    public User setEnabled(String username, boolean enabled, Actor by) {
        requireAdmin(by);
        if (!enabled && username.equals(by.username())) {
            throw new ContentValidationException("You cannot disable your own account.");
        }
        User user = update(username, new Update().set("enabled", enabled).inc("sessionVersion", 1));
        audit.record(by, enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED, null, null, username);
        return user;
    }

    /**
     * An admin sets a new password for another user: their sessions end, the login delay is
     * lifted, and they must change the password at their next login. Nobody resets their own
     * password: {@link #changeOwnPassword} asks for the current one.
     */
    public User resetPassword(String username, String newPassword, Actor by) {
        if (!by.has(Role.ADMIN)) {
            throw new AccessDeniedException(by.username() + " may not change another user's password.");
        }
        if (by.username().equals(username)) {
            throw new AccessDeniedException("Change your own password with 'Change password', which asks for your "
                    + "current one.");
        }
        checkPassword(newPassword);
        User user = update(username, new Update().set("passwordHash", encoder.encode(newPassword))
                .set("failedLogins", 0).unset("delayedUntil").set("mustChangePassword", true)
                .inc("sessionVersion", 1));
        audit.record(by, AuditAction.PASSWORD_RESET, null, null, username);
        return user;
    }

    /**
     * Everyone changes their own password with the current one. Other sessions of the account end
     * (the answer carries the new {@link User#sessionVersion()} for the session that made the change).
     */
    public User changeOwnPassword(String username, String currentPassword, String newPassword, Actor by) {
        if (!by.username().equals(username)) {
            throw new AccessDeniedException(by.username() + " may not change another user's password here.");
        }
        User user = find(username).orElseThrow(() -> new NotFoundException("There is no user '" + username + "'."));
        if (!user.enabled()) {
            throw new AccessDeniedException("Your account is disabled: ask an administrator.");
        }
        if (currentPassword == null || currentPassword.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
                || !encoder.matches(currentPassword, user.passwordHash())) {
            throw new ContentValidationException("The current password is not right.");
        }
        checkPassword(newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new ContentValidationException("Choose a new password, not the current one.");
        }
        User changed = update(username, new Update().set("passwordHash", encoder.encode(newPassword))
                .set("mustChangePassword", false).inc("sessionVersion", 1));
        audit.record(by, AuditAction.PASSWORD_RESET, null, null, username + " (own password changed)");
        return changed;
    }

    /**
     * Counts a login attempt before its password is checked, atomically, and answers whether the
     * password may be checked now: false when the account is in its login delay and the address
     * never logged in to it. Unknown user names are always admitted (the caller then compares
     * against a dummy hash, taking the same time).
     */
    public boolean admitLogin(String username, String origin) {
        String name = normalize(username);
        if (name.isEmpty() || name.length() > 40) {
            return true;
        }
        Instant now = clock.instant();
        // a quiet window ends the count
        mongo.updateFirst(new Query(new Criteria().andOperator(Criteria.where("_id").is(name),
                new Criteria().orOperator(Criteria.where("lastFailedLogin").is(null),
                        Criteria.where("lastFailedLogin").lt(now.minus(FAILURE_WINDOW))))),
                new Update().set("failedLogins", 0).unset("delayedUntil"), User.class);
        User user = mongo.findAndModify(new Query(Criteria.where("_id").is(name)),
                new Update().inc("failedLogins", 1).set("lastFailedLogin", now),
                FindAndModifyOptions.options().returnNew(true), User.class);
        if (user == null || user.failedLogins() <= FREE_ATTEMPTS || user.knownOrigins().contains(origin)) {
            return true;
        }
        // one attempt per delay: claim the slot atomically, so parallel guesses cannot share it
        Instant next = now.plus(delayAfter(user.failedLogins()));
        long claimed = mongo.updateFirst(new Query(new Criteria().andOperator(Criteria.where("_id").is(name),
                new Criteria().orOperator(Criteria.where("delayedUntil").is(null),
                        Criteria.where("delayedUntil").lte(now)))),
                new Update().set("delayedUntil", next), User.class).getModifiedCount();
        return claimed == 1;
    }

    /** 1 s after the first attempt over the free ones, doubling, at most {@link #MAX_DELAY}. */
    static Duration delayAfter(int attempts) {
        int over = Math.max(0, attempts - FREE_ATTEMPTS - 1);
        long seconds = over >= 20 ? MAX_DELAY.toSeconds() : Math.min(MAX_DELAY.toSeconds(), 1L << over);
        return Duration.ofSeconds(seconds);
    }

    /** Audits a failed login (the attempt was counted by {@link #admitLogin}). */
    public void recordFailedLogin(String username, String origin, String reason) {
        String name = normalize(username);
        String shown = name.length() > 40 ? name.substring(0, 40) : name;
        audit.record(new Actor(shown.isEmpty() ? "(blank)" : shown, Set.of(), origin), AuditAction.LOGIN_FAILED,
                null, null, reason);
    }

    /** A successful login: the count starts again and the address becomes a known one. */
    public void recordLogin(String username, String origin) {
        User user = mongo.findAndModify(new Query(Criteria.where("_id").is(username)),
                new Update().set("failedLogins", 0).unset("lastFailedLogin").unset("delayedUntil"),
                FindAndModifyOptions.options().returnNew(true), User.class);
        if (user == null) {
            return;
        }
        if (origin != null && !user.knownOrigins().contains(origin)) {
            List<String> known = new ArrayList<>(user.knownOrigins());
            known.add(origin);
            while (known.size() > KNOWN_ORIGINS) {
                known.remove(0);
            }
            mongo.updateFirst(new Query(Criteria.where("_id").is(username)), new Update().set("knownOrigins", known),
                    User.class);
        }
        audit.record(user.asActor(origin), AuditAction.LOGIN, null, null, null);
    }

    public boolean isDelayed(String username) {
        return find(username).map(u -> u.isDelayed(clock.instant())).orElse(false);
    }

    public static String randomPassword() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return sb.toString();
    }

    private static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase();
    }

    private User update(String username, Update update) {
        User updated = mongo.findAndModify(new Query(Criteria.where("_id").is(username)), update,
                FindAndModifyOptions.options().returnNew(true), User.class);
        if (updated == null) {
            throw new NotFoundException("There is no user '" + username + "'.");
        }
        return updated;
    }

    /** 12 to 64 characters, and at most 72 bytes in UTF-8 (what BCrypt reads). */
    public static void checkPassword(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_PASSWORD) {
            throw new ContentValidationException("A password needs at least " + MIN_PASSWORD + " characters.");
        }
        if (length > MAX_PASSWORD) {
            throw new ContentValidationException("A password may be at most " + MAX_PASSWORD + " characters.");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PASSWORD_BYTES) {
            throw new ContentValidationException("A password may be at most " + MAX_PASSWORD_BYTES
                    + " bytes long in UTF-8 (the limit of the password hash); this one has " + bytes
                    + ": accented letters and symbols take 2 to 4 bytes each. Use fewer of them or a shorter password.");
        }
    }

    private static void requireAdmin(Actor by) {
        if (!by.has(Role.ADMIN)) {
            throw new AccessDeniedException(by.username() + " may not manage users: only admins may.");
        }
    }
}
