package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.DataUris;
import dev.agentconsole.attach.TestImages;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Attaching in the real window (headless Monocle, whose clipboard lives in this process): paste an
 * image or copied files with Ctrl+V, text still pastes as text, a drop goes through the drop
 * handler, a tile can be removed, and what is sent reaches the emulator.
 */
@ExtendWith(ApplicationExtension.class)
class AttachmentsUiTest {

    @TempDir
    Path dir;
    TestWindow window;
    Emulator emulator;
    WorkspaceViewModel vm;
    WorkspaceView view;
    String session;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, ScriptClock.manual());
        emulator = window.emulator;
        vm = window.vm;
        view = window.view;
        session = window.bindDemoSession();
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

    private void live() {
        waitFor("live", () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
    }

    private void putOnClipboard(ClipboardContent content) throws Exception {
        fx(() -> Clipboard.getSystemClipboard().setContent(content));
    }

    private boolean tilesReady(int n) {
        var items = vm.front().composer().attachments().items();
        return items.size() == n && items.stream().allMatch(i -> i.ready());
    }

    @Test
    void ctrlVWithAnImageAttachesItAndEnterSendsIt(FxRobot robot) throws Exception {
        live();
        WritableImage picture = new WritableImage(320, 200);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 320; x++) {
                picture.getPixelWriter().setArgb(x, y, x < 160 ? 0xff2060c0 : 0xfff0f0f0);
            }
        }
        ClipboardContent content = new ClipboardContent();
        content.putImage(picture);
        putOnClipboard(content);
        robot.clickOn("#messageInput");
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        waitFor("a tile", () -> tilesReady(1));
        assertTrue(fx(() -> robot.lookup("#attachmentStrip").query().isVisible()));
        assertTrue(fx(() -> robot.lookup("#attachmentSummary").queryAs(Label.class).getText().startsWith("1 image")));
        assertEquals("", fx(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText()), "no text was pasted");
        robot.write("click the blue half").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.receivedMessages(session).size() == 1);
        var received = emulator.receivedMessages(session).get(0);
        assertEquals("click the blue half", received.text());
        assertEquals(1, received.images().size());
        var sent = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(DataUris.decode(received.images().get(0)).bytes()));
        assertEquals(320, sent.getWidth());
        assertEquals(0xff2060c0, sent.getRGB(10, 10));
        waitFor("the strip empties", () -> vm.front() != null && vm.front().composer().attachments().items().isEmpty());
    }

    @Test
    void ctrlVWithCopiedFilesAttachesThemAndTextStillPastesAsText(FxRobot robot) throws Exception {
        live();
        byte[] png = TestImages.encode(TestImages.screenshot(500, 300), "png");
        File a = Files.write(dir.resolve("a.png"), png).toFile();
        File b = Files.write(dir.resolve("b.png"), TestImages.encode(TestImages.quadrants(200, 200), "png")).toFile();
        ClipboardContent files = new ClipboardContent();
        files.putFiles(List.of(a, b));
        putOnClipboard(files);
        robot.clickOn("#messageInput");
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        waitFor("two tiles", () -> tilesReady(2));

        ClipboardContent text = new ClipboardContent();
        text.putString("plain words");
        putOnClipboard(text);
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        waitFor("the text pasted", () -> robot.lookup("#messageInput").queryAs(TextArea.class).getText().contains("plain words"));
        assertEquals(2, fx(() -> vm.front().composer().attachments().items().size()).intValue());

        robot.clickOn("#removeAttachment0");
        waitFor("one left", () -> tilesReady(1));
        assertEquals("b.png", fx(() -> vm.front().composer().attachments().items().get(0).name()));
        assertArrayEquals(TestImages.encode(TestImages.quadrants(200, 200), "png"),
                DataUris.decode(fx(() -> vm.front().composer().attachments().dataUris().orElseThrow().get(0))).bytes(), "sent unchanged");
    }

    @Test
    void aDropGoesThroughTheDropHandlerAndABadFileIsSaidInTheComposer(FxRobot robot) throws Exception {
        live();
        File good = Files.write(dir.resolve("good.png"), TestImages.encode(TestImages.screenshot(300, 200), "png")).toFile();
        File bad = Files.writeString(dir.resolve("notes.png"), "not a picture").toFile();
        fx(() -> view.frontView().orElseThrow().composer().strip().take(List.of(good, bad), null, "dropped image"));
        waitFor("the good one", () -> tilesReady(1));
        waitFor("the bad one said", () -> robot.lookup("#attachmentProblem").queryAs(Label.class).isVisible()
                && robot.lookup("#attachmentProblem").queryAs(Label.class).getText().contains("notes.png"));
    }

    @Test
    void aClipboardWithoutAnImageIsSaid(FxRobot robot) throws Exception {
        live();
        ClipboardContent text = new ClipboardContent();
        text.putString("just text");
        putOnClipboard(text);
        fx(() -> {
            view.frontView().orElseThrow().composer().strip().pasteOrSay(Clipboard.getSystemClipboard());
            return null;
        });
        waitFor("said", () -> robot.lookup("#attachmentProblem").queryAs(Label.class).getText().contains("holds text, not an image"));
    }
}
