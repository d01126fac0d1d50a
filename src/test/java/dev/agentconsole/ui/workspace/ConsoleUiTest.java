package dev.agentconsole.ui.workspace;

import static dev.agentconsole.ui.workspace.TestWindow.fx;
import static dev.agentconsole.ui.workspace.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.EmulatorConnector;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, driven by node ids with TestFX (headless Monocle), against the real emulator. */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {

    TestWindow window;
    Emulator emulator;
    EmulatorConnector connector;
    WorkspaceViewModel vm;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
        emulator = window.emulator;
        connector = window.connector;
        vm = window.vm;
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static Optional<Button> visibleReply(FxRobot robot) {
        return robot.lookup(".transcript .reply").queryAllAs(Button.class).stream()
                .filter(dev.agentconsole.ui.FxTesting::shownWithAllItsParents)
                .reduce((a, b) -> b);
    }


    private boolean transcriptShows(FxRobot robot, String text) {
        return robot.lookup(".transcript .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains(text));
    }

    private void demoUntilQuestion(FxRobot robot) throws Exception {
        fx(() -> {
            vm.form().newSession();
            return null;
        });
        waitFor("the agent's question", () -> transcriptShows(robot, "Which one should I book"));
    }

    private String session() throws Exception {
        return fx(() -> vm.front().id().value());
    }

    @Test
    void typingAndEnterSendsExactlyOneRequestWithTheExactJson(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        robot.clickOn("#messageInput").write("the cheaper one").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.messageBodies().size() == 1);
        Thread.sleep(200);
        assertEquals(List.of("{\"type\":\"user_message\",\"message\":\"the cheaper one\"}"), emulator.messageBodies());
        assertEquals("", fx(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText()));
        waitFor("the booking", () -> transcriptShows(robot, "Sakura Inn"));
    }

    @Test
    void shiftEnterInsertsANewLineAndSendsNothing(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        robot.clickOn("#messageInput").write("first line");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        robot.write("second line");
        assertEquals("first line\nsecond line", fx(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText()));
        assertTrue(emulator.messageBodies().isEmpty());
    }

    @Test
    void threeQueuedLinesAreSentAsOneHBatch(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        robot.clickOn("#messageInput");
        for (String line : List.of("check June 15-20", "prefer a ryokan", "the cheaper one")) {
            robot.write(line);
            robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        }
        assertEquals(3, (int) fx(() -> vm.front().composer().queue().size()));
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.messageBodies().size() == 1);
        assertEquals("{\"type\":\"batch\",\"messages\":[{\"type\":\"user_message\",\"message\":\"check June 15-20\"},"
                + "{\"type\":\"user_message\",\"message\":\"prefer a ryokan\"},{\"type\":\"user_message\",\"message\":\"the cheaper one\"}]}",
                emulator.messageBodies().get(0));
    }

    @Test
    void onAgiTheQueueIsThreeOrderedRequestsAndTheStartUrlArrivesAsStartUrl(FxRobot robot) throws Exception {
        String agi = emulator.createAgiSession();
        fx(() -> {
            vm.form().providerProperty().set(Provider.AGI);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(agi);
            vm.form().connect();
            return null;
        });
        waitFor("live", () -> vm.front() != null && vm.front().stateProperty().get() == dev.agentconsole.session.ConnectionState.LIVE);
        robot.clickOn("#startUrlInput").write("https://booking.example/kyoto");
        robot.clickOn("#messageInput");
        for (String line : List.of("one", "two", "three")) {
            robot.write(line);
            robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        }
        robot.clickOn("#sendQueueButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.messageBodies().size() == 3);
        assertEquals(List.of("{\"message\":\"one\",\"start_url\":\"https://booking.example/kyoto\"}", "{\"message\":\"two\"}",
                "{\"message\":\"three\"}"), emulator.messageBodies());
    }

    @Test
    void startUrlIsDisabledOnHWithATooltipThatSaysWhy(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        assertTrue(fx(() -> robot.lookup("#startUrlInput").query().isDisabled()));
        assertTrue(fx(() -> robot.lookup("#startUrlInput").queryAs(javafx.scene.control.TextField.class).getTooltip().getText()
                .contains("H takes no start URL")));
    }

    @Test
    void aRefusalShowsSessionNotFoundAndTheComposerKeepsTheText(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        emulator.faults().add(Faults.Rule.on("POST /api/v2/sessions/{id}/messages", new Faults.Fault.Status(404, Optional.empty()), 1));
        robot.clickOn("#messageInput").write("book it now").type(KeyCode.ENTER);
        waitFor("the refusal", () -> transcriptShows(robot, "session not found"));
        assertEquals("book it now", fx(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText()));
    }

    @Test
    void anUnknownSessionShowsSessionNotFound(FxRobot robot) throws Exception {
        fx(() -> {
            vm.form().providerProperty().set(Provider.HCOMPANY);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set("00000000-0000-4000-8000-000000000000");
            vm.form().connect();
            return null;
        });
        waitFor("the session open in the window", () -> robot.lookup("#messageInput").tryQuery().isPresent());
        robot.clickOn("#messageInput").write("keep me");
        waitFor("session not found", () -> transcriptShows(robot, "session not found"));
        assertEquals("keep me", fx(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText()));
    }

    @Test
    void theQuestionsReplyButtonQuotesItAndTheAnswerReachesTheEmulator(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        // cells keep a hidden tree per row kind: the Reply to click is the one on screen
        waitFor("a Reply on screen", () -> visibleReply(robot).isPresent());
        // fired rather than clicked at its coordinates: rows still arriving can scroll it between the two
        fx(() -> {
            visibleReply(robot).orElseThrow().fire();
            return null;
        });
        waitFor("the quote", () -> robot.lookup("#quotedQuestion").query().getParent().isVisible()
                && robot.lookup("#quotedQuestion").queryAs(Label.class).getText().contains("Which one should I book"));
        assertTrue(fx(() -> robot.lookup("#messageInput").query().isFocused()));
        robot.write("the one near the temple").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.receivedMessages(session()).size() == 1);
        assertEquals("the one near the temple", emulator.receivedMessages(session()).get(0).text());
        waitFor("the booking", () -> transcriptShows(robot, "Hotel Gion"));
        assertFalse(fx(() -> robot.lookup("#quotedQuestion").query().getParent().isVisible()));
    }

    @Test
    void pauseResumeAndStopReachTheEmulator(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        String id = session();
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.sessionStatus(id).equals(Optional.of("paused")));
        waitFor("resume offered", () -> "Resume".equals(robot.lookup("#pauseButton").queryAs(Button.class).getText()));
        robot.clickOn("#pauseButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.sessionStatus(id).equals(Optional.of("idle")));
        robot.clickOn("#stopButton");
        waitFor("the confirmation", () -> robot.lookup("#confirmationBar").query().isVisible());
        assertEquals(Optional.of("idle"), emulator.sessionStatus(id), "nothing stops before the operator confirms");
        robot.clickOn("#confirmChoice0");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.sessionStatus(id).equals(Optional.of("interrupted")));
    }

    @Test
    void keyboardPausesAndEscapeDismissesTheStopQuestionKeepingTheText(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        String id = session();
        robot.clickOn("#messageInput").write("typed text");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.P).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.sessionStatus(id).equals(Optional.of("paused")));
        waitFor("paused in the window", () -> vm.front() != null && vm.front().canResumeProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.X).release(KeyCode.SHIFT, KeyCode.CONTROL);
        waitFor("the confirmation", () -> robot.lookup("#confirmationBar").query().isVisible());
        robot.type(KeyCode.ESCAPE);
        waitFor("dismissed", () -> !robot.lookup("#confirmationBar").query().isVisible());
        assertEquals(Optional.of("paused"), emulator.sessionStatus(id));
        assertEquals("typed text", fx(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText()));
    }

    @Test
    void escapeInTheRenameFieldCancelsTheRenameAndLeavesTheStopQuestionStanding(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        String title = fx(() -> vm.front().title().get());
        robot.clickOn("#stopButton");
        waitFor("the confirmation", () -> robot.lookup("#confirmationBar").query().isVisible());
        robot.type(KeyCode.F2);
        waitFor("the title as a field", () -> robot.lookup("#renameField").tryQuery().isPresent());
        robot.write("half a new name").type(KeyCode.ESCAPE);
        waitFor("the rename cancelled", () -> robot.lookup("#renameField").tryQuery().isEmpty());
        assertEquals(title, fx(() -> vm.front().title().get()));
        assertTrue(fx(() -> robot.lookup("#confirmationBar").query().isVisible()), "Esc was the field's: the stop question stands");
        robot.clickOn("#messageInput").type(KeyCode.ESCAPE);
        waitFor("dismissed from the composer", () -> !robot.lookup("#confirmationBar").query().isVisible());
        robot.clickOn("#stopButton");
        waitFor("asked again", () -> robot.lookup("#confirmationBar").query().isVisible());
        robot.clickOn("#startUrlInput").type(KeyCode.ESCAPE);
        waitFor("dismissed from the composer's start URL", () -> !robot.lookup("#confirmationBar").query().isVisible());
    }

    @Test
    void everyControlHasATooltipOrAnAccessibleText(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        List<String> missing = fx(() -> robot.lookup(".button, .toggle-button, .text-input, .combo-box, .menu-button").queryAll().stream()
                .filter(Node::isVisible)
                .filter(n -> n.getId() != null)
                .filter(n -> !(n instanceof javafx.scene.control.Control c) || (c.getTooltip() == null && c.getAccessibleText() == null
                        && !(c instanceof javafx.scene.control.Labeled l && l.getText() != null && !l.getText().isBlank())))
                .map(Node::getId).toList());
        assertEquals(List.of(), missing);
    }
}
