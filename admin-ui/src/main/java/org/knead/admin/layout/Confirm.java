package org.knead.admin.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;

/** A confirmation dialog that says in plain text what will happen. */
public final class Confirm {

    private Confirm() {
    }

    public static Dialog open(String title, String message, String confirmLabel, Runnable onConfirm,
            Component... extra) {
        return open(title, message, confirmLabel, () -> true, onConfirm, extra);
    }

    /**
     * A confirmation whose fields are checked first: while {@code valid} answers false (it marks the
     * fields it refuses), the dialog stays open and nothing runs.
     */
    public static Dialog open(String title, String message, String confirmLabel,
            java.util.function.BooleanSupplier valid, Runnable onConfirm, Component... extra) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        dialog.setWidth("36em");
        Paragraph text = new Paragraph(message);
        text.setId("confirm-message");
        dialog.add(text);
        dialog.add(extra);
        Button confirm = new Button(confirmLabel, e -> {
            if (valid.getAsBoolean() && Feedback.attempt(onConfirm)) {
                dialog.close();
            }
        });
        confirm.setId("confirm-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("cancel-button");
        dialog.getFooter().add(cancel, confirm);
        dialog.open();
        return dialog;
    }
}
