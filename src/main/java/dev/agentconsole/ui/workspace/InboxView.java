package dev.agentconsole.ui.workspace;

import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.MeasuredVBox;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.session.NeedsMe;
import dev.agentconsole.ui.session.SessionViewModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * "Needs me": one card per waiting session, the longest wait first: its title, why it waits, the
 * question (or answer, or trouble) and a reply field that sends to that session. A card keeps what
 * was typed in it while the list reorders.
 */
final class InboxView extends MeasuredVBox {

    private final WorkspaceViewModel vm;
    private final VBox cards = new MeasuredVBox(6);
    private final Map<SessionViewModel, VBox> cardOf = new HashMap<>();

    InboxView(WorkspaceViewModel vm) {
        super(6);
        this.vm = vm;
        setId("inbox");
        getStyleClass().add(Styles.INBOX);
        Label summary = new Label(null, Icons.of(Feather.BELL));
        summary.setId("inboxSummary");
        summary.getStyleClass().add(Styles.SIDEBAR_TITLE);
        summary.setWrapText(true);
        summary.textProperty().bind(vm.inbox().summaryProperty());
        getChildren().addAll(summary, cards);
        visibleProperty().bind(Bindings.isNotEmpty(vm.inbox().waiting()));
        managedProperty().bind(visibleProperty());
        // many sessions can turn over in one pulse: the cards follow once per pulse, not once per change
        vm.inbox().waiting().addListener((ListChangeListener<SessionViewModel>) c -> rebuildSoon());
        vm.sessions().addListener((ListChangeListener<SessionViewModel>) c -> {
            cardOf.keySet().retainAll(vm.sessions());
            cards.getChildren().retainAll(cardOf.values());
        });
        rebuild();
    }

    private boolean rebuildPosted;

    private void rebuildSoon() {
        if (!rebuildPosted) {
            rebuildPosted = true;
            javafx.application.Platform.runLater(this::rebuild);
        }
    }

    /**
     * A session's card stays among the cards while the session is open, shown while it waits. Taking a card
     * out and putting it back would style it afresh, and streaming sessions turn over several times a second;
     * a card moved to the end ({@link javafx.scene.Node#toFront()}) only changes places.
     */
    private void rebuild() {
        rebuildPosted = false;
        List<VBox> waiting = vm.inbox().waiting().stream().map(s -> cardOf.computeIfAbsent(s, this::card)).toList();
        for (VBox card : waiting) {
            if (card.getParent() != cards) {
                cards.getChildren().add(card);
            }
        }
        Set<VBox> shown = Set.copyOf(waiting);
        cards.getChildren().forEach(card -> card.setVisible(shown.contains(card)));
        if (!cards.getChildren().stream().filter(Node::isVisible).toList().equals(waiting)) {
            waiting.forEach(Node::toFront); // the longest wait first
        }
    }

    private VBox card(SessionViewModel s) {
        Label title = new Label();
        title.getStyleClass().add("session-name");
        title.textProperty().bind(s.title().shownBinding());
        Label why = new Label();
        why.getStyleClass().add(Styles.CAPTION);
        why.textProperty().bind(Bindings.createStringBinding(() -> Optional.ofNullable(s.needsMeProperty().get())
                .map(n -> n.reason().label()).orElse("") + " · " + SidebarView.waited(java.time.Duration.between(
                Optional.ofNullable(s.waitingSinceProperty().get()).orElse(vm.nowProperty().get()), vm.nowProperty().get())),
                s.needsMeProperty(), s.waitingSinceProperty(), vm.nowProperty()));
        Label text = new Label();
        text.getStyleClass().add("inbox-text");
        text.setWrapText(true);
        text.setMaxHeight(58); // three lines: a long answer shows its start; the session has all of it
        text.textProperty().bind(Bindings.createStringBinding(() -> Optional.ofNullable(s.needsMeProperty().get())
                .map(NeedsMe::text).orElse(""), s.needsMeProperty()));

        TextField reply = new TextField();
        reply.getStyleClass().add("inbox-reply");
        reply.setPromptText("Reply…");
        reply.setAccessibleText("Reply to this agent");
        HBox.setHgrow(reply, Priority.ALWAYS);
        Label problem = new Label();
        problem.getStyleClass().add(Styles.NOTICE);
        problem.setWrapText(true);
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Runnable send = () -> {
            Optional<String> refused = s.reply(reply.getText());
            problem.setText(refused.orElse(""));
            if (refused.isEmpty()) {
                reply.clear();
                if (s.confirmationProperty().get() != null) {
                    vm.show(s); // it asks first (paused, finished, busy): the question shows with the session
                }
            }
        };
        reply.setOnAction(e -> send.run());
        Button sendButton = new Button(null, Icons.of(Feather.SEND));
        sendButton.getStyleClass().add("inbox-send");
        sendButton.setTooltip(new Tooltip("Send this reply to that agent (Enter)"));
        sendButton.setAccessibleText("Send reply");
        sendButton.setOnAction(e -> send.run());
        sendButton.disableProperty().bind(reply.textProperty().isEmpty().or(s.canSendProperty().not()));
        Button open = new Button(null, Icons.of(Feather.MAXIMIZE_2));
        open.getStyleClass().add("button-icon");
        open.setTooltip(new Tooltip("Open this session"));
        open.setAccessibleText("Open session");
        open.setOnAction(e -> vm.show(s));
        HBox row = new HBox(4, reply, sendButton, open);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox card = new MeasuredVBox(3, title, why, text, row, problem); // measured again only when it changes
        card.getStyleClass().add(Styles.INBOX_ITEM);
        card.setMinHeight(Region.USE_PREF_SIZE);
        card.managedProperty().bind(card.visibleProperty());
        card.setOnMouseClicked(e -> {
            if (e.getTarget() == card || e.getTarget() == text || e.getTarget() == title) {
                vm.show(s);
            }
        });
        return card;
    }
}
