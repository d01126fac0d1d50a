package dev.agentconsole.ui.chat;

import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final int THUMBNAIL_WIDTH = 240;
    /** Thumbnails get a fixed box so a row keeps its height when the picture arrives. */
    private static final int THUMBNAIL_HEIGHT = 150;

    private final ListView<TranscriptRow> list;
    private final Button pill = new Button();
    private final Actions actions;
    private final Set<String> expanded = new HashSet<>();
    private final ImageLoader images;
    private int unseen;
    private boolean following = true;
    private boolean revealPending;

    public TranscriptView(TranscriptViewModel model, Actions actions, ImageLoader images) {
        this.actions = actions;
        this.images = images;
        list = new ListView<>(model.rows());
        list.setId("transcript");
        list.getStyleClass().add(Styles.TRANSCRIPT);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new EntryCell());
        list.setAccessibleText("Transcript of the conversation with the agent");
        list.setFocusTraversable(true);
        Label empty = new Label("Connect to a session, or start a demo, to see the agent at work.");
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
        getChildren().addAll(list, pill);

        model.rows().addListener((ListChangeListener<TranscriptRow>) change -> {
            int added = 0;
            while (change.next()) {
                if (change.wasAdded() && !change.wasReplaced()) {
                    if (change.getTo() == change.getList().size()) {
                        added += change.getAddedSize(); // new rows at the end
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
        list.skinProperty().addListener((o, was, skin) -> watchScrollBar());
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
                list.scrollTo(end);
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

    /**
     * One row: shows its row's entry and follows it while bound to it (a delivery moving on is
     * redrawn in this cell alone).
     *
     * <p>Every kind of row is drawn by the same small node tree (a status line, or a bubble with a
     * caption, body lines, actions, thumbnails, a footer and buttons): the bubble's kind is a
     * pseudo-class, and the parts a kind does not use are hidden. The list reuses a cell for rows
     * of any kind while it scrolls and re-measures, and every CSS pass walks the cell's whole tree,
     * hidden parts included: a tree per kind made each pass walk eight, and swapping trees in and
     * out re-matched their CSS from scratch.
     */
    private final class EntryCell extends ListCell<TranscriptRow> {

        private TranscriptRow bound;
        private final InvalidationListener entryChanged = o -> {
            if (bound != null) {
                showEntry(bound.entry());
            }
        };
        /** Weak, so a cell the list threw away while bound is not kept alive by its row. */
        private final WeakInvalidationListener weakEntryChanged = new WeakInvalidationListener(entryChanged);
        /** The entry this cell's graphic shows; entries are immutable, so the same one needs no redraw. */
        private TranscriptEntry rendered;

        private final Label statusLabel = new Label();
        private final HBox statusLine;

        private final VBox bubble = new VBox();
        private final HBox bubbleRow = new HBox(bubble);
        /** The bubble's parts in their order; the later ones are built the first time a row needs them. */
        private final Node[] parts = new Node[9];
        private final Label caption = place(0, caption());
        private final VBox lines = place(1, new VBox(4));
        private final VBox actionLines = place(2, new VBox());
        private final VBox thumbs = place(5, new VBox(6));
        // Built when first needed: most cells never show a button, and a button with its icon is
        // the dearest node to create and style while rows arrive.
        private Hyperlink toggle;
        private Label startUrl;
        private Label cause;
        private Label state;
        private Button resend;
        private Button drop;
        private HBox footer;
        private Button reply;
        /** The bubble's share of the list's width: the operator's own messages are narrower. */
        private final DoubleProperty widthShare = new SimpleDoubleProperty(0.82);
        private PseudoClass kind;

        EntryCell() {
            setAccessibleRole(AccessibleRole.LIST_ITEM);
            prefWidthProperty().bind(list.widthProperty().subtract(24));

            Separator l = new Separator();
            Separator r = new Separator();
            HBox.setHgrow(l, Priority.ALWAYS);
            HBox.setHgrow(r, Priority.ALWAYS);
            statusLine = new HBox(l, statusLabel, r);
            statusLine.getStyleClass().add(Styles.STATUS_LINE);

            bubble.getStyleClass().add(Styles.BUBBLE);
            bubble.maxWidthProperty().bind(list.widthProperty().multiply(widthShare));
            for (Node n : List.of(statusLine, bubbleRow)) {
                n.managedProperty().bind(n.visibleProperty());
            }
            setGraphic(new StackPane(statusLine, bubbleRow));
            getGraphic().setVisible(false);
        }

        /** Puts a part into the bubble at its place in {@link #parts}' order. */
        private <N extends Node> N place(int slot, N part) {
            part.managedProperty().bind(part.visibleProperty());
            int at = 0;
            for (int i = 0; i < slot; i++) {
                at += parts[i] == null ? 0 : 1;
            }
            parts[slot] = part;
            bubble.getChildren().add(at, part);
            return part;
        }

        private Hyperlink toggle() {
            if (toggle == null) {
                toggle = place(3, new Hyperlink());
            }
            return toggle;
        }

        private Label startUrl() {
            if (startUrl == null) {
                startUrl = place(4, caption());
            }
            return startUrl;
        }

        private Label cause() {
            if (cause == null) {
                cause = new Label();
                cause.setWrapText(true);
                cause.getStyleClass().add(Styles.PROBLEM);
                place(6, cause);
            }
            return cause;
        }

        /** The delivery line under the operator's own messages: state, Retry / Resend, Drop. */
        private HBox footer() {
            if (footer == null) {
                state = new Label();
                state.getStyleClass().add(Styles.DELIVERY);
                resend = new Button("", Icons.of(Feather.REFRESH_CW));
                drop = new Button("Drop", Icons.of(Feather.X));
                for (Button b : List.of(resend, drop)) {
                    b.getStyleClass().add("small");
                    b.managedProperty().bind(b.visibleProperty());
                }
                footer = new HBox(8, state, resend, drop);
                footer.setAlignment(Pos.CENTER_RIGHT);
                place(7, footer);
            }
            return footer;
        }

        private Button reply() {
            if (reply == null) {
                reply = new Button("Reply", Icons.of(Feather.CORNER_DOWN_RIGHT));
                reply.getStyleClass().addAll("small", Styles.REPLY);
                reply.setTooltip(new Tooltip("Quote this question in the composer and type your answer"));
                place(8, reply);
            }
            return reply;
        }

        private static void hide(Node part) {
            if (part != null) {
                part.setVisible(false);
            }
        }

        @Override
        protected void updateItem(TranscriptRow row, boolean empty) {
            super.updateItem(row, empty);
            TranscriptRow next = empty ? null : row;
            if (bound != next) {
                if (bound != null) {
                    bound.entryProperty().removeListener(weakEntryChanged);
                }
                bound = next;
                if (bound != null) {
                    bound.entryProperty().addListener(weakEntryChanged);
                }
            }
            showEntry(bound == null ? null : bound.entry());
        }

        private void showEntry(TranscriptEntry entry) {
            setText(null);
            if (entry == rendered) {
                return; // the list re-asks every visible cell on each change; most rows did not change
            }
            rendered = entry;
            // An empty cell keeps its graphic, hidden: setting it again would re-parent it.
            getGraphic().setVisible(entry != null);
            setAccessibleText(entry == null ? null : entry.copyText());
            if (entry == null || entry instanceof TranscriptEntry.Status) {
                setThumbnails("", List.of()); // lets go of pictures it no longer shows
            }
            if (entry == null) {
                return;
            }
            boolean status = entry instanceof TranscriptEntry.Status;
            statusLine.setVisible(status);
            bubbleRow.setVisible(!status);
            if (entry instanceof TranscriptEntry.Status s) {
                statusLabel.setText(s.label() + " · " + TIME.format(s.at()));
                return;
            }
            boolean operator = entry instanceof TranscriptEntry.Operator;
            bubbleRow.setAlignment(operator ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
            widthShare.set(operator ? 0.72 : 0.82);
            // What most kinds leave out; each kind below turns on what it shows.
            caption.setVisible(true);
            actionLines.setVisible(false);
            hide(toggle);
            hide(startUrl);
            hide(cause);
            hide(footer);
            hide(reply);
            List<String> images = List.of();
            if (entry instanceof TranscriptEntry.Operator o) {
                showOperator(o);
                images = o.images();
            } else if (entry instanceof TranscriptEntry.Thought t) {
                showThought(t);
            } else if (entry instanceof TranscriptEntry.Question q) {
                setKind(Styles.QUESTION);
                caption.setText("Question · " + TIME.format(q.at()));
                setLines(List.of(q.text()), false);
                reply().setVisible(true);
                reply.setOnAction(e -> actions.reply().accept(q.text()));
            } else if (entry instanceof TranscriptEntry.Answer a) {
                setKind(Styles.ANSWER);
                caption.setText("Answer" + a.outcome().map(x -> " · " + x).orElse("")
                        + a.errorCode().map(c -> " · " + c).orElse("") + " · " + TIME.format(a.at()));
                setLines(List.of(a.text()), a.structured());
            } else if (entry instanceof TranscriptEntry.Observation o) {
                setKind(Styles.OBSERVATION);
                caption.setText("Saw · " + TIME.format(o.at()));
                setLines(o.text().stream().toList(), false);
                images = o.image().stream().toList();
            } else if (entry instanceof TranscriptEntry.Message m) {
                setKind(Styles.MESSAGE);
                caption.setText((m.callerId().isEmpty() ? "Message" : m.callerId()) + " · " + TIME.format(m.at()));
                setLines(List.of(m.text()), false);
                images = m.images();
            } else if (entry instanceof TranscriptEntry.Error err) {
                setKind(Styles.ERROR);
                caption.setText("Error · " + TIME.format(err.at()));
                setLines(List.of(err.message()), false);
            } else if (entry instanceof TranscriptEntry.Note n) {
                setKind(Styles.NOTE);
                caption.setVisible(false);
                setLines(List.of(n.text()), false);
            } else if (entry instanceof TranscriptEntry.Other other) {
                setKind(Styles.OTHER);
                caption.setText("Event " + other.type() + " · " + TIME.format(other.at()));
                setLines(List.of(other.raw()), true);
            }
            setThumbnails(entry.key(), images);
        }

        private void showOperator(TranscriptEntry.Operator o) {
            setKind(Styles.OPERATOR);
            caption.setText((o.batch() ? "You · batch of " + o.lines().size() : "You")
                    + o.callerId().map(c -> " as " + c).orElse("") + " · " + TIME.format(o.at()));
            List<String> numbered = o.lines();
            if (o.batch()) {
                numbered = new java.util.ArrayList<>(o.lines().size());
                for (int i = 0; i < o.lines().size(); i++) {
                    numbered.add((i + 1) + ". " + o.lines().get(i));
                }
            }
            setLines(numbered, false);
            o.startUrl().ifPresent(u -> {
                startUrl().setVisible(true);
                startUrl.setText("start at " + u);
            });
            footer().setVisible(true);
            showState(state, o.state());
            boolean retry = o.state().resendable();
            if (retry && o.cause().isPresent()) {
                cause().setVisible(true);
                cause.setText(o.cause().get());
            }
            resend.setVisible(retry);
            drop.setVisible(retry);
            resend.setText(o.state() == DeliveryState.UNCERTAIN ? "Resend (may duplicate)" : "Retry");
            resend.setOnAction(e -> actions.resend().accept(o.deliveryId()));
            drop.setOnAction(e -> actions.drop().accept(o.deliveryId()));
        }

        private void showThought(TranscriptEntry.Thought t) {
            setKind(Styles.THOUGHT);
            caption.setVisible(false);
            boolean open = expanded.contains(t.key());
            setLines(t.text().isEmpty() ? List.of() : List.of(open ? t.text() : firstLines(t.text())), false);
            List<Node> labels = actionLines.getChildren();
            while (labels.size() < t.actions().size()) {
                Label a = new Label("", Icons.of(Feather.MOUSE_POINTER));
                a.getStyleClass().addAll(Styles.CAPTION, Styles.MONO);
                a.setWrapText(true);
                a.managedProperty().bind(a.visibleProperty());
                labels.add(a);
            }
            for (int i = 0; i < labels.size(); i++) {
                Label a = (Label) labels.get(i);
                a.setVisible(i < t.actions().size());
                a.setText(i < t.actions().size() ? t.actions().get(i) : "");
            }
            actionLines.setVisible(!t.actions().isEmpty());
            if (t.text().length() <= 160) {
                return;
            }
            toggle().setVisible(true);
            toggle.setText(open ? "less" : "more");
            toggle.setOnAction(e -> {
                if (!expanded.remove(t.key())) {
                    expanded.add(t.key());
                }
                rendered = null;
                showEntry(t);
                list.refresh(); // the row's height changed: let the list measure it again
            });
        }

        /** The bubble's kind, as a pseudo-class: switching it restyles the tree without matching its CSS anew. */
        private void setKind(String name) {
            PseudoClass next = Styles.bubbleKind(name);
            if (kind != next) {
                if (kind != null) {
                    bubble.pseudoClassStateChanged(kind, false);
                }
                bubble.pseudoClassStateChanged(next, true);
                kind = next;
            }
        }

        /** The body's lines; labels beyond them are hidden, not removed (a removed node re-added is styled from scratch). */
        private void setLines(List<String> texts, boolean mono) {
            List<Node> labels = lines.getChildren();
            while (labels.size() < texts.size()) {
                labels.add(body());
            }
            for (int i = 0; i < labels.size(); i++) {
                Label l = (Label) labels.get(i);
                boolean used = i < texts.size();
                l.setVisible(used);
                l.setText(used ? texts.get(i) : "");
                l.pseudoClassStateChanged(MONO, mono);
            }
            lines.setVisible(!texts.isEmpty());
        }

        /** Thumbnails in fixed boxes (a row keeps its height when the picture arrives), decoded off the FX thread. */
        private void setThumbnails(String rowKey, List<String> uris) {
            List<Node> frames = thumbs.getChildren();
            while (frames.size() < uris.size()) {
                frames.add(thumbnailFrame());
            }
            for (int i = 0; i < frames.size(); i++) {
                StackPane frame = (StackPane) frames.get(i);
                ImageView view = (ImageView) frame.getChildren().get(0);
                boolean used = i < uris.size();
                frame.setVisible(used);
                String key = used ? rowKey + "#" + i : null;
                String uri = used ? uris.get(i) : null;
                view.setUserData(key);
                view.getProperties().put(URI, uri);
                view.setImage(used ? images.cached(key) : null);
                if (used && view.getImage() == null) {
                    images.load(key, uri, THUMBNAIL_WIDTH * 2, image -> {
                        if (key.equals(view.getUserData())) {
                            view.setImage(image);
                        }
                    });
                }
            }
            thumbs.setVisible(!uris.isEmpty());
        }

        private StackPane thumbnailFrame() {
            ImageView view = new ImageView();
            view.setFitWidth(THUMBNAIL_WIDTH);
            view.setFitHeight(THUMBNAIL_HEIGHT);
            view.setPreserveRatio(true);
            view.getStyleClass().add(Styles.THUMBNAIL);
            Tooltip.install(view, new Tooltip("Click to enlarge"));
            view.setAccessibleText("Screenshot; click to enlarge");
            view.setOnMouseClicked(e -> {
                if (view.getUserData() instanceof String key && view.getProperties().get(URI) instanceof String uri) {
                    enlarge(key, uri, view);
                }
            });
            StackPane frame = new StackPane(view);
            frame.setMinSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
            frame.setPrefSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
            frame.setMaxSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
            frame.setAlignment(Pos.TOP_LEFT);
            frame.managedProperty().bind(frame.visibleProperty());
            return frame;
        }

        private Label caption() {
            Label l = new Label();
            l.getStyleClass().add(Styles.CAPTION);
            return l;
        }

        private Label body() {
            Label l = new Label();
            l.getStyleClass().add(Styles.BODY);
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.managedProperty().bind(l.visibleProperty());
            return l;
        }
    }

    /** Where a thumbnail keeps the data URI it enlarges. */
    private static final String URI = "transcript.uri";
    private static final PseudoClass MONO = PseudoClass.getPseudoClass(Styles.MONO);

    private static final java.util.Map<DeliveryState, PseudoClass> STATE_CLASSES = new java.util.EnumMap<>(DeliveryState.class);

    static {
        for (DeliveryState state : DeliveryState.values()) {
            STATE_CLASSES.put(state, PseudoClass.getPseudoClass(state.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /**
     * The delivery state as text and as a pseudo-class ({@code .delivery:seen}): a pseudo-class
     * change only switches styles, where a changed style class would match the label's CSS anew.
     */
    private static void showState(Label label, DeliveryState state) {
        label.setText(deliveryText(state));
        if (!label.getStyleClass().contains(Styles.DELIVERY)) {
            label.getStyleClass().add(Styles.DELIVERY);
        }
        STATE_CLASSES.forEach((s, pseudo) -> label.pseudoClassStateChanged(pseudo, s == state));
    }

    private static String firstLines(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "…";
    }

    static String deliveryText(DeliveryState state) {
        return switch (state) {
            case QUEUED -> "queued";
            case SENDING -> "sending…";
            case ACCEPTED -> "accepted";
            case SEEN -> "seen by the agent ✓";
            case FAILED -> "failed";
            case UNCERTAIN -> "uncertain: may have arrived";
            case DROPPED -> "dropped";
            case WAITING -> "waiting for the API key";
        };
    }
}
