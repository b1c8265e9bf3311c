package org.knead.admin.content;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.knead.admin.layout.Formats;
import org.knead.admin.layout.MainLayout;
import org.knead.admin.security.CurrentUser;
import org.knead.content.ContentType;
import org.knead.revision.Item;
import org.knead.revision.ItemStatus;
import org.knead.search.EditorQuery;

/**
 * Every item, drafts included, searched through the editors' index (lay words and typos as in public
 * search, or a slug) and filtered by type, state, last author and overdue review; with no words, the most
 * recently saved first.
 */
@Route(value = "content", layout = MainLayout.class)
@PageTitle("Content | Knead")
@RolesAllowed({"EDITOR", "ADMIN", "CLINICIAN"})
public class ContentListView extends VerticalLayout {

    private final Grid<Item> grid = new Grid<>(Item.class, false);
    private final ComboBox<ContentType> type = new ComboBox<>("Type");
    private final ComboBox<String> state = new ComboBox<>("State");
    private final ComboBox<String> author = new ComboBox<>("Last saved by");
    private final TextField text = new TextField("Search");
    private final Checkbox overdue = new Checkbox("Overdue for clinical review");
    private final ConsoleSearch search;

    public ContentListView(ConsoleSearch search, CurrentUser currentUser, Clock clock) {
        this.search = search;
        setSizeFull();
        type.setItems(ContentType.values());
        type.setItemLabelGenerator(ContentType::key);
        type.setId("filter-type");
        state.setItems(ConsoleSearch.STATES);
        state.setId("filter-state");
        author.setItems(search.authors());
        author.setId("filter-author");
        text.setPlaceholder("Words, typos welcome, or a slug");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.setId("filter-text");
        overdue.setId("filter-overdue");

        grid.setId("content-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addComponentColumn(item -> {
            RouterLink link = new RouterLink(item.title() == null || item.title().isBlank() ? item.slug() : item.title(),
                    ContentEditorView.class, new RouteParameters(Map.of("type", item.type().key(), "slug", item.slug())));
            link.addClassName("item-link");
            return link;
        }).setHeader("Title").setWidth("14em").setFlexGrow(3).setTooltipGenerator(item -> item.title() + " ("
                + item.id() + ")");
        grid.addColumn(item -> item.type().key()).setHeader("Type").setWidth("7em").setFlexGrow(0);
        grid.addColumn(Item::slug).setHeader("Slug").setWidth("10em").setFlexGrow(2).setTooltipGenerator(Item::slug);
        grid.addColumn(item -> item.headRevision() + " · " + ConsoleSearch.state(item)).setHeader("State")
                .setWidth("10em").setFlexGrow(1).setTooltipGenerator(item -> "revision " + item.headRevision() + ", "
                        + ConsoleSearch.state(item));
        grid.addColumn(item -> item.isPublished() ? "revision " + item.publishedRevision() : "no")
                .setHeader("Published").setWidth("7em").setFlexGrow(0);
        grid.addColumn(item -> {
            if (item.status() == ItemStatus.ARCHIVED) {
                return "archived";
            }
            if (item.isOverdue(clock.instant())) {
                return "review overdue";
            }
            if (item.awaitingClinicalReview()) {
                return "awaiting first clinical review";
            }
            return item.scheduled() != null ? "scheduled " + Formats.time(item.scheduled().at()) : "";
        }).setHeader("Attention").setWidth("10em").setFlexGrow(1);
        grid.getColumns().get(grid.getColumns().size() - 1).setTooltipGenerator(item -> item.scheduled() != null
                ? "scheduled " + Formats.time(item.scheduled().at()) : null);
        grid.addColumn(Item::headAuthor).setHeader("Last saved by").setWidth("8em").setFlexGrow(1)
                .setTooltipGenerator(Item::headAuthor);
        grid.addColumn(item -> Formats.time(item.headAt())).setHeader("Saved at (UTC)").setWidth("11em").setFlexGrow(0);
        grid.addComponentColumn(item -> new RouterLink("History", HistoryView.class,
                new RouteParameters(Map.of("type", item.type().key(), "slug", item.slug())))).setHeader("")
                .setWidth("6em").setFlexGrow(0);
        // what a search answers first: title, type, state, who saved last and when; then the rest
        List<Grid.Column<Item>> c = grid.getColumns();
        grid.setColumnOrder(c.get(0), c.get(1), c.get(3), c.get(6), c.get(7), c.get(2), c.get(4), c.get(5), c.get(8));
        grid.setSizeFull();
        show();

        type.addValueChangeListener(e -> show());
        state.addValueChangeListener(e -> show());
        author.addValueChangeListener(e -> show());
        text.addValueChangeListener(e -> show());
        overdue.addValueChangeListener(e -> show());

        HorizontalLayout filters = new HorizontalLayout(text, type, state, author, overdue);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout top = new HorizontalLayout(new H2("Content"));
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        if (currentUser.actor().isEditor()) {
            Select<ContentType> newType = new Select<>();
            newType.setItems(ContentType.values());
            newType.setItemLabelGenerator(ContentType::key);
            newType.setValue(ContentType.TECHNIQUE);
            newType.setId("new-type");
            Button create = new Button("New", e -> getUI().ifPresent(ui -> ui.navigate(ContentEditorView.class,
                    new RouteParameters(Map.of("type", newType.getValue().key())))));
            create.setId("new-button");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            top.add(newType, create);
        }
        add(top, filters, grid);
    }

    private void show() {
        grid.setItems(search.find(new EditorQuery(text.getValue(), type.getValue(), state.getValue(),
                author.getValue(), overdue.getValue())));
    }
}
