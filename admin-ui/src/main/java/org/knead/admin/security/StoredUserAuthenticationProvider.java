package org.knead.admin.security;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.knead.user.User;
import org.knead.user.UserService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The console's login against the users in the store, so that a failure tells an attacker nothing:
 * <ul>
 * <li>every attempt passes the per-address limit ({@link LoginRateLimiter}) and the per-account
 *     delay (core's {@link UserService#admitLogin}, counted atomically before the check);</li>
 * <li>every failure, whatever its cause (unknown name, wrong password, address or account
 *     delayed, a password longer than BCrypt reads), takes one password-hash comparison and ends
 *     with the same {@link BadCredentialsException} message;</li>
 * <li>only with the right password is a disabled user told what happened and whom to ask.</li>
 * </ul>
 */
@Component
public class StoredUserAuthenticationProvider implements AuthenticationProvider {

    /** The one message of every failed login. */
    public static final String FAILED = "Wrong user name or password.";

    private final UserService users;
    private final LoginRateLimiter addresses;
    private final String dummyHash;

    public StoredUserAuthenticationProvider(UserService users, LoginRateLimiter addresses) {
        this.users = users;
        this.addresses = addresses;
        this.dummyHash = users.passwordEncoder().encode(UserService.randomPassword());
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = attempt.getName() == null ? "" : attempt.getName().strip().toLowerCase();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String origin = attempt.getDetails() instanceof WebAuthenticationDetails d && d.getRemoteAddress() != null
                ? d.getRemoteAddress() : "unknown";
        if (!addresses.tryAttempt(origin)) {
            return fail(name, origin, password, "too many attempts from this address");
        }
        if (!users.admitLogin(name, origin)) {
            return fail(name, origin, password, "account in its login delay");
        }
        Optional<User> found = name.length() > 40 ? Optional.empty() : users.find(name);
        boolean matches = matches(password, found.map(User::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches) {
            users.recordFailedLogin(name, origin, found.isEmpty() ? "unknown user" : "wrong password");
            throw new BadCredentialsException(FAILED);
        }
        User user = found.get();
        if (!user.enabled()) {
            users.recordFailedLogin(name, origin, "account disabled (right password)");
            throw new AccountStateException("Your account is disabled, so you cannot log in. Ask an administrator "
                    + "to enable it" + whom() + ".");
        }
        users.recordLogin(user.username(), origin);
        KneadPrincipal principal = new KneadPrincipal(user);
        UsernamePasswordAuthenticationToken done = UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities());
        done.setDetails(attempt.getDetails());
        return done;
    }

    private Authentication fail(String name, String origin, String password, String reason) {
        matches(password, dummyHash); // the same time as a real check
        users.recordFailedLogin(name, origin, reason);
        throw new BadCredentialsException(FAILED);
    }

    /** A password longer than BCrypt reads is compared (for the time) but never matches. */
    private boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > UserService.MAX_PASSWORD_BYTES) {
            users.passwordEncoder().matches("x".repeat(UserService.MAX_PASSWORD_BYTES), hash);
            return false;
        }
        return users.passwordEncoder().matches(password, hash);
    }

    private String whom() {
        var admins = users.adminNames();
        return admins.isEmpty() ? "" : " (" + String.join(", ", admins) + ")";
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
