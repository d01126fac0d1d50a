package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.attach.TestImages;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.FxTesting;
import java.time.Duration;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A narrow, short window with the queue, an attachment, a quoted question and a draft all open:
 * the composer takes at most its share (it scrolls), the transcript keeps at least 40% of the room
 * under the bar, the message stays in view, and the question's Reply is never cut.
 */
@ExtendWith(ApplicationExtension.class)
class NarrowWindowUiTest {

    TestWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.fx(() -> {
            stage.setWidth(TestWindow.WIDTH);
            stage.setHeight(TestWindow.HEIGHT);
            return null;
        });
        window.close();
    }

    private static Button b0(FxRobot robot) {
        return robot.lookup("#confirmChoice0").queryAs(Button.class);
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void withEverythingOpenTheTranscriptKeepsItsShareAndReplyIsWhole(FxRobot robot) throws Exception {
        TestWindow.fx(() -> {
            stage.setWidth(760);
            stage.setHeight(700);
            window.vm.form().newSession();
            return null;
        });
        TestWindow.waitFor("the question's Reply", () -> robot.lookup(".transcript .reply").queryAll().stream()
                .anyMatch(FxTesting::shownWithAllItsParents));
        TestWindow.fx(() -> {
            var c = window.vm.front().composer();
            c.replyTo("I found two hotels under $200: Hotel Gion ($185/night, 5 minutes' walk from Kiyomizu-dera) and "
                    + "Sakura Inn ($140/night, 25 minutes away). Which one should I book: the closer one or the cheaper one?");
            for (String line : List.of("check June 15-20", "prefer a ryokan", "the cheaper one")) {
                c.textProperty().set(line);
                c.addToQueue();
            }
            c.attachments().addPixels("pasted image", () -> TestImages.screenshot(800, 500));
            c.textProperty().set("and one more thing\nwith a second line\nand a third");
            return null;
        });
        TestWindow.waitFor("the attachment ready", () -> window.vm.front() != null && window.vm.front().composer().attachments().items().stream().allMatch(i -> i.ready()));
        Node top = window.front().header(); // the session's own bar: the room below it is the session's
        Node transcript = robot.lookup("#transcript").query();
        Node input = robot.lookup("#messageInput").query();
        TestWindow.waitFor("the transcript keeps 40% of the room under the bar", () -> {
            double room = stage.getScene().getHeight() - inScene(top).getMaxY();
            return transcript.getLayoutBounds().getHeight() >= 0.4 * room - 1;
        });
        TestWindow.waitFor("the message in view", () -> inScene(input).getMaxY() <= stage.getScene().getHeight() + 0.5
                && inScene(input).getMinY() >= inScene(transcript).getMaxY() - 0.5);
        TestWindow.waitFor("Reply whole, inside the transcript", () -> robot.lookup(".transcript .reply").queryAllAs(Button.class).stream()
                .filter(FxTesting::shownWithAllItsParents).reduce((a, b) -> b)
                .map(r -> inScene(r).getMinY() >= inScene(transcript).getMinY() && inScene(r).getMaxY() <= inScene(transcript).getMaxY())
                .orElse(false));
        assertTrue(TestWindow.fx(() -> robot.lookup("#quotedQuestion").queryAs(Label.class).getText().startsWith("Replying to")));
    }

    @Test
    void aQuestionWithThreeChoicesFitsANarrowWindowWithoutCuttingAWord(FxRobot robot) throws Exception {
        TestWindow.fx(() -> {
            stage.setWidth(760);
            stage.setHeight(700);
            window.vm.form().newSession();
            return null;
        });
        TestWindow.waitFor("the question", () -> robot.lookup(".transcript .reply").queryAll().stream()
                .anyMatch(FxTesting::shownWithAllItsParents));
        TestWindow.fx(() -> {
            window.vm.front().pauseOrResume();
            return null;
        });
        TestWindow.waitFor("paused", () -> window.vm.front() != null && window.vm.front().canResumeProperty().get());
        TestWindow.fx(() -> { // a queue open as well: the composer is as tall as it gets
            for (String line : List.of("check June 15-20", "prefer a ryokan")) {
                window.vm.front().composer().textProperty().set(line);
                window.vm.front().composer().addToQueue();
            }
            return null;
        });
        robot.clickOn("#messageInput").write("the cheaper one").type(javafx.scene.input.KeyCode.ENTER);
        TestWindow.waitFor("the three choices", () -> robot.lookup("#confirmChoice2").tryQuery().isPresent());
        TestWindow.waitFor("every choice whole and the question wrapped, not cut", () -> {
            for (String id : List.of("#confirmChoice0", "#confirmChoice1", "#confirmChoice2")) {
                Button b = robot.lookup(id).queryAs(Button.class);
                if (b.getWidth() < b.prefWidth(-1) - 0.5 || inScene(b).getMaxX() > stage.getScene().getWidth() + 0.5) {
                    return false;
                }
            }
            Label message = robot.lookup("#confirmationBar > .label").queryAs(Label.class);
            return message.getHeight() >= message.prefHeight(message.getWidth()) - 0.5 && message.getHeight() > 1.5 * b0(robot).getHeight();
        });
    }
}
