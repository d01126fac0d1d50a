package dev.agentconsole.ui.session;

import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.LinkOpener;
import dev.agentconsole.ui.MessageBar;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.Viewports;
import dev.agentconsole.ui.chat.TranscriptView;
import dev.agentconsole.ui.compose.ComposerView;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One session in the window: its status and controls on top, the transcript in the middle, and
 * below it the question of the moment, the held messages and the composer. Each open session has
 * its own, so switching keeps where each transcript was read to and what each composer holds.
 */
public final class SessionView extends BorderPane {

    /** The most of the room under the header that the composer (with its questions) may take. */
    static final double COMPOSER_SHARE = 0.6;

    private final SessionViewModel vm;
    private final SessionHeader header;
    private final TranscriptView transcript;
    private final ComposerView composer;
    private final ImageLoader images = new ImageLoader();

    /**
     * @param keyTyped what a key typed for this session (when it waits for one) does: the window binds it,
     *                 and every other session of its provider that waits
     */
    public SessionView(SessionViewModel vm, LinkOpener openInBrowser, ObservableBooleanValue saving,
                       ObservableStringValue notSavingWhy, java.util.function.Consumer<String> keyTyped) {
        this.vm = vm;
        getStyleClass().add(Styles.SESSION_VIEW);
        header = new SessionHeader(vm, openInBrowser, saving, notSavingWhy);
        Label notice = new Label();
        notice.setId("sessionNotice");
        notice.getStyleClass().add(Styles.NOTICE);
        notice.setWrapText(true);
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        VBox top = new VBox(header, notice, keyRow(keyTyped));
        top.getStyleClass().add("session-top");
        setTop(top);
        images.setFetcher(vm::fetchImage); // screenshots named by URL come through this session, with its key
        // rows are keyed by their place in the session's stream: a binding that starts over starts the pictures over
        vm.transcript().clearedProperty().addListener((o, was, now) -> images.reset());

        transcript = new TranscriptView(vm.transcript(), new TranscriptView.Actions(
                question -> {
                    vm.replyTo(question);
                    focusComposer();
                },
                vm::resend, vm::drop), images);
        transcript.showWorking(vm.working());
        setCenter(transcript);

        composer = new ComposerView(vm.composer(), new ComposerView.Actions(vm::send, vm::sendQueue), vm.canSendProperty(), images);
        composer.strip().acceptDrops(this); // images and image files dropped anywhere on the session

        HBox confirmation = confirmationBar();
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
        Viewports.neverCached(composerScroll);
        Viewports.neverCached(composer.input());
        Button unhold = new Button("Back to the composer", Icons.of(Feather.CORNER_LEFT_DOWN));
        unhold.setId("unholdButton");
        unhold.setTooltip(new Tooltip("Do not send them on resume: put them back into the composer to edit or send"));
        unhold.setOnAction(e -> vm.unhold());
        HBox held = MessageBar.of("heldMessages", Feather.CLOCK, vm.held().summaryProperty(), unhold, Styles.CONFIRMATION);
        held.setMinHeight(Region.USE_PREF_SIZE);
        VBox bottom = new VBox(confirmation, held, composerScroll);
        bottom.setSpacing(0);
        bottom.maxHeightProperty().bind(heightProperty().subtract(top.heightProperty()).multiply(COMPOSER_SHARE));
        setBottom(bottom);
        vm.stateProperty().addListener((o, was, now) -> {
            if (now == ConnectionState.LIVE && was == ConnectionState.CONNECTING && getScene() != null) {
                focusComposer(); // bound: ready to type
            }
        });
    }

    /** While the session waits for a key: a masked field and Connect, for this session and its provider's others. */
    private HBox keyRow(java.util.function.Consumer<String> keyTyped) {
        javafx.scene.control.PasswordField key = new javafx.scene.control.PasswordField();
        key.setId("sessionKeyInput");
        key.setPromptText("API key for " + vm.provider().displayName());
        key.setPrefColumnCount(24);
        key.setAccessibleText("API key for " + vm.provider().displayName() + ", kept in memory only");
        key.setTooltip(new Tooltip("Kept in memory only, never written; set " + String.join(" or ", vm.provider().tokenVariables())
                + " to skip this"));
        Button connect = new Button("Connect", Icons.of(Feather.LINK_2));
        connect.setId("sessionKeyConnect");
        connect.disableProperty().bind(key.textProperty().isEmpty());
        Runnable go = () -> {
            keyTyped.accept(key.getText());
            key.clear();
        };
        connect.setOnAction(e -> go.run());
        key.setOnAction(e -> go.run());
        HBox row = new HBox(8, key, connect);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("key-row");
        row.visibleProperty().bind(vm.keyNeededProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    /** The question of the moment, with its choices; the default one takes the focus. */
    private HBox confirmationBar() {
        HBox bar = new HBox();
        bar.setId("confirmationBar");
        bar.getStyleClass().add(Styles.CONFIRMATION);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(vm.confirmationProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setMinHeight(Region.USE_PREF_SIZE); // a short window shrinks the composer, never the question
        vm.confirmationProperty().addListener((o, was, now) -> fill(bar, now));
        return bar;
    }

    private void fill(HBox bar, Confirmation now) {
        bar.getChildren().clear();
        if (now == null) {
            return;
        }
        Label message = new Label(now.message(), Icons.of(Feather.ALERT_CIRCLE));
        message.setWrapText(true);
        message.setMinWidth(120);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        bar.getChildren().add(message);
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
            bar.getChildren().add(b);
        }
        Platform.runLater(() -> bar.getChildren().stream()
                .filter(n -> n instanceof Button b && b.isDefaultButton()).findFirst().ifPresent(n -> n.requestFocus()));
    }

    public SessionViewModel model() {
        return vm;
    }

    public SessionHeader header() {
        return header;
    }

    public TranscriptView transcript() {
        return transcript;
    }

    public ComposerView composer() {
        return composer;
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

    /** The session left the window: its picture threads stop. */
    public void dispose() {
        images.close();
    }
}
