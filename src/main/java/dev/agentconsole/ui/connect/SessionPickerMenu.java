package dev.agentconsole.ui.connect;

import dev.agentconsole.agent.SessionId;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.Styles;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Fills the session picker's menu from {@link SessionListViewModel}: a line while loading, the
 * sessions (status, agent, task; id, created, last activity), "No sessions yet", or the error with
 * a Retry that lists again without closing the menu.
 */
final class SessionPickerMenu {

    private SessionPickerMenu() {}

    static void fill(MenuButton menu, SessionListViewModel list, Consumer<SessionId> pick) {
        Runnable rebuild = () -> rebuild(menu, list, pick);
        list.stateProperty().addListener((o, was, now) -> rebuild.run());
        list.rows().addListener((ListChangeListener<SessionListViewModel.Row>) c -> rebuild.run());
        rebuild.run();
    }

    private static void rebuild(MenuButton menu, SessionListViewModel list, Consumer<SessionId> pick) {
        menu.getItems().clear();
        switch (list.stateProperty().get()) {
            case NOT_LOADED, LOADING -> menu.getItems().add(line("sessionsLoading", "Loading sessions…"));
            case FAILED -> {
                Label problem = new Label(list.problemProperty().get(), Icons.of(Feather.ALERT_TRIANGLE));
                problem.setId("sessionsProblem");
                problem.getStyleClass().add(Styles.NOTICE);
                problem.setWrapText(true);
                problem.setMaxWidth(420);
                Button retry = new Button("Retry", Icons.of(Feather.REFRESH_CW));
                retry.setId("retrySessionsButton");
                retry.setTooltip(new javafx.scene.control.Tooltip("List the provider's sessions again"));
                retry.setOnAction(e -> list.retry());
                retry.disableProperty().bind(list.canRetryProperty().not());
                VBox box = new VBox(6, problem, retry);
                CustomMenuItem item = new CustomMenuItem(box, false); // Retry keeps the menu open for the answer
                item.setId("sessionsFailed");
                menu.getItems().add(item);
            }
            case LOADED -> {
                if (list.rows().isEmpty()) {
                    menu.getItems().add(line("sessionsEmpty", "No sessions yet: press New to start one"));
                }
                for (SessionListViewModel.Row row : list.rows()) {
                    Label title = new Label(row.title());
                    Label caption = new Label(row.caption());
                    caption.getStyleClass().add(Styles.CAPTION);
                    CustomMenuItem item = new CustomMenuItem(new VBox(2, title, caption), true);
                    item.setId("sessionRow-" + row.id().value());
                    item.setOnAction(e -> pick.accept(row.id()));
                    menu.getItems().add(item);
                }
            }
        }
    }

    private static MenuItem line(String id, String text) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setDisable(true);
        return item;
    }
}
