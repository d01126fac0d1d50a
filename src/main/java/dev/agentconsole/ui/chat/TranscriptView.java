package dev.agentconsole.ui.chat;

import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
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
        frame.getStyleClass().addAll(Styles.BUBBLE, Styles.OBSERVATION);
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
        /**
         * One node tree per row kind, built once per cell and refilled for each row it shows:
         * new nodes would need CSS and layout from scratch on every scroll step and every time the
         * list re-measures rows.
         */
        private final java.util.Map<Class<?>, Holder> holders = new java.util.HashMap<>();

        private Holder newHolder(TranscriptEntry entry) {
            if (entry instanceof TranscriptEntry.Thought) {
                return new ThoughtHolder();
            }
            if (entry instanceof TranscriptEntry.Status) {
                return new StatusHolder();
            }
            if (entry instanceof TranscriptEntry.Note) {
                return new TextHolder(Styles.NOTE, false, null);
            }
            if (entry instanceof TranscriptEntry.Answer) {
                return new TextHolder(Styles.ANSWER, true, null);
            }
            if (entry instanceof TranscriptEntry.Question) {
                Button reply = new Button("Reply", Icons.of(Feather.CORNER_DOWN_RIGHT));
                reply.getStyleClass().add("small");
                reply.setTooltip(new Tooltip("Quote this question in the composer and type your answer"));
                return new TextHolder(Styles.QUESTION, true, reply);
            }
            if (entry instanceof TranscriptEntry.Operator) {
                return new OperatorHolder();
            }
            if (entry instanceof TranscriptEntry.Observation) {
                return new ObservationHolder();
            }
            if (entry instanceof TranscriptEntry.Error) {
                return new TextHolder(Styles.ERROR, true, null);
            }
            return null; // rarer rows are built each time
        }

        /**
         * The cell's one graphic, set once: every row kind's node tree lives in it, and a row shows
         * its kind's tree and hides the others. Swapping the graphic instead would re-parent a tree
         * on every kind change, and a re-parented node has its CSS matched from scratch: that was
         * most of the FX thread's work while rows arrived or scrolled by.
         */
        private final StackPane kinds = new StackPane();
        /** The slot for rows built each time (rarer kinds, messages with images). */
        private final StackPane oneOff = new StackPane();
        private Node shown;

        EntryCell() {
            setAccessibleRole(AccessibleRole.LIST_ITEM);
            prefWidthProperty().bind(list.widthProperty().subtract(24));
            oneOff.managedProperty().bind(oneOff.visibleProperty());
            oneOff.setVisible(false);
            kinds.getChildren().add(oneOff);
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
            if (entry == null) {
                rendered = null;
                show(null); // an empty cell keeps its graphic, hidden: setting it again would re-parent it
                oneOff.getChildren().clear();
                setAccessibleText(null);
                return;
            }
            if (entry == rendered && getGraphic() != null) {
                return; // the list re-asks every visible cell on each change; most rows did not change
            }
            rendered = entry;
            boolean holdable = !(entry instanceof TranscriptEntry.Operator o) || o.images().isEmpty();
            Holder holder = holdable ? holders.computeIfAbsent(entry.getClass(), kind -> adopt(newHolder(entry))) : null;
            if (holder != null) {
                holder.show(entry);
                oneOff.getChildren().clear();
                show(holder.node());
            } else {
                oneOff.getChildren().setAll(render(entry));
                show(oneOff);
            }
            if (getGraphic() != kinds) {
                setGraphic(kinds);
            }
            setAccessibleText(entry.copyText());
        }

        /** Puts a new kind's tree into the cell's graphic, hidden until a row of that kind shows. */
        private Holder adopt(Holder holder) {
            if (holder != null) {
                Node node = holder.node();
                node.managedProperty().bind(node.visibleProperty());
                node.setVisible(false);
                kinds.getChildren().add(node);
            }
            return holder;
        }

        private void show(Node node) {
            if (shown != node) {
                if (shown != null) {
                    shown.setVisible(false);
                }
                if (node != null) {
                    node.setVisible(true);
                }
                shown = node;
            }
        }

        /** A row's node tree, refilled in place. */
        private interface Holder {
            Node node();

            void show(TranscriptEntry entry);

        }

        private final class StatusHolder implements Holder {
            private final Label label = new Label();
            private final HBox line;

            StatusHolder() {
                Separator l = new Separator();
                Separator r = new Separator();
                HBox.setHgrow(l, Priority.ALWAYS);
                HBox.setHgrow(r, Priority.ALWAYS);
                line = new HBox(l, label, r);
                line.getStyleClass().add(Styles.STATUS_LINE);
            }

            public Node node() {
                return line;
            }

            public void show(TranscriptEntry entry) {
                TranscriptEntry.Status s = (TranscriptEntry.Status) entry;
                label.setText(s.label() + " · " + TIME.format(s.at()));
            }
        }

        /** Notes, answers and questions: an optional caption, the text, an optional button. */
        private final class TextHolder implements Holder {
            private final Label caption = caption("");
            private final Label body = body("", false);
            private final Button button;
            private final Node row;
            private final boolean captioned;

            TextHolder(String kind, boolean captioned, Button button) {
                this.button = button;
                this.captioned = captioned;
                VBox box = bubble(kind);
                if (captioned) {
                    box.getChildren().add(caption);
                }
                box.getChildren().add(body);
                if (button != null) {
                    box.getChildren().add(button);
                }
                row = left(box);
            }

            public Node node() {
                return row;
            }

            public void show(TranscriptEntry entry) {
                body.setText(entry instanceof TranscriptEntry.Note n ? n.text() : entry.copyText());
                if (entry instanceof TranscriptEntry.Answer a) {
                    caption.setText("Answer" + a.outcome().map(o -> " · " + o).orElse("")
                            + a.errorCode().map(c -> " · " + c).orElse("") + " · " + TIME.format(a.at()));
                    setMono(a.structured());
                } else if (entry instanceof TranscriptEntry.Error err) {
                    caption.setText("Error · " + TIME.format(err.at()));
                    body.setText(err.message());
                } else if (captioned) {
                    caption.setText("Question · " + TIME.format(entry.at()));
                }
                if (button != null && entry instanceof TranscriptEntry.Question q) {
                    button.setOnAction(e -> actions.reply().accept(q.text()));
                }
            }

            private void setMono(boolean mono) {
                if (mono && !body.getStyleClass().contains(Styles.MONO)) {
                    body.getStyleClass().add(Styles.MONO);
                } else if (!mono) {
                    body.getStyleClass().remove(Styles.MONO);
                }
            }
        }

        private final class ThoughtHolder implements Holder {
            private final Label text = body("", false);
            private final VBox actionsBox = new VBox();
            private final Hyperlink toggle = new Hyperlink();
            private final Node row;

            ThoughtHolder() {
                row = left(bubble(Styles.THOUGHT, text, actionsBox, toggle));
                text.managedProperty().bind(text.visibleProperty());
                toggle.managedProperty().bind(toggle.visibleProperty());
            }

            public Node node() {
                return row;
            }

            public void show(TranscriptEntry entry) {
                TranscriptEntry.Thought t = (TranscriptEntry.Thought) entry;
                boolean open = expanded.contains(t.key());
                text.setVisible(!t.text().isEmpty());
                text.setText(open ? t.text() : firstLines(t.text()));
                List<Node> labels = actionsBox.getChildren();
                while (labels.size() < t.actions().size()) {
                    Label a = new Label("", Icons.of(Feather.MOUSE_POINTER));
                    a.getStyleClass().addAll(Styles.CAPTION, Styles.MONO);
                    a.setWrapText(true);
                    labels.add(a);
                }
                while (labels.size() > t.actions().size()) {
                    labels.remove(labels.size() - 1);
                }
                for (int i = 0; i < t.actions().size(); i++) {
                    ((Label) labels.get(i)).setText(t.actions().get(i));
                }
                toggle.setVisible(t.text().length() > 160);
                toggle.setText(open ? "less" : "more");
                toggle.setOnAction(e -> {
                    if (!expanded.remove(t.key())) {
                        expanded.add(t.key());
                    }
                    show(t);
                    list.refresh(); // the row's height changed: let the list measure it again
                });
            }
        }

        /** What the agent saw: a caption, optional text, an optional thumbnail. */
        private final class ObservationHolder implements Holder {
            private final Label caption = caption("");
            private final Label text = body("", false);
            private final ImageView view = new ImageView();
            private final StackPane frame = new StackPane(view);
            private final Node row;
            private String key;
            private String uri;

            ObservationHolder() {
                view.setFitWidth(THUMBNAIL_WIDTH);
                view.setFitHeight(THUMBNAIL_HEIGHT);
                view.setPreserveRatio(true);
                view.getStyleClass().add(Styles.THUMBNAIL);
                frame.setMinSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
                frame.setPrefSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
                frame.setMaxSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
                frame.setAlignment(Pos.TOP_LEFT);
                text.managedProperty().bind(text.visibleProperty());
                frame.managedProperty().bind(frame.visibleProperty());
                Tooltip.install(view, new Tooltip("Click to enlarge"));
                view.setAccessibleText("Screenshot; click to enlarge");
                view.setOnMouseClicked(e -> enlarge(key, uri, view));
                row = left(bubble(Styles.OBSERVATION, caption, text, frame));
            }

            public Node node() {
                return row;
            }

            public void show(TranscriptEntry entry) {
                TranscriptEntry.Observation o = (TranscriptEntry.Observation) entry;
                caption.setText("Saw · " + TIME.format(o.at()));
                text.setVisible(o.text().isPresent());
                text.setText(o.text().orElse(""));
                frame.setVisible(o.image().isPresent());
                key = o.key();
                uri = o.image().orElse(null);
                view.setUserData(key);
                view.setImage(uri == null ? null : images.cached(key));
                if (uri != null && view.getImage() == null) {
                    String wanted = key;
                    images.load(wanted, uri, THUMBNAIL_WIDTH * 2, image -> {
                        if (wanted.equals(view.getUserData())) {
                            view.setImage(image);
                        }
                    });
                }
            }
        }

        /** The operator's message without images (those are built each time): lines, state, Retry/Drop. */
        private final class OperatorHolder implements Holder {
            private final Label caption = caption("");
            private final VBox lines = new VBox();
            private final Label startUrl = caption("");
            private final Label cause = new Label();
            private final Label state = new Label();
            private final Button resend = new Button("", Icons.of(Feather.REFRESH_CW));
            private final Button drop = new Button("Drop", Icons.of(Feather.X));
            private final VBox box;
            private final HBox row;

            OperatorHolder() {
                cause.setWrapText(true);
                cause.getStyleClass().add(Styles.PROBLEM);
                resend.getStyleClass().add("small");
                drop.getStyleClass().add("small");
                for (Node n : List.of(startUrl, cause, resend, drop)) {
                    n.managedProperty().bind(n.visibleProperty());
                }
                HBox footer = new HBox(8, state, resend, drop);
                footer.setAlignment(Pos.CENTER_RIGHT);
                box = bubble(Styles.OPERATOR, caption, lines, startUrl, cause, footer);
                box.maxWidthProperty().unbind();
                box.maxWidthProperty().bind(list.widthProperty().multiply(0.72));
                row = new HBox(box);
                row.setAlignment(Pos.CENTER_RIGHT);
            }

            public Node node() {
                return row;
            }


            public void show(TranscriptEntry entry) {
                TranscriptEntry.Operator o = (TranscriptEntry.Operator) entry;
                caption.setText((o.batch() ? "You · batch of " + o.lines().size() : "You")
                        + o.callerId().map(c -> " as " + c).orElse("") + " · " + TIME.format(o.at()));
                List<Node> labels = lines.getChildren();
                while (labels.size() < o.lines().size()) {
                    labels.add(body("", false));
                }
                while (labels.size() > o.lines().size()) {
                    labels.remove(labels.size() - 1);
                }
                for (int i = 0; i < o.lines().size(); i++) {
                    ((Label) labels.get(i)).setText(o.batch() ? (i + 1) + ". " + o.lines().get(i) : o.lines().get(i));
                }
                startUrl.setVisible(o.startUrl().isPresent());
                startUrl.setText(o.startUrl().map(u -> "start at " + u).orElse(""));
                showState(state, o.state());
                boolean retry = o.state().resendable();
                cause.setVisible(retry && o.cause().isPresent());
                cause.setText(o.cause().orElse(""));
                resend.setVisible(retry);
                drop.setVisible(retry);
                resend.setText(o.state() == DeliveryState.UNCERTAIN ? "Resend (may duplicate)" : "Retry");
                resend.setOnAction(e -> actions.resend().accept(o.deliveryId()));
                drop.setOnAction(e -> actions.drop().accept(o.deliveryId()));
            }
        }

        /** Rows without a holder: operator messages with images, agent messages, unknown events. */
        private Node render(TranscriptEntry entry) {
            if (entry instanceof TranscriptEntry.Operator o) {
                return operator(o);
            }
            if (entry instanceof TranscriptEntry.Message m) {
                VBox box = bubble(Styles.MESSAGE, caption(m.callerId().isEmpty() ? "Message" : m.callerId(), m), body(m.text(), false));
                for (int i = 0; i < m.images().size(); i++) {
                    box.getChildren().add(thumbnail(m.key() + "#" + i, m.images().get(i)));
                }
                return left(box);
            }
            TranscriptEntry.Other other = (TranscriptEntry.Other) entry;
            return left(bubble(Styles.OTHER, caption("Event " + other.type(), other), body(other.raw(), true)));
        }

        private Node operator(TranscriptEntry.Operator o) {
            VBox box = bubble(Styles.OPERATOR);
            String title = o.batch() ? "You · batch of " + o.lines().size() : "You";
            title += o.callerId().map(c -> " as " + c).orElse("");
            box.getChildren().add(caption(title, o));
            if (o.batch()) {
                for (int i = 0; i < o.lines().size(); i++) {
                    box.getChildren().add(body((i + 1) + ". " + o.lines().get(i), false));
                }
            } else {
                box.getChildren().add(body(o.lines().get(0), false));
            }
            o.startUrl().ifPresent(u -> box.getChildren().add(caption("start at " + u)));
            for (int i = 0; i < o.images().size(); i++) {
                box.getChildren().add(thumbnail(o.key() + "#" + i, o.images().get(i)));
            }
            Label state = new Label();
            showState(state, o.state());
            HBox footer = new HBox(8, state);
            footer.setAlignment(Pos.CENTER_RIGHT);
            if (o.state().resendable()) {
                o.cause().ifPresent(c -> {
                    Label cause = new Label(c);
                    cause.setWrapText(true);
                    cause.getStyleClass().add(Styles.PROBLEM);
                    box.getChildren().add(cause);
                });
                Button resend = new Button(o.state() == DeliveryState.UNCERTAIN ? "Resend (may duplicate)" : "Retry",
                        Icons.of(Feather.REFRESH_CW));
                resend.getStyleClass().add("small");
                resend.setOnAction(e -> actions.resend().accept(o.deliveryId()));
                Button drop = new Button("Drop", Icons.of(Feather.X));
                drop.getStyleClass().add("small");
                drop.setOnAction(e -> actions.drop().accept(o.deliveryId()));
                footer.getChildren().addAll(resend, drop);
            }
            box.getChildren().add(footer);
            HBox row = new HBox(box);
            row.setAlignment(Pos.CENTER_RIGHT);
            box.maxWidthProperty().bind(list.widthProperty().multiply(0.72));
            return row;
        }

        private Node thumbnail(String key, String uri) {
            ImageView view = new ImageView(images.cached(key));
            view.setFitWidth(THUMBNAIL_WIDTH);
            view.setFitHeight(THUMBNAIL_HEIGHT);
            view.setPreserveRatio(true);
            view.getStyleClass().add(Styles.THUMBNAIL);
            view.setUserData(key);
            StackPane holder = new StackPane(view);
            holder.setMinSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
            holder.setPrefSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
            holder.setMaxSize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
            holder.setAlignment(Pos.TOP_LEFT);
            if (view.getImage() == null) {
                images.load(key, uri, THUMBNAIL_WIDTH * 2, image -> {
                    if (key.equals(view.getUserData())) {
                        view.setImage(image);
                    }
                });
            }
            setUp(view, key, uri);
            return holder;
        }

        private void setUp(ImageView view, String key, String uri) {
            Tooltip.install(view, new Tooltip("Click to enlarge"));
            view.setAccessibleText("Screenshot; click to enlarge");
            view.setOnMouseClicked(e -> enlarge(key, uri, view));
        }

        private VBox bubble(String kind, Node... children) {
            VBox box = new VBox(children);
            box.getStyleClass().addAll(Styles.BUBBLE, kind);
            box.maxWidthProperty().bind(list.widthProperty().multiply(0.82));
            return box;
        }

        private Node left(VBox box) {
            HBox row = new HBox(box);
            row.setAlignment(Pos.CENTER_LEFT);
            return row;
        }

        private Label caption(String title, TranscriptEntry e) {
            return caption(title + " · " + TIME.format(e.at()));
        }

        private Label caption(String text) {
            Label l = new Label(text);
            l.getStyleClass().add(Styles.CAPTION);
            return l;
        }

        private Label body(String text, boolean mono) {
            Label l = new Label(text);
            l.getStyleClass().add(Styles.BODY);
            if (mono) {
                l.getStyleClass().add(Styles.MONO);
            }
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            return l;
        }
    }

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
