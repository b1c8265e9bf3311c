package org.knead.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.user.UserService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The login provider and the current user, without a browser: each test tries an attack. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginSecurityTest {

    private static final String PASSWORD = "correct-horse-battery";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Actor ROOT = new Actor("root-admin", Set.of(Role.ADMIN), "test");

    @Autowired StoredUserAuthenticationProvider provider;
    @Autowired UserService users;
    @Autowired CurrentUser currentUser;

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private String user(String prefix, Role... roles) {
        String name = prefix + "l" + SEQUENCE.incrementAndGet() + "x" + (System.nanoTime() % 100000);
        users.create(name, "Name of " + name, PASSWORD, Set.of(roles), Actor.SYSTEM);
        return name;
    }

    private Authentication login(String name, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return provider.authenticate(attempt);
    }

    private AuthenticationException failure(String name, String password, String address) {
        try {
            login(name, password, address);
        } catch (AuthenticationException e) {
            return e;
        }
        throw new AssertionError("the login of " + name + " succeeded");
    }

    private static long millis(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** Attack: locked accounts answered faster and differently, telling a guesser which names exist. */
    @Test
    void everyFailureLooksAndTakesTheSame() {
        String victim = user("tv", Role.EDITOR);
        String wrongPassword = failure(victim, "wrong-password-1", "192.0.2.1").getMessage();
        String unknownUser = failure("nobody-" + victim, PASSWORD, "192.0.2.1").getMessage();
        String tooLong = failure(victim, "é".repeat(50), "192.0.2.1").getMessage(); // no 500 past BCrypt's limit
        for (int i = 0; i < 10; i++) {
            failure(victim, "wrong-password-" + i, "192.0.2.2");
        }
        assertThat(users.isDelayed(victim)).isTrue();
        AuthenticationException delayed = failure(victim, PASSWORD, "192.0.2.3"); // right password, in the delay
        assertThat(delayed).isInstanceOf(BadCredentialsException.class);
        assertThat(List.of(wrongPassword, unknownUser, tooLong, delayed.getMessage()))
                .containsOnly(StoredUserAuthenticationProvider.FAILED);

        String other = user("tw", Role.EDITOR);
        List<Long> wrong = new ArrayList<>();
        List<Long> throttled = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            wrong.add(millis(() -> failure(other, "wrong-password-" + n, "192.0.2." + (10 + n))));
            throttled.add(millis(() -> failure(victim, "wrong-password-" + n, "192.0.2." + (20 + n))));
        }
        assertThat(median(throttled)).as("a delayed account answers as slowly as a wrong password")
                .isGreaterThanOrEqualTo(median(wrong) / 3);
    }

    @Test
    void aDisabledUserIsToldWhatHappenedOnlyWithTheRightPassword() {
        String admin = user("ta", Role.ADMIN);
        String victim = user("td", Role.EDITOR);
        users.setEnabled(victim, false, ROOT);
        assertThat(failure(victim, "wrong-password-1", "192.0.2.30")).isInstanceOf(BadCredentialsException.class)
                .hasMessage(StoredUserAuthenticationProvider.FAILED);
        assertThat(failure(victim, PASSWORD, "192.0.2.30")).isInstanceOf(AccountStateException.class)
                .hasMessageContaining("disabled").hasMessageContaining("Ask an administrator")
                .hasMessageContaining("Name of " + admin);
    }

    @Test
    void oneAddressCannotGuessWithoutLimit() {
        LoginRateLimiter limiter = new LoginRateLimiter(3, 1);
        assertThat(List.of(limiter.tryAttempt("203.0.113.9"), limiter.tryAttempt("203.0.113.9"),
                limiter.tryAttempt("203.0.113.9"))).containsOnly(true);
        assertThat(limiter.tryAttempt("203.0.113.9")).isFalse();
        assertThat(limiter.tryAttempt("203.0.113.10")).isTrue();
    }

    /** Attack: a disabled user's save used to be refused with the wrong reason ("only editors may"). */
    @Test
    void aDisabledUsersActionIsRefusedBecauseTheAccountIsDisabled() {
        String editor = user("te", Role.EDITOR);
        Authentication session = login(editor, PASSWORD, "192.0.2.40");
        SecurityContextHolder.getContext().setAuthentication(session);
        assertThat(currentUser.actor().roles()).containsExactly(Role.EDITOR);

        users.changeRoles(editor, Set.of(Role.CLINICIAN), ROOT);
        assertThatThrownBy(() -> currentUser.actor()).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("log in again");

        users.setEnabled(editor, false, ROOT);
        assertThatThrownBy(() -> currentUser.actor()).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("Your account is disabled");
    }

    @Test
    void theActorHasTheStoredRolesNotTheLoginTimeOnes() {
        String editor = user("tr", Role.EDITOR, Role.ADMIN);
        SecurityContextHolder.getContext().setAuthentication(login(editor, PASSWORD, "192.0.2.50"));
        assertThat(currentUser.actor().roles()).contains(Role.ADMIN);
        users.changeRoles(editor, Set.of(Role.EDITOR), ROOT);
        assertThatThrownBy(() -> currentUser.actor()).isInstanceOf(AccessDeniedException.class);
    }
}
