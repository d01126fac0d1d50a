package dev.agentconsole.ui.console;

import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.LinkOpener;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.about.AboutDialog;
import dev.agentconsole.ui.chat.TranscriptView;
import dev.agentconsole.ui.compose.ComposerView;
import dev.agentconsole.ui.session.SessionBarView;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.beans.binding.Bindings;
import javafx.scene.layout.Region;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/** The whole window: session bar on top, transcript in the middle, composer below. Code only, no FXML. */
public final class ConsoleView extends BorderPane {

    /** The most of the room under the session bar that the composer (with its questions) may take. */
    static final double COMPOSER_SHARE = 0.6;

    private final ConsoleViewModel vm;
    private final ComposerView composer;
    private final TranscriptView transcript;
    private final LinkOpener openInBrowser;

    public ConsoleView(ConsoleViewModel vm, LinkOpener openInBrowser, BooleanProperty dark, ImageLoader images) {
        this.vm = vm;
        this.openInBrowser = openInBrowser;
        getStyleClass().add(Styles.ROOT);
        VBox top = new VBox(new SessionBarView(vm, openInBrowser, dark, this::showAbout), storeWarningBar(vm.storeWarning()));
        setTop(top);
        images.setFetcher(vm::fetchImage); // screenshots named by URL come through the bound session, with its key
        // rows are keyed by their place in a session's stream: nothing of the last session may show in the next
        // (bound, waiting for a key, or another provider with the same id: each time the transcript starts over)
        vm.transcript().clearedProperty().addListener((o, was, now) -> images.reset());

        transcript = new TranscriptView(vm.transcript(), new TranscriptView.Actions(
                question -> {
                    vm.replyTo(question);
                    focusComposer();
                },
                vm::resend, vm::drop), images);
        transcript.showWorking(vm.working());
        setCenter(transcript);

        var connected = vm.canSendProperty();
        composer = new ComposerView(vm.composer(), new ComposerView.Actions(vm::send, vm::sendQueue), connected, images);
        composer.strip().acceptDrops(this); // images and image files dropped anywhere on the window

        HBox confirmation = new HBox();
        confirmation.setId("confirmationBar");
        confirmation.getStyleClass().add(Styles.CONFIRMATION);
        confirmation.setAlignment(Pos.CENTER_LEFT);
        confirmation.visibleProperty().bind(vm.confirmationProperty().isNotNull());
        confirmation.managedProperty().bind(confirmation.visibleProperty());
        confirmation.setMinHeight(Region.USE_PREF_SIZE); // a short window shrinks the composer, never the question
        vm.confirmationProperty().addListener((o, was, now) -> {
            confirmation.getChildren().clear();
            if (now == null) {
                return;
            }
            Label message = new Label(now.message(), Icons.of(Feather.ALERT_CIRCLE));
            message.setWrapText(true);
            message.setMinWidth(120);
            HBox.setHgrow(message, Priority.ALWAYS);
            message.setMaxWidth(Double.MAX_VALUE);
            confirmation.getChildren().add(message);
            for (int i = 0; i < now.choices().size(); i++) {
                Confirmation.Choice choice = now.choices().get(i);
                Button b = new Button(choice.label());
                b.setId("confirmChoice" + i);
                b.setMinWidth(Region.USE_PREF_SIZE); // the question wraps; a choice is never cut to "..."
                if (choice.primary()) {
                    b.getStyleClass().add("accent");
                    b.setDefaultButton(true);
                }
                b.setOnAction(e -> {
                    vm.choose(choice);
                    focusComposer();
                });
                confirmation.getChildren().add(b);
            }
            Platform.runLater(() -> confirmation.getChildren().stream()
                    .filter(n -> n instanceof Button b && b.isDefaultButton()).findFirst().ifPresent(n -> n.requestFocus()));
        });
        // The composer with its queue, pictures, quote and draft can outgrow a short window: it takes at most
        // its share (and scrolls, keeping the message in view), so the transcript keeps at least 40% of the room.
        ScrollPane composerScroll = new ScrollPane(composer);
        composerScroll.setId("composerScroll");
        composerScroll.setFitToWidth(true);
        composerScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        composerScroll.getStyleClass().addAll("edge-to-edge", Styles.COMPOSER_SCROLL);
        composerScroll.minHeightProperty().bind(Bindings.min(composer.heightProperty(), 120));
        composer.heightProperty().addListener((o, was, now) -> composerScroll.setVvalue(composerScroll.getVmax()));
        composer.input().focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                composerScroll.setVvalue(composerScroll.getVmax());
            }
        });
        VBox.setVgrow(composerScroll, Priority.SOMETIMES);
        VBox bottom = new VBox(confirmation, heldBar(vm), composerScroll);
        bottom.setSpacing(0);
        bottom.maxHeightProperty().bind(heightProperty().subtract(top.heightProperty()).multiply(COMPOSER_SHARE));
        setBottom(bottom);
    }

    /** Scene-wide keys; call once the view is in its scene. */
    public void installKeys(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                vm::pauseOrResume);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.X, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                vm::requestStop);
        // Ctrl+Q / Ctrl+W: close the window (the app exits with it).
        Runnable close = () -> {
            if (scene.getWindow() != null) {
                scene.getWindow().fireEvent(new javafx.stage.WindowEvent(scene.getWindow(),
                        javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
                if (scene.getWindow() instanceof javafx.stage.Stage stage) {
                    stage.close();
                }
            }
        };
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::showAbout);
        dev.agentconsole.ui.search.SearchUi.install(this, scene, vm); // Ctrl+F, Ctrl+Shift+F, Ctrl+Shift+E
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), close);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), close);
        scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            // Esc dismisses a pending question; it never throws away typed text.
            if (e.getCode() == KeyCode.ESCAPE && vm.confirmationProperty().get() != null) {
                vm.dismissConfirmation();
                focusComposer();
                e.consume();
            }
        });
        vm.stateProperty().addListener((o, was, now) -> {
            if (now == ConnectionState.LIVE && was == ConnectionState.CONNECTING) {
                focusComposer();
            }
        });
    }

    /** The About dialog, over this window; the session goes on behind it. */
    public void showAbout() {
        if (getScene() != null && getScene().getWindow() != null) {
            new AboutDialog(getScene().getWindow(), vm.about(), openInBrowser).show();
        }
    }

    /** Messages held while the agent is paused: what waits, and the way back into the composer. */
    private static HBox heldBar(ConsoleViewModel vm) {
        Button unhold = new Button("Back to the composer", Icons.of(Feather.CORNER_LEFT_DOWN));
        unhold.setId("unholdButton");
        unhold.setTooltip(new Tooltip("Do not send them on resume: put them back into the composer to edit or send"));
        unhold.setOnAction(e -> vm.unhold());
        HBox bar = messageBar("heldMessages", Feather.CLOCK, vm.held().summaryProperty(), unhold, Styles.CONFIRMATION);
        bar.setMinHeight(Region.USE_PREF_SIZE);
        return bar;
    }

    /** The store's warning, in view until the operator dismisses it (binding a session does not). */
    private static HBox storeWarningBar(StoreWarning warning) {
        Button dismiss = new Button("Dismiss");
        dismiss.setId("dismissStoreWarning");
        dismiss.setTooltip(new Tooltip("Hide this message; the status line still says when nothing is saved"));
        dismiss.setOnAction(e -> warning.dismiss());
        return messageBar("storeWarning", Feather.ALERT_TRIANGLE, warning.messageProperty(), dismiss, Styles.STORE_WARNING);
    }

    /** A bar across the window: an icon and a wrapping message, one button; shown while there is a message. */
    private static HBox messageBar(String id, Feather icon, javafx.beans.value.ObservableStringValue text, Button action,
                                   String styleClass) {
        Label message = new Label("", Icons.of(icon));
        message.setId(id);
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox bar = new HBox(8, message, action);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(styleClass);
        bar.visibleProperty().bind(message.textProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /** Text typed before the view was in the window goes into the message, after what is there. */
    public void typeAhead(String text) {
        if (!text.isEmpty()) {
            composer.input().appendText(text);
        }
    }

    public void focusComposer() {
        Platform.runLater(() -> {
            composer.input().requestFocus();
            composer.input().positionCaret(composer.input().getLength());
        });
    }

    public TranscriptView transcript() {
        return transcript;
    }

    public ComposerView composer() {
        return composer;
    }
}
