package org.knead.admin.content;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeLeaveEvent;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Guards unsaved edits. Leaving the view inside the console (a link, the side navigation, the
 * browser's back button) is postponed behind a dialog that names the changed fields; closing or
 * reloading the tab asks the browser's own "Leave site?" question. The browser knows an edit is
 * pending from the first keystroke (an {@code input} event in the view), and the server corrects
 * that flag after every round trip (typing a change back, saving, discarding).
 */
final class UnsavedChanges {

    private static final String FLAG = "window.__kneadUnsaved";

    private final Component view;
    private final BooleanSupplier dirty;
    private final Supplier<List<String>> changedFields;
    private boolean syncPending;

    UnsavedChanges(Component view, BooleanSupplier dirty, Supplier<List<String>> changedFields) {
        this.view = view;
        this.dirty = dirty;
        this.changedFields = changedFields;
        view.addAttachListener(this::attached);
        view.addDetachListener(e -> e.getUI().getPage().executeJs(FLAG + " = false;"));
    }

    private void attached(AttachEvent event) {
        view.getElement().executeJs(FLAG + " = false;"
                + "if (!window.__kneadUnsavedGuard) { window.__kneadUnsavedGuard = true;"
                + " window.addEventListener('beforeunload', e => {"
                + "  if (window.__kneadUnsaved) { e.preventDefault(); e.returnValue = ''; return ''; } }); }"
                + "if (!this.__kneadInput) { this.__kneadInput = true;"
                + " this.addEventListener('input', () => { " + FLAG + " = true; }); }");
        sync();
    }

    /** Tells the browser, once this round trip ends, whether edits are pending. */
    void sync() {
        if (syncPending) {
            return;
        }
        view.getUI().ifPresent(ui -> {
            syncPending = true;
            ui.beforeClientResponse(view, ctx -> {
                syncPending = false;
                ui.getPage().executeJs(FLAG + " = $0;", dirty.getAsBoolean());
            });
        });
    }

    /** Postpones leaving while edits are pending, and asks. */
    void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty.getAsBoolean()) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        Dialog dialog = new Dialog();
        dialog.setId("unsaved-dialog");
        dialog.setHeaderTitle("Leave without saving?");
        dialog.setWidth("34em");
        List<String> fields = changedFields.get();
        Paragraph message = new Paragraph((fields.isEmpty() ? "Your changes are not saved."
                : "Your changes to " + String.join(", ", fields) + " are not saved.")
                + " If you leave now, they are lost. Stay to save them (or to copy what you need).");
        message.setId("unsaved-message");
        dialog.add(message);
        Button stay = new Button("Stay and keep editing", e -> {
            dialog.close();
            action.cancel();
        });
        stay.setId("stay-button");
        stay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button leave = new Button("Leave and discard my changes", e -> {
            dialog.close();
            UI.getCurrent().getPage().executeJs(FLAG + " = false;");
            action.proceed();
        });
        leave.setId("leave-button");
        leave.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dialog.setCloseOnOutsideClick(false);
        dialog.addDialogCloseActionListener(e -> {
            dialog.close();
            action.cancel();
        });
        dialog.getFooter().add(leave, stay);
        dialog.open();
    }
}
