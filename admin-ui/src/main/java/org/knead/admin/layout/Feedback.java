package org.knead.admin.layout;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import org.knead.actor.AccessDeniedException;
import org.knead.content.ContentValidationException;
import org.knead.revision.NotFoundException;
import org.knead.revision.WorkflowException;

/** Notifications for the outcome of an action; every message is shown as text, never as markup. */
public final class Feedback {

    private Feedback() {
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Runs an action, turning the refusals core explains into an error notification; true when it ran. */
    public static boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            String message = explain(e);
            if (message == null) {
                throw e;
            }
            error(message);
            return false;
        }
    }

    /** A person-readable message for the refusals core explains; null for unexpected failures. */
    public static String explain(Throwable e) {
        if (e instanceof ContentValidationException v) {
            return String.join(" ", v.problems());
        }
        String store = org.knead.admin.health.StoreTrouble.cannotWrite(e);
        if (store != null) {
            return "Not saved: " + store + ". What was saved before is kept; try again once the store can write.";
        }
        if (e instanceof WorkflowException || e instanceof AccessDeniedException || e instanceof NotFoundException
                || e instanceof org.knead.revision.StaleRevisionException) {
            return e.getMessage();
        }
        return null;
    }

    public static List<String> problems(RuntimeException e) {
        return e instanceof ContentValidationException v ? v.problems() : List.of(e.getMessage());
    }
}
