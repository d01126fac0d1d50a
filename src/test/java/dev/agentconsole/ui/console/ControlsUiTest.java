package dev.agentconsole.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The controls an operator must trust first do what they say, in the real window against the emulator. */
@ExtendWith(ApplicationExtension.class)
class ControlsUiTest {

    TestWindow window;
    Emulator emulator;
    ConsoleViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
        emulator = window.emulator;
        vm = window.vm;
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return TestWindow.fx(read);
    }

    private static void waitFor(String what, Callable<Boolean> condition) {
        TestWindow.waitFor(what, condition);
    }

    private boolean transcriptShows(FxRobot robot, String text) {
        return robot.lookup(".transcript .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains(text));
    }

    private String demoUntilQuestion(FxRobot robot) throws Exception {
        fx(() -> {
            vm.newSession();
            return null;
        });
        waitFor("the agent's question", () -> transcriptShows(robot, "Which one should I book"));
        return fx(() -> vm.boundSessionProperty().get());
    }

    private List<String> received(String session) {
        return emulator.receivedMessages(session).stream().map(ReceivedMessage::text).toList();
    }

    @Test
    void enterWhilePausedAsksAndQueueUntilIResumeHoldsTheMessageUntilResume(FxRobot robot) throws Exception {
        String id = demoUntilQuestion(robot);
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.sessionStatus(id).equals(Optional.of("paused")));
        waitFor("resume offered", () -> "Resume".equals(robot.lookup("#pauseButton").queryAs(Button.class).getText()));

        robot.clickOn("#messageInput").write("the cheaper one").type(KeyCode.ENTER);
        waitFor("the question", () -> robot.lookup("#confirmationBar").query().isVisible());
        assertEquals(List.of("Send and resume", "Queue until I resume", "Cancel"), fx(() -> List.of(
                robot.lookup("#confirmChoice0").queryAs(Button.class).getText(),
                robot.lookup("#confirmChoice1").queryAs(Button.class).getText(),
                robot.lookup("#confirmChoice2").queryAs(Button.class).getText())));
        assertEquals(List.of(), received(id), "nothing goes before the operator answers");

        robot.clickOn("#confirmChoice1");
        waitFor("the held bar", () -> dev.agentconsole.ui.FxTesting.shownWithAllItsParents(robot.lookup("#heldMessages").query())
                && robot.lookup("#heldMessages").queryAs(Label.class).getText().contains("goes out when you resume"));
        assertEquals("", fx(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText()));
        Thread.sleep(400);
        assertEquals(List.of(), received(id), "held while paused");
        assertEquals(Optional.of("paused"), emulator.sessionStatus(id));

        robot.clickOn("#pauseButton"); // Resume
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> received(id).equals(List.of("the cheaper one")));
        waitFor("the held bar gone", () -> !dev.agentconsole.ui.FxTesting.shownWithAllItsParents(robot.lookup("#heldMessages").query()));
        waitFor("the booking", () -> transcriptShows(robot, "Sakura Inn"));
    }

    @Test
    void liveViewWithNoBrowserShowsTheAddressWithCopy(FxRobot robot) throws Exception {
        window.links.set((url, whenNot) -> whenNot.accept("no web browser or xdg-open was found"));
        demoUntilQuestion(robot);
        waitFor("a live view", () -> !robot.lookup("#liveViewButton").query().isDisabled());
        String url = fx(() -> vm.liveViewUrlProperty().get());

        robot.clickOn("#liveViewButton");

        waitFor("the address instead", () -> robot.lookup("#linkFallbackUrl").tryQuery().isPresent());
        assertEquals(url, fx(() -> robot.lookup("#linkFallbackUrl").queryAs(TextField.class).getText()));
        assertTrue(fx(() -> robot.lookup("#linkFallback .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("no web browser"))), "it says why");
        robot.clickOn("#linkFallbackCopy");
        assertEquals(url, fx(() -> Clipboard.getSystemClipboard().getString()));
        assertEquals(List.of(url), window.opened, "it tried the browser first");
    }
}
