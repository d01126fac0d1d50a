package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.FxTesting;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** While the agent runs, a live "working" row ends the transcript (step, time, last action); it goes when the agent waits. */
@ExtendWith(ApplicationExtension.class)
class WorkingRowUiTest {

    final ScriptClock.Manual clock = ScriptClock.manual();
    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, clock);
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static Label row(FxRobot robot) {
        return robot.lookup("#workingRow").queryAs(Label.class);
    }

    @Test
    void aRunningAgentShowsTheWorkingRowUntilItAsks(FxRobot robot) throws Exception {
        TestWindow.fx(() -> {
            window.vm.form().newSession();
            return null;
        });
        TestWindow.waitFor("live", () -> window.vm.front() != null && window.vm.front().stateProperty().get() == dev.agentconsole.session.ConnectionState.LIVE);
        clock.tick(2); // started, and its first thought: navigate
        TestWindow.waitFor("the working row with the last action", () -> FxTesting.shownWithAllItsParents(row(robot))
                && row(robot).getText().startsWith("Working · step ") && row(robot).getText().contains("navigate"));
        String before = TestWindow.fx(() -> row(robot).getText());
        Thread.sleep(2_100);
        String after = TestWindow.fx(() -> row(robot).getText());
        assertTrue(!before.equals(after), "the time moves on: " + before + " then " + after);

        for (int i = 0; i < 10 && TestWindow.fx(() -> window.vm.front().agentStatusProperty().get()) != dev.agentconsole.agent.AgentStatus.IDLE; i++) {
            clock.tick(1);
            Thread.sleep(150);
        }
        TestWindow.waitFor("the question, and no working row", () -> !FxTesting.shownWithAllItsParents(row(robot))
                && robot.lookup(".transcript .reply").tryQuery().isPresent());
    }
}
