package dev.agentconsole.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.session.SessionBarView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The session bar at the window's minimum width: icons instead of words cut to "...", and back when wide. */
@ExtendWith(ApplicationExtension.class)
class SessionBarUiTest {

    TestWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
    }

    @AfterEach
    void stop() throws Exception {
        resize(TestWindow.WIDTH); // the stage outlives the test; Monocle's screen is 1280 px wide
        window.close();
    }

    private void resize(double width) throws Exception {
        TestWindow.fx(() -> {
            stage.setWidth(width);
            return null;
        });
    }

    /** Every word the bar shows, with how much room it has and how much it asks for. */
    private static List<String> cutShort(Node node) {
        List<String> cut = new ArrayList<>();
        if (node instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()
                && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY && l.getWidth() < l.prefWidth(-1) - 0.5) {
            cut.add(l.getText() + " (" + l.getWidth() + " of " + l.prefWidth(-1) + " px)");
        }
        if (node instanceof Parent p && node.isVisible()) {
            p.getChildrenUnmodifiable().forEach(child -> cut.addAll(cutShort(child)));
        }
        return cut;
    }

    @Test
    void atTheMinimumWidthTheBarShowsIconsAndCutsNoWord(FxRobot robot) throws Exception {
        TestWindow.fx(window::bindDemoSession);
        SessionBarView bar = robot.lookup(".header").queryAs(SessionBarView.class);
        Button stopButton = robot.lookup("#stopButton").queryAs(Button.class);
        resize(1280);
        TestWindow.waitFor("a wide bar with words", () -> !bar.connectionRowCompactProperty().get()
                && !bar.controlRowCompactProperty().get() && stopButton.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY);
        TestWindow.waitFor("a laid-out wide bar", () -> cutShort(bar).isEmpty());

        resize(760);
        TestWindow.waitFor("both rows compact", () -> bar.connectionRowCompactProperty().get()
                && bar.controlRowCompactProperty().get() && stopButton.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY);
        TestWindow.waitFor("a laid-out bar", () -> cutShort(bar).isEmpty());
        assertEquals("Stop", stopButton.getText(), "the word stays for the tooltip and screen readers");
        assertTrue(stopButton.getTooltip().getText().startsWith("Stop"));
        assertTrue(TestWindow.fx(() -> robot.lookup("#agentInput").query().getLayoutBounds().getWidth()) >= 72,
                "the agent field stays: H's New needs it");
        assertTrue(TestWindow.fx(() -> robot.lookup("#sessionInput").queryAs(ComboBox.class).getWidth()) >= 160,
                "the session id stays usable");
        assertTrue(TestWindow.fx(() -> bar.getWidth() <= 760), "the bar fits the window");

        resize(1280);
        TestWindow.waitFor("words again", () -> !bar.connectionRowCompactProperty().get()
                && !bar.controlRowCompactProperty().get() && stopButton.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY);
        TestWindow.waitFor("a laid-out wide bar again", () -> cutShort(bar).isEmpty());
    }
}
