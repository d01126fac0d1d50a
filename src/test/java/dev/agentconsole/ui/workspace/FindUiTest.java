package dev.agentconsole.ui.workspace;

import static dev.agentconsole.ui.FxTesting.shownWithAllItsParents;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.ui.chat.TranscriptEntry;
import java.time.Duration;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Ctrl+F in the real window: the find bar, "1 of n", the current match marked and in view, Enter, Esc. */
@ExtendWith(ApplicationExtension.class)
class FindUiTest {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("search-current");
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("search-match");

    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static List<Node> cellsWith(FxRobot robot, PseudoClass state) {
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(c -> c instanceof ListCell<?> && shownWithAllItsParents(c) && c.getPseudoClassStates().contains(state))
                .toList();
    }

    @Test
    void ctrlFFindsTheWordsInTheSessionMarksThemAndWalksThem(FxRobot robot) throws Exception {
        TestWindow.fx(window::bindDemoSession);
        TestWindow.waitFor("the agent asks", () -> window.vm.front() != null && TestWindow.fx(() -> window.vm.front().transcript().entries().stream()
                .anyMatch(e -> e instanceof TranscriptEntry.Question)));
        SessionKey key = TestWindow.fx(() -> SessionKey.of(window.vm.front().provider(),
                window.vm.front().id().value()));
        TestWindow.waitFor("stored", () -> window.connector.store().find(key, "Gion").size() >= 2);

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        TestWindow.waitFor("the find bar", () -> TestWindow.fx(() -> shownWithAllItsParents(robot.lookup("#findBar").query())));
        robot.write("Gion");
        TestWindow.waitFor("a count", () -> TestWindow.fx(() -> text(robot, "#findCount")).matches("1 of \\d+"));
        int total = Integer.parseInt(TestWindow.fx(() -> text(robot, "#findCount")).split(" of ")[1]);
        assertTrue(total >= 2, "the thought and the question name the hotel: " + total);
        TestWindow.waitFor("the current match is marked in view", () -> TestWindow.fx(() -> cellsWith(robot, CURRENT).size() == 1));
        assertTrue(TestWindow.fx(() -> cellsWith(robot, MATCH).size() >= 1));

        robot.type(KeyCode.ENTER);
        TestWindow.waitFor("the second", () -> TestWindow.fx(() -> text(robot, "#findCount")).equals("2 of " + total));
        TestWindow.waitFor("the second in view", () -> TestWindow.fx(() -> cellsWith(robot, CURRENT).size() == 1));
        String second = TestWindow.fx(() -> cellsWith(robot, CURRENT).get(0).getAccessibleText());
        assertTrue(second.contains("Gion"), second);

        robot.type(KeyCode.ESCAPE);
        TestWindow.waitFor("closed", () -> TestWindow.fx(() -> !shownWithAllItsParents(robot.lookup("#findBar").query())));
        TestWindow.waitFor("no marks left", () -> TestWindow.fx(() -> cellsWith(robot, MATCH).isEmpty()));
        assertEquals("Gion", TestWindow.fx(() -> robot.lookup("#findField").queryAs(javafx.scene.control.TextField.class)
                .getText()), "Esc keeps the words");
    }
}
