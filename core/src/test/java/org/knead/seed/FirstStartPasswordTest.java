package org.knead.seed;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.knead.actor.Actor;
import org.knead.testing.CoreTestApplication;
import org.knead.testing.StoreCleaner;
import org.knead.user.UserService;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Attack: the first admin password used to be written at WARN into the persistent log files. */
@SpringBootTest(classes = CoreTestApplication.class)
class FirstStartPasswordTest {

    static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("knead-first-start");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Path FILE = DIR.resolve("data").resolve("initial-passwords");

    @DynamicPropertySource
    static void passwordFile(DynamicPropertyRegistry registry) {
        registry.add("knead.core.initial-password-file", FILE::toString);
        registry.add("knead.core.demo-users", () -> "true");
    }

    @Autowired FirstStart firstStart;
    @Autowired InitialPasswords passwords;
    @Autowired UserService users;
    @Autowired MongoTemplate mongo;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void captureLogs() throws Exception {
        StoreCleaner.clean(mongo);
        Files.deleteIfExists(FILE);
        logged.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logged);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logged);
    }

    @Test
    void generatedPasswordsGoToAnOwnerOnlyFileAndNeverIntoTheLog() throws Exception {
        firstStart.onStart();

        assertThat(FILE).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(FILE))).isEqualTo("rw-------");
        String adminPassword = Files.readAllLines(FILE).stream().filter(l -> l.startsWith("admin: ")).findFirst()
                .orElseThrow().substring("admin: ".length());
        assertThat(users.passwordEncoder().matches(adminPassword, users.find("admin").orElseThrow().passwordHash()))
                .isTrue();
        assertThat(logged.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain(adminPassword));
        assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(FILE.toString()));
        assertThat(users.find("admin").orElseThrow().mustChangePassword()).isTrue();
        assertThat(users.find("editor").orElseThrow().mustChangePassword()).isTrue();

        // changing the password removes its line; the last one removes the file
        users.changeOwnPassword("admin", adminPassword, "the-admins-own-choice", Actor.of("admin"));
        passwords.forget("admin");
        assertThat(Files.readString(FILE)).doesNotContain("admin: ").contains("editor: ");
        passwords.forget("editor");
        passwords.forget("editor2");
        passwords.forget("clinician");
        assertThat(FILE).doesNotExist();
    }

    @Test
    void withoutAFileThePasswordIsPrintedOnStandardOutputButNeverLogged() {
        InitialPasswords console = new InitialPasswords("");
        java.io.PrintStream before = System.out;
        var out = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(out, true));
        String shown;
        try {
            shown = console.keep("admin", "pw-ABCDEFGHJKLMNP");
        } finally {
            System.setOut(before);
        }
        assertThat(out.toString()).contains("pw-ABCDEFGHJKLMNP");
        assertThat(shown).doesNotContain("pw-ABCDEFGHJKLMNP");
        assertThat(logged.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain("pw-ABCDEFGHJKLMNP"));
    }
}
