package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.agent.DataUris;
import dev.agentconsole.attach.TestImages;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import java.awt.Toolkit;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.StringSelection;
import java.awt.datatransfer.Transferable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Paste through the real desktop clipboard: the picture is put there by AWT (its own X11
 * clipboard code) and taken by the window through GTK, so it crosses the X server as a copy from
 * another application would. Needs a display: {@code xvfb-run -a mvn -B -Pdesktop surefire:test}.
 */
@Tag("desktop")
@ExtendWith(ApplicationExtension.class)
class DesktopClipboardTest {

    TestWindow window;
    Emulator emulator;
    WorkspaceViewModel vm;
    String session;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, ScriptClock.manual());
        emulator = window.emulator;
        vm = window.vm;
        session = window.bindDemoSession();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return TestWindow.fx(read);
    }

    private static void waitFor(Callable<Boolean> condition) {
        TestWindow.waitFor("the condition", condition);
    }

    /** An image on the desktop clipboard, as a screenshot tool would leave it. */
    private record ImageSelection(BufferedImage image) implements Transferable {
        public DataFlavor[] getTransferDataFlavors() {
            return new DataFlavor[] {DataFlavor.imageFlavor};
        }

        public boolean isDataFlavorSupported(DataFlavor flavor) {
            return DataFlavor.imageFlavor.equals(flavor);
        }

        public Object getTransferData(DataFlavor flavor) {
            return image;
        }
    }

    @Test
    void aScreenshotCopiedByAnotherProgramIsPastedAndSent(FxRobot robot) throws Exception {
        waitFor(() -> vm.front().stateProperty().get() == ConnectionState.LIVE);
        BufferedImage shot = TestImages.quadrants(240, 160);
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new ImageSelection(shot), null);
        robot.clickOn("#messageInput");
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        waitFor(() -> vm.front().composer().attachments().items().size() == 1 && vm.front().composer().attachments().items().get(0).ready());
        robot.write("the red corner").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> emulator.receivedMessages(session).size() == 1);
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(
                DataUris.decode(emulator.receivedMessages(session).get(0).images().get(0)).bytes()));
        assertEquals(240, sent.getWidth());
        assertEquals(shot.getRGB(10, 10), sent.getRGB(10, 10), "red top-left");
        assertEquals(shot.getRGB(230, 10), sent.getRGB(230, 10), "green top-right");
    }

    @Test
    void textCopiedByAnotherProgramPastesAsText(FxRobot robot) throws Exception {
        waitFor(() -> vm.front().stateProperty().get() == ConnectionState.LIVE);
        Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection("from another window"), null);
        robot.clickOn("#messageInput");
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        waitFor(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText().contains("from another window"));
        assertEquals(0, fx(() -> vm.front().composer().attachments().items().size()).intValue());
    }
}
