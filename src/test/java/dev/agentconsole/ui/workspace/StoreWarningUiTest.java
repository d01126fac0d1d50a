package dev.agentconsole.ui.workspace;

import static dev.agentconsole.ui.FxTesting.shownWithAllItsParents;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A store that cannot save (here: `--data-dir` names a file) says so in a bar that stays in view when
 * a session is bound, until the operator dismisses it; the status line keeps saying "not saving".
 */
@ExtendWith(ApplicationExtension.class)
class StoreWarningUiTest {

    TestWindow window;
    Path notAFolder;

    @Start
    void start(Stage stage) {
        try {
            notAFolder = Files.createTempFile("agent-console-data", ".txt");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)), Store.open(notAFolder));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        Files.deleteIfExists(notAFolder);
    }

    private static boolean shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> shownWithAllItsParents(n)).orElse(false);
    }

    @Test
    void theWarningOutlivesBindingAndOnlyTheOperatorDismissesIt(FxRobot robot) throws Exception {
        TestWindow.waitFor("the warning", () -> shown(robot, "#storeWarning")
                && robot.lookup("#storeWarning").queryAs(Label.class).getText().contains("nothing is saved"));

        TestWindow.fx(window::bindDemoSession);
        TestWindow.waitFor("live", () -> window.vm.front() != null && window.vm.front().stateProperty().get() == ConnectionState.LIVE);
        assertTrue(TestWindow.fx(() -> shown(robot, "#storeWarning")), "binding a session does not clear it");
        TestWindow.waitFor("the status line says it too", () -> shown(robot, "#notSavingMark"));

        robot.clickOn("#dismissStoreWarning");
        TestWindow.waitFor("dismissed", () -> !shown(robot, "#storeWarning"));
        assertTrue(TestWindow.fx(() -> shown(robot, "#notSavingMark")), "the status line still says nothing is saved");
    }
}
