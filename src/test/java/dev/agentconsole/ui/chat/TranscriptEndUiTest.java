package dev.agentconsole.ui.chat;

import static dev.agentconsole.ui.FxTesting.fx;
import static dev.agentconsole.ui.FxTesting.waitFor;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.Theme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The transcript opens at its very end, whatever the heights of the rows above. */
@ExtendWith(ApplicationExtension.class)
class TranscriptEndUiTest {

    final TranscriptViewModel model = new TranscriptViewModel();
    TranscriptView view;

    @Start
    void start(Stage stage) {
        new Theme().apply();
        view = new TranscriptView(model, new TranscriptView.Actions(q -> { }, id -> { }, id -> { }), new ImageLoader());
        view.getStyleClass().add(Styles.ROOT);
        Scene scene = new Scene(view, 760, 500);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** How far the last row's bottom is below the viewport; MAX when the last row is not on screen at all. */
    double lastRowBelowTheFold() throws Exception {
        return fx(() -> {
            VirtualFlow<?> flow = (VirtualFlow<?>) view.list().lookup(".virtual-flow");
            IndexedCell<?> last = flow.getLastVisibleCell();
            if (last == null || last.getIndex() != view.list().getItems().size() - 1) {
                return Double.MAX_VALUE;
            }
            return last.localToScene(last.getLayoutBounds()).getMaxY() - flow.localToScene(flow.getLayoutBounds()).getMaxY();
        });
    }

    @Test
    void aStoredHistoryOfTallAndShortRowsOpensWithItsNewestRowWhole() throws Exception {
        List<AgentEvent> history = new ArrayList<>();
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        for (int i = 0; i < 120; i++) {
            history.add(switch (i % 4) {
                case 0 -> new AgentEvent.Thought(i, at, ("Reading the page, step " + i + ". ").repeat(1 + (i % 7) * 6), List.of("click #a" + i));
                case 1 -> new AgentEvent.Observation(i, at, Optional.of("page " + i), Optional.empty(), List.of());
                case 2 -> new AgentEvent.Note(i, at, "note " + i);
                default -> new AgentEvent.Question(i, at, ("Which one, " + i + "? ").repeat(1 + (i % 5) * 8));
            });
        }
        history.add(new AgentEvent.StatusChange(120, at, AgentStatus.IDLE, "idle", List.of()));
        fx(() -> {
            model.addEvents(history);
            return null;
        });
        try {
            waitFor("the idle row, whole, at the bottom", () -> lastRowBelowTheFold() <= 0.5);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + lastRowBelowTheFold(), e);
        }
    }
}
