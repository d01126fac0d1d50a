package dev.agentconsole.ui.workspace;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.MeasuredHBox;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.session.SessionViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The left side of the window: the "needs me" inbox on top (see {@link InboxView}), then every open
 * session (provider, title, status, unread rows, how long it has waited), the wall and
 * do-not-disturb. A click shows a session; a double click (or F2) renames it; its menu mutes, moves, closes.
 */
public final class SidebarView extends VBox {

    private final WorkspaceViewModel vm;
    private final VBox items = new VBox(2);
    private final Map<SessionViewModel, HBox> itemOf = new HashMap<>();

    public SidebarView(WorkspaceViewModel vm, Runnable fold) {
        this.vm = vm;
        setId("sidebar");
        getStyleClass().add(Styles.SIDEBAR);
        Label heading = new Label("Sessions");
        heading.getStyleClass().add(Styles.SIDEBAR_TITLE);
        Label empty = new Label("No session open: Connect or New above (Ctrl+T).");
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.CAPTION);
        empty.visibleProperty().bind(Bindings.isEmpty(vm.sessions()));
        empty.managedProperty().bind(empty.visibleProperty());
        items.setId("sessionList");
        vm.sessions().addListener((ListChangeListener<SessionViewModel>) c -> rebuild());
        vm.frontProperty().addListener((o, was, now) -> markFront());

        ToggleButton wall = new ToggleButton("Wall", Icons.of(Feather.GRID));
        wall.setId("wallToggle");
        wall.selectedProperty().bindBidirectional(vm.wallShownProperty());
        wall.setTooltip(new Tooltip("All sessions as tiles, with Pause all and Stop all (Ctrl+0)"));
        ToggleButton dnd = new ToggleButton(null, Icons.of(Feather.BELL_OFF));
        dnd.setId("doNotDisturb");
        dnd.selectedProperty().bindBidirectional(vm.doNotDisturbProperty());
        dnd.setTooltip(new Tooltip("Do not disturb: no desktop notifications"));
        dnd.setAccessibleText("Do not disturb");
        Button hide = new Button(null, Icons.of(Feather.CHEVRONS_LEFT));
        hide.setId("hideSidebar");
        hide.setTooltip(new Tooltip("Fold the sidebar away (Ctrl+B)"));
        hide.setAccessibleText("Hide the sessions");
        hide.setOnAction(e -> fold.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox footer = new HBox(6, wall, dnd, grow, hide);
        footer.setAlignment(Pos.CENTER_LEFT);

        VBox content = new VBox(8, new InboxView(vm), heading, empty, items);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(scroll, footer);
        setPrefWidth(300);
        setMinWidth(220);
        rebuild();
    }

    private void rebuild() {
        itemOf.keySet().retainAll(vm.sessions());
        List<HBox> nodes = vm.sessions().stream().map(s -> itemOf.computeIfAbsent(s, this::item)).toList();
        items.getChildren().setAll(nodes);
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).setId("sessionItem" + (i + 1));
            String key = i < 9 ? " (Ctrl+" + (i + 1) + ")" : "";
            Tooltip.install(nodes.get(i), new Tooltip(vm.sessions().get(i).provider().displayName() + " · "
                    + vm.sessions().get(i).id().value() + key));
        }
        markFront();
    }

    /** F2: the session in front gets its title field, as a double-click would give it. */
    void renameFront() {
        SessionViewModel s = vm.front();
        HBox item = s == null ? null : itemOf.get(s);
        if (item != null && item.getChildren().get(1) instanceof VBox words && words.getChildren().get(0) instanceof Label title) {
            rename(s, words, title);
        }
    }

    private void markFront() {
        itemOf.forEach((s, node) -> node.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("selected"),
                s == vm.front()));
    }

    private HBox item(SessionViewModel s) {
        Label mark = new Label(mark(s.provider()));
        mark.getStyleClass().addAll(Styles.PROVIDER_MARK, "provider-" + s.provider().cliName());
        mark.setMinWidth(Region.USE_PREF_SIZE); // the title gives way, never the mark
        Label title = new Label();
        title.getStyleClass().add("session-name");
        title.textProperty().bind(s.title().shownBinding());
        title.setMaxWidth(Double.MAX_VALUE);
        title.setWrapText(true); // two lines before "...": titles are sentences
        title.setMaxHeight(40);
        Label status = new Label();
        status.getStyleClass().add(Styles.CAPTION);
        status.textProperty().bind(Bindings.createStringBinding(() -> line(s, vm.nowProperty().get()),
                s.statusLabelProperty(), s.waitingSinceProperty(), vm.nowProperty(), s.stateProperty()));
        Label profile = new Label();
        profile.getStyleClass().add("profile-chip");
        profile.setMinWidth(Region.USE_PREF_SIZE);
        Runnable showProfile = () -> dev.agentconsole.ui.ProfileMark.chip(profile, s.title().profileProperty().get(),
                s.title().colourProperty().get());
        s.title().profileProperty().addListener((o, was, now) -> showProfile.run());
        showProfile.run();
        HBox statusLine = new HBox(4, profile, status);
        statusLine.setAlignment(Pos.CENTER_LEFT);
        VBox words = new VBox(1, title, statusLine);
        HBox.setHgrow(words, Priority.ALWAYS);
        words.setMinWidth(0);
        Label unread = new Label();
        unread.getStyleClass().add(Styles.UNREAD);
        unread.setMinWidth(Region.USE_PREF_SIZE);
        unread.textProperty().bind(s.unreadProperty().asString());
        unread.visibleProperty().bind(s.unreadProperty().greaterThan(0));
        unread.managedProperty().bind(unread.visibleProperty());
        unread.setTooltip(new Tooltip("Rows that came while you were elsewhere"));
        Button close = new Button(null, Icons.of(Feather.X));
        close.getStyleClass().addAll("button-icon", "flat");
        close.setTooltip(new Tooltip("Close this session in the window (the agent goes on; Ctrl+W)"));
        close.setAccessibleText("Close session");
        close.setOnAction(e -> vm.requestClose(s));
        HBox item = new MeasuredHBox(6, mark, words, unread, close); // its wrapped title is measured once per change
        item.setAlignment(Pos.CENTER_LEFT);
        item.getStyleClass().add(Styles.SIDEBAR_ITEM);
        item.setMinHeight(Region.USE_PREF_SIZE);
        item.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                rename(s, words, title);
            } else if (e.getButton() == MouseButton.PRIMARY) {
                vm.show(s);
            }
        });
        item.setOnContextMenuRequested(e -> menu(s, words, title).show(item, e.getScreenX(), e.getScreenY()));
        item.setAccessibleText("Session " + s.title().get());
        return item;
    }

    private ContextMenu menu(SessionViewModel s, VBox words, Label title) {
        MenuItem rename = new MenuItem("Rename… (F2)");
        rename.setOnAction(e -> rename(s, words, title));
        CheckMenuItem mute = new CheckMenuItem("Mute notifications");
        mute.setSelected(vm.isMuted(s));
        mute.setOnAction(e -> vm.setMuted(s, mute.isSelected()));
        MenuItem up = new MenuItem("Move up");
        up.setOnAction(e -> vm.move(s, -1));
        MenuItem down = new MenuItem("Move down");
        down.setOnAction(e -> vm.move(s, 1));
        MenuItem close = new MenuItem("Close (Ctrl+W)");
        close.setOnAction(e -> vm.requestClose(s));
        return new ContextMenu(rename, mute, up, down, new SeparatorMenuItem(), close);
    }

    /** The title becomes a field in place: Enter keeps the new name, Esc the old one. */
    private void rename(SessionViewModel s, VBox words, Label title) {
        TextField field = new TextField(s.title().get());
        field.setId("renameField");
        int at = words.getChildren().indexOf(title);
        words.getChildren().set(at, field);
        Runnable done = () -> {
            if (words.getChildren().contains(field)) {
                words.getChildren().set(words.getChildren().indexOf(field), title);
            }
        };
        field.setOnAction(e -> {
            s.title().rename(field.getText());
            done.run();
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                e.consume();
                done.run();
            }
        });
        field.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                done.run();
            }
        });
        field.requestFocus();
        field.selectAll();
    }

    static String mark(Provider p) {
        return switch (p) {
            case DEMO -> "Demo";
            case HCOMPANY -> "H";
            case AGI -> "AGI";
        };
    }

    /** "idle · waiting 3 min", "running", "not connected". */
    static String line(SessionViewModel s, Instant now) {
        Instant since = s.waitingSinceProperty().get();
        String status = s.statusLabelProperty().get();
        return since == null ? status : status + " · waiting " + waited(Duration.between(since, now));
    }

    static String waited(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s < 60 ? "<1 min" : s < 3600 ? s / 60 + " min" : s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
}
