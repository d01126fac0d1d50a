package dev.agentconsole.ui.console;

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

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void withEverythingOpenTheTranscriptKeepsItsShareAndReplyIsWhole(FxRobot robot) throws Exception {
        TestWindow.fx(() -> {
            stage.setWidth(760);
            stage.setHeight(700);
            window.vm.newSession();
            return null;
        });
        TestWindow.waitFor("the question's Reply", () -> robot.lookup(".transcript .reply").queryAll().stream()
                .anyMatch(FxTesting::shownWithAllItsParents));
        TestWindow.fx(() -> {
            var c = window.vm.composer();
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
        TestWindow.waitFor("the attachment ready", () -> window.vm.composer().attachments().items().stream().allMatch(i -> i.ready()));
        Node top = robot.lookup(".header").query();
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
}
