package org.knead.seed;

import java.util.Set;
import org.knead.actor.Role;
import org.knead.config.CoreProperties;
import org.knead.store.StoreIndexes;
import org.knead.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start: with {@code knead.core.first-start} (the console only; the public API sets it to
 * false and never creates users) and no users, creates an admin with a random password that
 * {@link InitialPasswords} keeps out of every log and that the first login must change; with
 * {@code knead.core.demo-users}, the demo users the same way. With an empty store, imports the
 * reference content.
 */
@Component
public class FirstStart {

    private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);

    private final UserService users;
    private final ReferenceImport reference;
    private final CoreProperties settings;
    private final InitialPasswords passwords;
    private final boolean createUsers;

    public FirstStart(UserService users, ReferenceImport reference, CoreProperties settings, StoreIndexes indexes,
            InitialPasswords passwords, @Value("${knead.core.first-start:true}") boolean createUsers) {
        this.users = users;
        this.reference = reference;
        this.settings = settings;
        this.passwords = passwords;
        this.createUsers = createUsers;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        if (createUsers) {
            users.createFirstAdminIfNone("admin").ifPresent(password ->
                    LOG.warn("First start: created the user 'admin'; {}", passwords.keep("admin", password)));
            if (settings.demoUsers()) {
                demo("editor", "Demo Editor", Role.EDITOR);
                demo("editor2", "Second Demo Editor", Role.EDITOR);
                demo("clinician", "Demo Clinician", Role.CLINICIAN);
            }
        }
        if (settings.importReference()) {
            reference.importAll();
        }
    }

    private void demo(String username, String displayName, Role role) {
        users.createIfAbsent(username, displayName, Set.of(role)).ifPresent(p ->
                LOG.warn("Demo user '{}' ({}) created; {}", username, role, passwords.keep(username, p)));
    }
}
