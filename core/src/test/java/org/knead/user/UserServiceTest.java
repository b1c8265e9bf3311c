package org.knead.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.AccessDeniedException;
import org.knead.actor.Actor;
import org.knead.actor.Role;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditEntry;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;
import org.knead.content.ContentValidationException;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.MutableClock;
import org.knead.testing.StoreCleaner;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = CoreTestApplication.class)
class UserServiceTest {

    static final Actor ROOT = Actor.of("root", Role.ADMIN);

    @Autowired UserService users;
    @Autowired AuditLog audit;
    @Autowired MongoTemplate mongo;
    @Autowired MutableClock clock;

    @BeforeEach
    void clean() {
        StoreCleaner.clean(mongo);
    }

    @Test
    void theFirstAdminGetsARandomPasswordOnlyOnce() {
        String password = users.createFirstAdminIfNone("admin").orElseThrow();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(users.createFirstAdminIfNone("admin")).isEmpty();
        User admin = users.find("admin").orElseThrow();
        assertThat(admin.passwordHash()).startsWith("{bcrypt}").doesNotContain(password);
        assertThat(users.passwordEncoder().matches(password, admin.passwordHash())).isTrue();
        assertThat(admin.roles()).contains(Role.ADMIN);
        assertThat(admin.mustChangePassword()).as("the first login must change it").isTrue();
    }

    @Test
    void repeatedFailedLoginsDelayNewAddressesProgressivelyAndAreAudited() {
        users.create("anna", "Anna", "a-long-password-1", Set.of(Role.EDITOR), ROOT);
        for (int i = 0; i < UserService.FREE_ATTEMPTS; i++) {
            assertThat(users.admitLogin("anna", "10.0.0.9")).isTrue();
            users.recordFailedLogin("anna", "10.0.0.9", "wrong password");
        }
        assertThat(users.admitLogin("anna", "10.0.0.9")).as("the first attempt over the free ones").isTrue();
        assertThat(users.admitLogin("anna", "10.0.0.9")).as("within its delay").isFalse();
        assertThat(users.isDelayed("anna")).isTrue();
        clock.advance(UserService.MAX_DELAY.plus(Duration.ofSeconds(1)));
        assertThat(users.admitLogin("anna", "10.0.0.9")).as("after the delay").isTrue();
        assertThat(audit.count(new AuditQuery(null, null, AuditAction.LOGIN_FAILED, null, null)))
                .isEqualTo(UserService.FREE_ATTEMPTS);
        clock.advance(UserService.FAILURE_WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(users.admitLogin("anna", "10.0.0.9")).isTrue();
        assertThat(users.find("anna").orElseThrow().failedLogins()).as("a quiet window starts the count again")
                .isEqualTo(1);
    }

    @Test
    void theDelayDoublesUpToAMinute() {
        assertThat(UserService.delayAfter(UserService.FREE_ATTEMPTS + 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(UserService.delayAfter(UserService.FREE_ATTEMPTS + 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(UserService.delayAfter(UserService.FREE_ATTEMPTS + 4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(UserService.delayAfter(1000)).isEqualTo(UserService.MAX_DELAY);
    }

    /** Attack: many parallel guesses used to pass a read-modify-write counter. */
    @Test
    void parallelGuessesAreCountedExactlyAndOnlyAFewAreChecked() throws Exception {
        users.create("anna", "Anna", "a-long-password-1", Set.of(Role.EDITOR), ROOT);
        int guesses = 40;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        var admitted = new java.util.concurrent.atomic.AtomicInteger();
        var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < guesses; i++) {
            String origin = "198.51.100." + i;
            done.add(pool.submit(() -> {
                start.await();
                if (users.admitLogin("anna", origin)) {
                    admitted.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(users.find("anna").orElseThrow().failedLogins()).isEqualTo(guesses);
        assertThat(admitted.get()).isLessThanOrEqualTo(UserService.FREE_ATTEMPTS + 1);
    }

    /** Attack: an attacker's wrong guesses used to lock the victim out for 15 minutes. */
    @Test
    void anAttackerCannotKeepTheTeamOut() {
        users.create("anna", "Anna", "a-long-password-1", Set.of(Role.EDITOR), ROOT);
        assertThat(users.admitLogin("anna", "10.1.1.1")).isTrue();
        users.recordLogin("anna", "10.1.1.1"); // anna's usual address
        for (int i = 0; i < 50; i++) {
            users.admitLogin("anna", "203.0.113.66");
        }
        assertThat(users.admitLogin("anna", "203.0.113.66")).isFalse();
        assertThat(users.admitLogin("anna", "10.1.1.1")).as("anna from her usual address").isTrue();
    }

    @Test
    void everyChangeOfStandingRaisesTheSessionStamp() {
        long v0 = users.create("anna", "Anna", "a-long-password-1", Set.of(Role.EDITOR), ROOT).sessionVersion();
        long v1 = users.setEnabled("anna", false, ROOT).sessionVersion();
        long v2 = users.setEnabled("anna", true, ROOT).sessionVersion();
        long v3 = users.changeRoles("anna", Set.of(Role.CLINICIAN), ROOT).sessionVersion();
        long v4 = users.resetPassword("anna", "another-password-2", ROOT).sessionVersion();
        long v5 = users.changeOwnPassword("anna", "another-password-2", "annas-own-password",
                Actor.of("anna", Role.CLINICIAN)).sessionVersion();
        assertThat(java.util.List.of(v0, v1, v2, v3, v4, v5)).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void passwordsHave12To64CharactersAndAtMost72Bytes() {
        users.create("anna", "Anna", "a-long-password-1", Set.of(Role.EDITOR), ROOT);
        assertThatThrownBy(() -> UserService.checkPassword("eleven-char")).hasMessageContaining("12");
        UserService.checkPassword("x".repeat(64));
        assertThatThrownBy(() -> UserService.checkPassword("x".repeat(65))).hasMessageContaining("64");
        String accented = "é".repeat(40); // 40 characters, 80 bytes: BCrypt would fail on it
        assertThatThrownBy(() -> users.resetPassword("anna", accented, ROOT))
                .isInstanceOf(ContentValidationException.class).hasMessageContaining("72 bytes")
                .hasMessageContaining("80");
        users.resetPassword("anna", "é".repeat(36), ROOT); // 72 bytes: fine
        assertThat(users.passwordEncoder().matches("é".repeat(36), users.find("anna").orElseThrow().passwordHash()))
                .isTrue();
    }

    /** Attack: an admin (or a stolen admin session) used to set their own password without the old one. */
    @Test
    void everyoneChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        users.create("root", "Root", "the-root-password", Set.of(Role.ADMIN), ROOT);
        users.create("anna", "Anna", "a-long-password-1", Set.of(Role.EDITOR), ROOT);
        assertThatThrownBy(() -> users.resetPassword("root", "taken-over-password", ROOT))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("current");
        assertThatThrownBy(() -> users.changeOwnPassword("root", "wrong-password-x", "taken-over-password", ROOT))
                .isInstanceOf(ContentValidationException.class).hasMessageContaining("current password");
        assertThatThrownBy(() -> users.changeOwnPassword("root", "the-root-password", "new-root-password",
                Actor.of("anna", Role.EDITOR))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.resetPassword("root", "new-root-password", Actor.of("anna", Role.EDITOR)))
                .isInstanceOf(AccessDeniedException.class);
        users.changeOwnPassword("anna", "a-long-password-1", "annas-new-password", Actor.of("anna", Role.EDITOR));
        assertThat(users.passwordEncoder().matches("annas-new-password", users.find("anna").orElseThrow()
                .passwordHash())).isTrue();
        users.changeOwnPassword("root", "the-root-password", "new-root-password", ROOT);
        assertThat(users.find("root").orElseThrow().mustChangePassword()).isFalse();
    }

    @Test
    void anAdminResetMeansTheUserMustChooseTheirOwn() {
        users.create("anna", "Anna", "a-long-password-1", Set.of(Role.EDITOR), ROOT);
        assertThat(users.resetPassword("anna", "set-by-the-admin", ROOT).mustChangePassword()).isTrue();
        assertThat(users.changeOwnPassword("anna", "set-by-the-admin", "annas-own-choice",
                Actor.of("anna", Role.EDITOR)).mustChangePassword()).isFalse();
    }

    @Test
    void thePublicSeesADisplayNameNeverALoginName() {
        users.create("cl.smith", "Dr. Clara Smith", "a-long-password-1", Set.of(Role.CLINICIAN), ROOT);
        var names = new org.knead.publication.ReviewerNames(mongo);
        assertThat(names.publicName("cl.smith")).isEqualTo("Dr. Clara Smith");
        assertThat(names.publicName("nobody")).isEqualTo(org.knead.publication.ReviewerNames.UNNAMED);
        users.create("bob", "bob", "a-long-password-1", Set.of(Role.CLINICIAN), ROOT);
        assertThat(names.publicName("bob")).as("a display name that is the login name is not shown")
                .isEqualTo(org.knead.publication.ReviewerNames.UNNAMED);
    }

    @Test
    void disablingAUserKeepsThemAndTheirHistory() {
        users.create("anna", "Anna", "a-long-password-1", Set.of(Role.EDITOR), ROOT);
        users.setEnabled("anna", false, ROOT);
        assertThat(users.find("anna")).get().extracting(User::enabled).isEqualTo(false);
        assertThat(audit.find(AuditQuery.byActor("root"), 0, 10)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.USER_DISABLED, AuditAction.USER_CREATED);
    }

    @Test
    void onlyAdminsManageUsersAndWeakPasswordsAreRefused() {
        assertThatThrownBy(() -> users.create("ben", "Ben", "a-long-password-1", Set.of(Role.EDITOR),
                Actor.of("anna", Role.EDITOR))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create("ben", "Ben", "short", Set.of(Role.EDITOR), ROOT))
                .isInstanceOf(ContentValidationException.class).hasMessageContaining("12");
        assertThat(users.find("ben")).isEmpty();
    }
}
