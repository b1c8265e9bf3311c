package org.knead.admin.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.knead.actor.AccessDeniedException;
import org.springframework.stereotype.Component;

/** A user who must change their password sees the password view before any other. */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    PasswordChangeGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter -> {
            Class<?> target = enter.getNavigationTarget();
            if (target == ChangePasswordView.class || target == LoginView.class || !currentUser.isLoggedIn()) {
                return;
            }
            try {
                if (currentUser.mustChangePassword()) {
                    enter.rerouteTo(ChangePasswordView.class);
                }
            } catch (AccessDeniedException accountGone) {
                // the session filter ends such sessions at the next request
            }
        }));
    }
}
