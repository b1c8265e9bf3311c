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
import java.util.HashMap;
import java.util.Map;
import org.knead.admin.layout.Formats;
import org.knead.admin.layout.MainLayout;
import org.knead.audit.AuditAction;
import org.knead.audit.AuditEntry;
import org.knead.audit.AuditLog;
import org.knead.audit.AuditQuery;
import org.knead.content.ContentRef;
import org.knead.revision.ContentService;

/** The append-only audit log, newest first, filtered by user, item, action and day (UTC). */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log | Knead")
@RolesAllowed({"ADMIN", "EDITOR"})
public class AuditView extends VerticalLayout {

    private final TextField user = new TextField("User");
    private final TextField item = new TextField("Item (type:slug)");
    private final ComboBox<AuditAction> action = new ComboBox<>("Action");
    private final DatePicker from = Formats.isoDatePicker("From (UTC)");
    private final DatePicker to = Formats.isoDatePicker("To (UTC, inclusive)");

    private final ContentService contents;
    /** Item titles by id, read once per item while this view lives. */
    private final Map<String, String> titles = new HashMap<>();

    public AuditView(AuditLog audit, ContentService contents) {
        this.contents = contents;
        setSizeFull();
        user.setId("audit-user");
        item.setId("audit-item");
        action.setId("audit-action");
        action.setItems(AuditAction.values());
        action.setItemLabelGenerator(AuditLabels::label);
        user.setValueChangeMode(ValueChangeMode.LAZY);
        item.setValueChangeMode(ValueChangeMode.LAZY);
        Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
        grid.setId("audit-grid");
        grid.addColumn(e -> Formats.time(e.at())).setHeader("When (UTC)").setWidth("11em").setFlexGrow(0);
        grid.addColumn(AuditEntry::actor).setHeader("User").setWidth("8em").setFlexGrow(1)
                .setTooltipGenerator(AuditEntry::actor);
        grid.addColumn(e -> AuditLabels.label(e.action())).setHeader("Action").setWidth("14em").setFlexGrow(0)
                .setTooltipGenerator(e -> AuditLabels.label(e.action()));
        grid.addColumn(e -> itemName(e.itemId())).setHeader("Item").setWidth("12em").setFlexGrow(2)
                .setTooltipGenerator(e -> e.itemId() == null ? null : itemName(e.itemId()) + " (" + e.itemId() + ")");
        grid.addColumn(AuditEntry::revision).setHeader("Revision").setWidth("6em").setFlexGrow(0);
        grid.addColumn(AuditEntry::detail).setHeader("Detail").setWidth("12em").setFlexGrow(3)
                .setTooltipGenerator(AuditEntry::detail);
        grid.addColumn(AuditEntry::origin).setHeader("From").setWidth("8em").setFlexGrow(1)
                .setTooltipGenerator(AuditEntry::origin);
        grid.setColumnReorderingAllowed(false);
        grid.getColumns().forEach(c -> c.setResizable(true));
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

    /** An item's title as a person reads it; the id when the item is gone or unreadable. */
    private String itemName(String itemId) {
        if (itemId == null || itemId.isBlank()) {
            return "";
        }
        return titles.computeIfAbsent(itemId, id -> {
            try {
                return contents.item(ContentRef.parseId(id)).map(i -> i.title() + " (" + i.type().key() + ")")
                        .orElse(id);
            } catch (RuntimeException notAnItem) {
                return id;
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
