package org.knead.admin.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.List;
import org.knead.actor.AccessDeniedException;
import org.knead.content.ContentValidationException;
import org.knead.revision.NotFoundException;
import org.knead.revision.WorkflowException;

/**
 * Notifications for the outcome of an action; every message is shown as text, never as markup. All of
 * them appear at the bottom start of the window ({@link #POSITION}), kept narrow enough to sit over the
 * empty lower part of the side navigation, away from the forms and action buttons; problems with
 * fields are shown on the fields themselves.
 */
public final class Feedback {

    /** Where every notification appears: one place, clear of the controls. */
    public static final Notification.Position POSITION = Notification.Position.BOTTOM_START;
    /** Narrower than the side navigation (16em), so that a notification covers none of the view. */
    static final String WIDTH = "13em";

    private Feedback() {
    }

    public static void success(String message) {
        show(message, 5000, NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        show(message, 8000, NotificationVariant.LUMO_ERROR);
    }

    private static void show(String message, int millis, NotificationVariant variant) {
        Div text = new Div();
        text.setText(message);
        text.getStyle().set("max-width", WIDTH).set("overflow-wrap", "anywhere").set("font-size",
                "var(--lumo-font-size-s)");
        Notification n = new Notification(text);
        n.setDuration(millis);
        n.setPosition(POSITION);
        n.addThemeVariants(variant);
        n.open();
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
