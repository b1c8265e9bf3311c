package org.knead.seed;

import java.util.Set;
import org.knead.store.CoreProperties;
import org.knead.store.StoreIndexes;
import org.knead.user.Role;
import org.knead.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start: with no users, creates an admin with a random password printed once; with an empty
 * store, imports the reference content; with {@code knead.core.demo-users}, creates a demo editor
 * and clinician with random passwords.
 */
@Component
public class FirstStart {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private final UserService users;
    private final ReferenceImport reference;
    private final CoreProperties settings;

    public FirstStart(UserService users, ReferenceImport reference, CoreProperties settings, StoreIndexes indexes) {
        this.users = users;
        this.reference = reference;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        users.createFirstAdminIfNone("admin").ifPresent(password -> banner(
                "First start: created the user 'admin' with the password " + password,
                "It is shown only this once. Log in and change it (Users view)."));
        if (settings.demoUsers()) {
            users.createIfAbsent("editor", "Demo Editor", Set.of(Role.EDITOR)).ifPresent(p -> banner(
                    "Demo user 'editor' (EDITOR) created with the password " + p));
            users.createIfAbsent("editor2", "Second Demo Editor", Set.of(Role.EDITOR)).ifPresent(p -> banner(
                    "Demo user 'editor2' (EDITOR) created with the password " + p));
            users.createIfAbsent("clinician", "Demo Clinician", Set.of(Role.CLINICIAN)).ifPresent(p -> banner(
                    "Demo user 'clinician' (CLINICIAN) created with the password " + p));
        }
        if (settings.importReference()) {
            reference.importAll();
        }
    }

    private static void banner(String... lines) {
        StringBuilder sb = new StringBuilder("\n");
        sb.append("=".repeat(78)).append('\n');
        for (String line : lines) {
            sb.append("  ").append(line).append('\n');
        }
        sb.append("=".repeat(78));
        LOG.warn(sb.toString());
        System.out.println(sb);
    }
}
