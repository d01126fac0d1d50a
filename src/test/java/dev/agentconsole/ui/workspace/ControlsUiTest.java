package dev.agentconsole.ui.workspace;

import static dev.agentconsole.ui.workspace.TestWindow.fx;
import static dev.agentconsole.ui.workspace.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
    WorkspaceViewModel vm;

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

    private boolean transcriptShows(FxRobot robot, String text) {
        return robot.lookup(".transcript .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().contains(text));
    }

    private String demoUntilQuestion(FxRobot robot) throws Exception {
        fx(() -> {
            vm.form().newSession();
            return null;
        });
        waitFor("the agent's question", () -> transcriptShows(robot, "Which one should I book"));
        return fx(() -> vm.front().id().value());
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
        String url = fx(() -> vm.front().liveViewUrlProperty().get());

        robot.clickOn("#liveViewButton");

        waitFor("the address instead", () -> robot.lookup("#linkFallbackUrl").tryQuery().isPresent());
        assertEquals(url, fx(() -> robot.lookup("#linkFallbackUrl").queryAs(TextField.class).getText()));
        assertTrue(fx(() -> robot.lookup("#linkFallback .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("no web browser"))), "it says why");
        robot.clickOn("#linkFallbackCopy");
        assertEquals(url, fx(() -> Clipboard.getSystemClipboard().getString()));
        assertEquals(List.of(url), window.opened, "it tried the browser first");
    }

    String whereTheEndIs = "";

    /** How far the last row's bottom is below the transcript's viewport (0 or less: it is whole on screen). */
    private double lastRowBelowTheFold(FxRobot robot) throws Exception {
        return fx(() -> {
            javafx.scene.control.ListView<?> list = robot.lookup("#transcript").queryAs(javafx.scene.control.ListView.class);
            javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
            javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
            if (last == null || last.getIndex() != list.getItems().size() - 1) {
                whereTheEndIs = "last visible " + (last == null ? null : last.getIndex()) + " of " + list.getItems().size()
                        + ", first " + (flow.getFirstVisibleCell() == null ? null : flow.getFirstVisibleCell().getIndex());
                return Double.MAX_VALUE; // the last row is not even laid out
            }
            double bottom = last.localToScene(last.getLayoutBounds()).getMaxY();
            double viewport = flow.localToScene(flow.getLayoutBounds()).getMaxY();
            return bottom - viewport;
        });
    }

    @Test
    void anExistingSessionOpensAtItsVeryEnd(FxRobot robot) throws Exception {
        String id = demoUntilQuestion(robot);
        robot.clickOn("#messageInput").write("the cheaper one").type(KeyCode.ENTER);
        waitFor("the booking", () -> transcriptShows(robot, "SK-4821"));
        fx(() -> {
            vm.front().pauseOrResume(); // a "paused" row last, as the operator left it
            return null;
        });
        waitFor("paused", () -> transcriptShows(robot, "paused"));
        fx(() -> {
            vm.front().detach();
            vm.front().transcript().clear();
            return null;
        });
        fx(() -> {
            vm.form().sessionTextProperty().set(id);
            vm.form().connect();
            return null;
        });
        waitFor("the history and what came meanwhile", () -> transcriptShows(robot, "new event"));
        Thread.sleep(500); // pictures decoded, rows measured again
        try {
            waitFor("the newest row whole on screen", () -> lastRowBelowTheFold(robot) <= 0.5);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": the last row ends " + lastRowBelowTheFold(robot) + " px below the transcript " + whereTheEndIs, e);
        }
    }

    @Test
    void sendingJumpsToYourOwnMessageEvenIfYouHadScrolledUp(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        fx(() -> {
            for (int i = 0; i < 40; i++) {
                vm.front().transcript().addNote("filler " + i);
            }
            return null;
        });
        waitFor("at the end", () -> lastRowBelowTheFold(robot) <= 0.5);
        fx(() -> {
            robot.lookup("#transcript").query().requestFocus();
            return null;
        });
        robot.type(KeyCode.HOME); // up to the first row, as an operator reading back
        waitFor("scrolled up", () -> lastRowBelowTheFold(robot) == Double.MAX_VALUE);
        fx(() -> {
            vm.front().transcript().addNote("something new"); // the pill, not a jump: the operator is reading above
            return null;
        });
        waitFor("the pill", () -> robot.lookup("#newPill").query().isVisible());

        robot.clickOn("#messageInput").write("the cheaper one").type(KeyCode.ENTER);

        // the agent answers within milliseconds here: what counts is that the window went down to the end with it
        try {
            waitFor("the end in view, your message with it", () -> lastRowBelowTheFold(robot) <= 0.5);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + lastRowBelowTheFold(robot) + " " + whereTheEndIs + " pill "
                    + fx(() -> robot.lookup("#newPill").queryAs(Button.class).getText() + robot.lookup("#newPill").query().isVisible()), e);
        }
        assertTrue(fx(() -> !robot.lookup("#newPill").query().isVisible()), "no pill: nothing unseen below");
    }

    /** Every text the window and its popups show now. */
    private static List<String> everyText() {
        List<String> texts = new java.util.ArrayList<>();
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.isShowing() && w.getScene() != null) {
                collect(w.getScene().getRoot(), texts);
            }
        }
        return texts;
    }

    private static void collect(javafx.scene.Node n, List<String> texts) {
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            texts.add(l.getText());
        } else if (n instanceof javafx.scene.text.Text t && t.getText() != null) {
            texts.add(t.getText());
        }
        if (n instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, texts));
        }
    }

    @Test
    void moneyIsWrittenOneWayAndCountsAgreeWithTheirNouns(FxRobot robot) throws Exception {
        demoUntilQuestion(robot);
        robot.clickOn("#messageInput").write("the cheaper one").type(KeyCode.ENTER);
        waitFor("the booking", () -> transcriptShows(robot, "SK-4821"));
        fx(() -> {
            vm.front().composer().textProperty().set("one line");
            vm.front().composer().addToQueue();
            return null;
        });
        robot.clickOn("#detailsButton");
        waitFor("the details' cost", () -> everyText().stream().anyMatch(t -> t.startsWith("$0.") && t.contains("input")));
        List<String> texts = fx(ControlsUiTest::everyText);
        java.util.regex.Pattern money = java.util.regex.Pattern.compile("\\$\\d[\\d,]*\\.\\d+");
        List<String> wrong = new java.util.ArrayList<>();
        for (String t : texts) {
            java.util.regex.Matcher m = money.matcher(t);
            while (m.find()) {
                if (!m.group().matches("\\$[\\d,]+\\.\\d{4}")) {
                    wrong.add(m.group() + " in \"" + t + "\"");
                }
            }
            if (t.matches("(?s).*\\b1 (steps|lines|events|messages|images)\\b.*") || t.contains("(s)")) {
                wrong.add("\"" + t + "\"");
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(texts.contains("Queue · 1 line, double-click to edit"), "the queue's heading");
        fx(() -> {
            javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow).toList()
                    .forEach(javafx.stage.Window::hide);
            return null;
        });
    }
}
