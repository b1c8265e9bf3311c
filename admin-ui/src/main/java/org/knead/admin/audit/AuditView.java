package org.knead.admin.audit;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import org.knead.admin.layout.Formats;
import org.knead.admin.layout.MainLayout;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditEntry;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;

/** The append-only audit log, newest first, filtered by user, item, action and day (UTC). */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log | Knead")
@RolesAllowed({"ADMIN", "EDITOR"})
public class AuditView extends VerticalLayout {

    private final TextField user = new TextField("User");
    private final TextField item = new TextField("Item (type:slug)");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC, inclusive)");

    public AuditView(AuditLog audit) {
        setSizeFull();
        user.setId("audit-user");
        item.setId("audit-item");
        action.setId("audit-action");
        action.setItems(AuditAction.values());
        user.setValueChangeMode(ValueChangeMode.LAZY);
        item.setValueChangeMode(ValueChangeMode.LAZY);
        Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
        grid.setId("audit-grid");
        grid.addColumn(e -> Formats.time(e.at())).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader("User");
        grid.addColumn(e -> e.action().name()).setHeader("Action");
        grid.addColumn(AuditEntry::itemId).setHeader("Item").setFlexGrow(2);
        grid.addColumn(AuditEntry::revision).setHeader("Revision");
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setFlexGrow(3);
        grid.addColumn(AuditEntry::origin).setHeader("From");
        grid.setItems(q -> audit.find(query(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, audit.count(query())));
        grid.setSizeFull();
        user.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        item.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        HorizontalLayout filters = new HorizontalLayout(user, item, action, from, to);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        add(new H2("Audit log"), filters, grid);
    }

    private AuditQuery query() {
        return new AuditQuery(blankToNull(user.getValue()), blankToNull(item.getValue()), action.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay().toInstant(ZoneOffset.UTC),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
