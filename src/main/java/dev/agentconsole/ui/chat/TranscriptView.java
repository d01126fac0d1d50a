package dev.agentconsole.ui.chat;

import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.chat.rows.EntryCell;
import dev.agentconsole.ui.chat.rows.RowContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Popup;
import org.kordamp.ikonli.feather.Feather;

/**
 * The transcript: a virtualised list of rows (operator messages with their delivery state, the
 * agent's thoughts, questions, answers, observations, errors, status lines). It follows the newest
 * row unless the operator scrolled up; then a "n new" pill offers the way back down.
 */
public final class TranscriptView extends StackPane {

    /** What a row's buttons ask for. */
    public record Actions(Consumer<String> reply, LongConsumer resend, LongConsumer drop) {}

    private final ListView<TranscriptRow> list;
    private final Button pill = new Button();
    /** The live "working" row under the last row, while the agent runs (see {@link #showWorking}). */
    private final Label working = new Label(null, Icons.of(Feather.ACTIVITY));
    private final Set<String> expanded = new HashSet<>();
    private final ImageLoader images;
    private int unseen;
    private boolean following = true;
    private boolean revealPending;
    private boolean pinPending;

    public TranscriptView(TranscriptViewModel model, Actions actions, ImageLoader images) {
        this.images = images;
        list = new ListView<>(model.rows());
        list.setId("transcript");
        list.getStyleClass().add(Styles.TRANSCRIPT);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        RowContext rows = new RowContext(list, actions, expanded, images, this::enlarge);
        list.setCellFactory(v -> new EntryCell(rows));
        list.setAccessibleText("Transcript of the conversation with the agent");
        list.setFocusTraversable(true);
        Label empty = new Label();
        empty.setId("transcriptPlaceholder");
        empty.textProperty().bind(model.placeholderProperty()); // "Loading the session…" until the first read answers
        empty.getStyleClass().add(Styles.EMPTY);
        list.setPlaceholder(empty);

        MenuItem copy = new MenuItem("Copy", Icons.of(Feather.COPY));
        copy.setOnAction(e -> copySelection());
        list.setContextMenu(new ContextMenu(copy));
        list.setOnKeyPressed(e -> {
            if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
                copySelection();
                e.consume();
            }
        });

        pill.setId("newPill");
        pill.getStyleClass().add(Styles.PILL);
        pill.setGraphic(Icons.of(Feather.ARROW_DOWN));
        pill.setVisible(false);
        pill.managedProperty().bind(pill.visibleProperty());
        pill.setAccessibleText("Jump to the newest messages");
        pill.setOnAction(e -> scrollToEnd());
        StackPane.setAlignment(pill, Pos.BOTTOM_CENTER);
        StackPane.setMargin(pill, new javafx.geometry.Insets(0, 0, 14, 0));
        StackPane listArea = new StackPane(list, pill);
        VBox.setVgrow(listArea, Priority.ALWAYS);
        working.setId("workingRow");
        working.getStyleClass().add(Styles.WORKING);
        working.setMaxWidth(Double.MAX_VALUE);
        working.setVisible(false);
        working.managedProperty().bind(working.visibleProperty());
        getChildren().add(new VBox(listArea, working));

        model.rows().addListener((ListChangeListener<TranscriptRow>) change -> {
            int added = 0;
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced()) {
                    if (change.getTo() == change.getList().size()) {
                        added += change.getAddedSize(); // new rows at the end
                        if (change.getAddedSubList().stream().anyMatch(r -> r.entry() instanceof TranscriptEntry.Operator)) {
                            following = true; // the operator's own message: always shown, as chat apps do
                            unseen = 0;
                            pill.setVisible(false);
                        }
                    } else if (following) {
                        revealLast(); // older history went in above: stay at the end
                    }
                }
                if (change.wasRemoved() && change.getList().isEmpty()) {
                    expanded.clear();
                    unseen = 0;
                    pill.setVisible(false);
                }
            }
            if (added == 0) {
                return;
            }
            if (following) {
                revealLast();
            } else {
                unseen += added;
                pill.setText(unseen + " new");
                pill.setVisible(true);
            }
        });
        // Only the operator's own scrolling stops the following; reaching the end again resumes it.
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                following = false;
            }
            Platform.runLater(this::resumeIfAtEnd);
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP, PAGE_UP, HOME -> following = false;
                case DOWN, PAGE_DOWN, END -> Platform.runLater(this::resumeIfAtEnd);
                default -> { }
            }
        });
        list.skinProperty().addListener((o, was, skin) -> {
            watchScrollBar();
            keepTheEndInView();
        });
    }

    private void resumeIfAtEnd() {
        if (lastVisibleIndex() >= list.getItems().size() - 1) {
            following = true;
            unseen = 0;
            pill.setVisible(false);
        }
    }

    /** The index of the last row on screen, or -1 before the first layout. */
    private int lastVisibleIndex() {
        VirtualFlow<?> flow = flow();
        if (flow == null || flow.getLastVisibleCell() == null) {
            return -1;
        }
        return flow.getLastVisibleCell().getIndex();
    }

    private VirtualFlow<?> flow() {
        return list.lookup(".virtual-flow") instanceof VirtualFlow<?> f ? f : null;
    }

    /**
     * Shows the last row, once per burst of additions: scrolling makes the list measure rows, so a
     * burst of fifty rows costs one scroll, not fifty. Asking for the last row at the top leaves it
     * at the bottom (the flow cannot scroll past the end).
     */
    private void revealLast() {
        if (revealPending) {
            return;
        }
        revealPending = true;
        Platform.runLater(() -> {
            revealPending = false;
            // After the window closed (the last rows say "disconnected"), a scroll would lay out
            // cells outside the styled scene and log CSS warnings: nobody would see it anyway.
            boolean showing = list.getScene() != null && list.getScene().getWindow() != null
                    && list.getScene().getWindow().isShowing();
            int end = list.getItems().size() - 1;
            if (showing && end >= 0 && following) {
                list.scrollTo(end); // from estimated heights: the rest is measured, then pinned
                pinEnd();
            }
        });
    }

    /**
     * While following, the newest row stays whole at the bottom. Scrolling to the last row places it
     * from estimated heights: rows measured later (pictures, long thoughts, wrapped questions) left
     * the newest rows (the "idle", "paused" lines) under the fold. After every layout of the list,
     * the part of the last row still below the viewport is scrolled into view.
     */
    private void keepTheEndInView() {
        VirtualFlow<?> flow = flow();
        if (flow != null) {
            flow.needsLayoutProperty().addListener((o, was, needs) -> {
                if (!needs && following && belowTheFold(flow) > 0.5) {
                    pinEnd();
                }
            });
        }
    }

    /** Once per pulse: scrolls down until the last row is whole on screen (a viewport at a time while it is not laid out). */
    private void pinEnd() {
        if (pinPending) {
            return;
        }
        pinPending = true;
        Platform.runLater(() -> {
            pinPending = false;
            VirtualFlow<?> flow = flow();
            // only in a showing window: a view still being built off the FX thread is that thread's alone
            boolean showing = list.getScene() != null && list.getScene().getWindow() != null && list.getScene().getWindow().isShowing();
            for (int i = 0; i < 100 && flow != null && following && showing; i++) {
                double below = belowTheFold(flow);
                if (below <= 0.5 || flow.scrollPixels(below == Double.MAX_VALUE ? Math.max(40, flow.getHeight()) : below) == 0) {
                    break;
                }
            }
        });
    }

    /** How far the last row's bottom is below the viewport; MAX_VALUE when it is not laid out at all. */
    private double belowTheFold(VirtualFlow<?> flow) {
        var last = flow.getLastVisibleCell();
        int end = list.getItems().size() - 1;
        if (end < 0) {
            return 0;
        }
        if (last == null || last.getIndex() != end) {
            return Double.MAX_VALUE;
        }
        return last.getLayoutY() + last.getHeight() - flow.getHeight()
                + (flow.lookup(".scroll-bar:horizontal") instanceof ScrollBar h && h.isVisible() ? h.getHeight() : 0);
    }

    /** Shows {@code model}'s "working" row at the end of the transcript; its time moves on every second while shown. */
    public void showWorking(WorkingViewModel model) {
        working.textProperty().bind(model.textProperty());
        working.visibleProperty().bind(model.shownProperty());
        working.setAccessibleText("The agent is working");
        Timeline clock = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Animation.INDEFINITE);
        model.shownProperty().addListener((o, was, shown) -> {
            if (shown) {
                clock.play();
            } else {
                clock.stop();
            }
        });
    }

    public ListView<TranscriptRow> list() {
        return list;
    }

    /**
     * Off the FX thread, before the view joins the window (after it is styled and laid out there):
     * shows rows of every kind once, then the model's rows again. The cells stay in the list's pile
     * with their buttons and footers built, and the code and styles behind each kind of row have had
     * their first, slow run, so the first events of a session do not pay for them on the FX thread.
     */
    public void warmUpRows() {
        ObservableList<TranscriptRow> modelRows = list.getItems();
        Instant at = Instant.EPOCH;
        String longText = "warming up ".repeat(60);
        // The rows a session starts with; the rarer kinds (answers, errors, other callers) warm up when they come.
        List<TranscriptEntry> samples = List.of(new TranscriptEntry.Status("w1", at, "running"),
                new TranscriptEntry.Thought("w2", at, longText, List.of("navigate {}")),
                new TranscriptEntry.Observation("w3", at, Optional.of("page"), Optional.empty()),
                new TranscriptEntry.Question("w4", at, "which one?"),
                new TranscriptEntry.Operator("w5", at, 1, List.of("one", "two"), List.of(), Optional.empty(),
                        Optional.empty(), DeliveryState.SEEN, Optional.empty()));
        try {
            list.setItems(FXCollections.observableList(samples.stream().map(TranscriptRow::new).toList()));
            list.applyCss();
            list.layout();
        } finally {
            list.setItems(modelRows);
            list.applyCss();
            list.layout();
        }
    }

    /** Dragging the scroll bar is the operator scrolling too. */
    private void watchScrollBar() {
        for (Node n : list.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar bar && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                bar.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> following = false);
                bar.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::resumeIfAtEnd));
            }
        }
    }

    public void scrollToEnd() {
        following = true;
        unseen = 0;
        pill.setVisible(false);
        revealLast();
    }

    /**
     * Search: marks the rows whose keys are given, and shows {@code current} (when not null) in the
     * middle of the list; the list stops following the newest row, as when the operator scrolls up.
     */
    public void showMatches(java.util.Collection<String> keys, String current) {
        markMatches(keys, current);
        if (current == null) {
            return;
        }
        List<TranscriptRow> items = list.getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).key().equals(current)) {
                following = false;
                list.scrollTo(Math.max(0, i - 2));
                list.getSelectionModel().clearAndSelect(i);
                return;
            }
        }
    }

    /** Search: marks the rows whose keys are given ({@code current} as the one in view) without scrolling. */
    public void markMatches(java.util.Collection<String> keys, String current) {
        dev.agentconsole.ui.chat.rows.SearchMarks.of(list).set(keys, current);
        list.refresh();
    }

    private void copySelection() {
        String text = list.getSelectionModel().getSelectedItems().stream().map(row -> row.entry().copyText())
                .collect(Collectors.joining("\n\n"));
        if (!text.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private void enlarge(String key, String uri, Node owner) {
        images.load(key + "#full", uri, 0, full -> showLarge(full, owner));
    }

    private void showLarge(Image full, Node owner) {
        if (getScene() == null) {
            return;
        }
        ImageView view = new ImageView(full);
        view.setPreserveRatio(true);
        view.setFitWidth(Math.min(1000, getScene().getWidth() - 80));
        StackPane frame = new StackPane(view);
        Styles.asBubble(frame, Styles.OBSERVATION);
        Popup popup = new Popup();
        popup.setAutoHide(true);
        popup.setHideOnEscape(true);
        popup.getContent().add(frame);
        view.setOnMouseClicked(e -> popup.hide());
        var bounds = getScene().getWindow();
        popup.show(owner, bounds.getX() + 40, bounds.getY() + 60);
    }
}
