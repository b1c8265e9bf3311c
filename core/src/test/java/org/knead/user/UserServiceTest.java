package org.knead.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    }

    @Test
    void repeatedFailedLoginsLockTheAccountForAWhileAndAreAudited() {
        users.create("anna", "Anna", "a-long-password-1", Set.of(Role.EDITOR), ROOT);
        for (int i = 0; i < UserService.MAX_FAILURES; i++) {
            users.recordFailedLogin("anna", "10.0.0.9");
        }
        assertThat(users.isLocked("anna")).isTrue();
        assertThat(audit.count(new AuditQuery(null, null, AuditAction.LOGIN_FAILED, null, null)))
                .isEqualTo(UserService.MAX_FAILURES);
        clock.advance(UserService.LOCK_TIME.plus(Duration.ofSeconds(1)));
        assertThat(users.isLocked("anna")).isFalse();
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
