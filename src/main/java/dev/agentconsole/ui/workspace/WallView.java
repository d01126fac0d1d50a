package dev.agentconsole.ui.workspace;

import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.session.Confirmation;
import dev.agentconsole.ui.session.SessionViewModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * Every open session as a tile (title, status, the last thing it said, its last screenshot); a
 * click opens one. "Pause all" pauses at once; "Stop all" asks once, for when things go wrong.
 */
final class WallView extends BorderPane {

    static final double TILE_WIDTH = 260;
    /** A tile whose agent waits for the operator is marked as the inbox marks it. */
    private static final javafx.css.PseudoClass WAITING = javafx.css.PseudoClass.getPseudoClass("waiting");
    private final WorkspaceViewModel vm;
    private final FlowPane tiles = new FlowPane(10, 10);
    private final ImageLoader pictures = new ImageLoader();
    /** Which session a picture's address belongs to: its key fetches it. */
    private final Map<String, SessionViewModel> pictureOwner = new ConcurrentHashMap<>();
    private final Map<SessionViewModel, VBox> tileOf = new java.util.HashMap<>();

    WallView(WorkspaceViewModel vm) {
        this.vm = vm;
        setId("wall");
        getStyleClass().add(Styles.WALL);
        pictures.setFetcher(url -> {
            SessionViewModel owner = pictureOwner.get(url);
            if (owner == null) {
                throw new IllegalStateException("the session of this picture is closed");
            }
            return owner.fetchImage(url);
        });
        Button pauseAll = new Button("Pause all", Icons.of(Feather.PAUSE));
        pauseAll.setId("pauseAllButton");
        pauseAll.setTooltip(new Tooltip("Pause every agent that is working"));
        pauseAll.setOnAction(e -> vm.wall().pauseAll());
        Button stopAll = new Button("Stop all", Icons.of(Feather.SQUARE));
        stopAll.setId("stopAllButton");
        stopAll.getStyleClass().add("danger");
        stopAll.setTooltip(new Tooltip("Stop every agent that can be stopped, after asking once"));
        stopAll.setOnAction(e -> vm.wall().requestStopAll());
        Label count = new Label();
        count.getStyleClass().add(Styles.CAPTION);
        count.textProperty().bind(Bindings.size(vm.sessions()).asString("%d sessions"));
        HBox bar = new HBox(8, pauseAll, stopAll, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        setTop(new VBox(bar, confirmationBar()));
        tiles.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        setCenter(scroll);
        vm.sessions().addListener((ListChangeListener<SessionViewModel>) c -> rebuild());
        rebuild();
    }

    private HBox confirmationBar() {
        HBox bar = new HBox(8);
        bar.setId("wallConfirmation");
        bar.getStyleClass().add(Styles.CONFIRMATION);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(vm.wall().confirmationProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        vm.wall().confirmationProperty().addListener((o, was, now) -> {
            bar.getChildren().clear();
            if (now == null) {
                return;
            }
            Label message = new Label(now.message(), Icons.of(Feather.ALERT_CIRCLE));
            message.setWrapText(true);
            HBox.setHgrow(message, Priority.ALWAYS);
            message.setMaxWidth(Double.MAX_VALUE);
            bar.getChildren().add(message);
            for (int i = 0; i < now.choices().size(); i++) {
                Confirmation.Choice choice = now.choices().get(i);
                Button b = new Button(choice.label());
                b.setId("wallChoice" + i);
                b.setMinWidth(Region.USE_PREF_SIZE);
                if (choice.primary()) {
                    b.getStyleClass().add("danger");
                }
                b.setOnAction(e -> vm.wall().choose(choice));
                bar.getChildren().add(b);
            }
        });
        return bar;
    }

    private void rebuild() {
        tileOf.keySet().retainAll(vm.sessions());
        pictureOwner.values().retainAll(vm.sessions());
        tiles.getChildren().setAll(vm.sessions().stream().map(s -> tileOf.computeIfAbsent(s, this::tile)).toList());
    }

    private VBox tile(SessionViewModel s) {
        Label title = new Label();
        title.getStyleClass().add("session-name");
        title.textProperty().bind(s.title().shownBinding());
        Label status = new Label();
        status.getStyleClass().addAll(Styles.STATUS_CHIP);
        status.textProperty().bind(s.statusLabelProperty());
        s.statusLabelProperty().addListener((o, was, now) -> {
            status.getStyleClass().removeIf(c -> c.startsWith("status-") && !c.equals(Styles.STATUS_CHIP));
            status.getStyleClass().add(Styles.statusClass(now));
        });
        status.getStyleClass().add(Styles.statusClass(s.statusLabelProperty().get()));
        status.setMinWidth(Region.USE_PREF_SIZE); // the title gives way, never the status
        Label line = new Label();
        line.setWrapText(true);
        line.setMaxHeight(60);
        line.getStyleClass().add(Styles.CAPTION);
        line.textProperty().bind(s.lastLineProperty());
        ImageView picture = new ImageView();
        picture.setFitWidth(TILE_WIDTH - 20);
        picture.setFitHeight(135);
        picture.setPreserveRatio(true);
        Runnable showPicture = () -> {
            String uri = s.lastPictureProperty().get();
            if (uri == null || uri.isEmpty()) {
                picture.setImage(null);
                return;
            }
            pictureOwner.put(uri, s);
            pictures.load(uri, uri, TILE_WIDTH - 20, picture::setImage, why -> picture.setImage(null));
        };
        s.lastPictureProperty().addListener((o, was, now) -> showPicture.run());
        showPicture.run();
        VBox tile = new VBox(6, new HBox(6, status, title), picture, line);
        tile.getStyleClass().add(Styles.TILE);
        Runnable waiting = () -> tile.pseudoClassStateChanged(WAITING, s.needsMeProperty().get() != null);
        s.needsMeProperty().addListener((o, was, now) -> waiting.run());
        waiting.run();
        tile.setPrefWidth(TILE_WIDTH);
        tile.setMinHeight(Region.USE_PREF_SIZE);
        tile.setOnMouseClicked(e -> vm.show(s));
        tile.setAccessibleText("Open session " + s.title().get());
        Tooltip.install(tile, new Tooltip("Open this session"));
        return tile;
    }

    void dispose() {
        pictures.close();
    }
}
