package dev.agentconsole.ui.chat;

import static dev.agentconsole.ui.FxTesting.fx;
import static dev.agentconsole.ui.FxTesting.shownWithAllItsParents;
import static dev.agentconsole.ui.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.session.Delivery;
import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.FxTesting;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.Theme;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The transcript on its own: a row whose entry changes is redrawn in its own cell, with no scroll. */
@ExtendWith(ApplicationExtension.class)
class TranscriptUiTest {

    final TranscriptViewModel model = new TranscriptViewModel();
    final Delivery delivery = new Delivery(7, new Outgoing.Single(OutgoingMessage.text("take the cheaper one")),
            DeliveryState.QUEUED, Optional.empty(), 1);

    @Start
    void start(Stage stage) {
        new Theme().apply();
        model.addEvents(List.of(new AgentEvent.Thought(0, Instant.now(), "Looking at the listing", List.of())));
        model.updateDelivery(delivery);
        TranscriptView view = new TranscriptView(model, new TranscriptView.Actions(q -> { }, id -> { }, id -> { }), new ImageLoader());
        view.getStyleClass().add(Styles.ROOT);
        Scene scene = new Scene(view, 900, 600);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** The delivery label of the operator's row, as shown (a cell keeps other kinds' nodes, hidden). */
    private static Label shownState(FxRobot robot) {
        return robot.lookup(".transcript .delivery").queryAllAs(Label.class).stream().filter(FxTesting::shownWithAllItsParents)
                .findFirst().orElseThrow(() -> new AssertionError("no delivery state on screen"));
    }

    private static ListCell<?> cellOf(Node node) {
        Node n = node;
        while (!(n instanceof ListCell<?>)) {
            n = n.getParent();
        }
        return (ListCell<?>) n;
    }

    @Test
    void aDeliveryMovingOnIsRedrawnInTheSameCell(FxRobot robot) throws Exception {
        waitFor("the queued row", () -> "queued".equals(shownState(robot).getText()));
        ListCell<?> cell = fx(() -> (ListCell<?>) cellOf(shownState(robot)));

        fx(() -> {
            model.updateDelivery(delivery.with(DeliveryState.SENDING, Optional.empty()));
            return null;
        });
        waitFor("sending", () -> "sending…".equals(shownState(robot).getText()));
        fx(() -> {
            model.updateDelivery(delivery.with(DeliveryState.FAILED, Optional.of(new dev.agentconsole.agent.AgentError.Network("connection reset by the test"))));
            return null;
        });
        waitFor("failed with its cause", () -> "failed".equals(shownState(robot).getText())
                && robot.lookup(".transcript .problem").queryAllAs(Label.class).stream()
                        .anyMatch(l -> shownWithAllItsParents(l) && l.getText().contains("connection reset by the test")));

        ListCell<?> after = fx(() -> cellOf(shownState(robot)));
        assertSame(cell, after, "the list kept its cells");
        assertEquals(Integer.valueOf(2), fx(() -> model.rows().size()));
    }
}
