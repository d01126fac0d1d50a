package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.about.About;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

/** The About dialog in the real window: what it says, Copy details, F1 and Close. */
@ExtendWith(ApplicationExtension.class)
class AboutUiTest {

    TestWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private static String field(FxRobot robot, String id) throws Exception {
        return TestWindow.fx(() -> robot.lookup("#" + id).queryAs(TextField.class).getText());
    }

    @Test
    void theButtonShowsVersionsAndTheDataFolderAndCopiesThem(FxRobot robot) throws Exception {
        robot.clickOn("#aboutButton");
        TestWindow.waitFor("the About dialog", () -> robot.lookup("#aboutDialog").tryQuery().isPresent());

        assertEquals("development build", field(robot, "aboutVersion"), "tests run from classes, with no manifest");
        assertTrue(field(robot, "aboutJava").startsWith(System.getProperty("java.runtime.version")), field(robot, "aboutJava"));
        assertEquals(System.getProperty("javafx.runtime.version"), field(robot, "aboutJavaFx"));
        assertTrue(field(robot, "aboutJavaFx").startsWith("21"), field(robot, "aboutJavaFx"));
        assertEquals(Path.of("(in memory)").toAbsolutePath().toString(), field(robot, "aboutDataFolder"));

        robot.clickOn("#aboutCopy");
        String copied = TestWindow.fx(() -> Clipboard.getSystemClipboard().getString());
        assertEquals(window.vm.about().asText(), copied);
        assertTrue(copied.contains("JavaFX: 21"), copied);
        assertTrue(robot.lookup("#aboutDialog").tryQuery().isPresent(), "copying keeps the dialog open");

        robot.clickOn("#aboutClose");
        TestWindow.waitFor("the dialog to close", () -> robot.lookup("#aboutDialog").tryQuery().isEmpty());
    }

    @Test
    void f1OpensIt(FxRobot robot) {
        robot.clickOn("#sessionInput");
        robot.type(KeyCode.F1);
        TestWindow.waitFor("the About dialog", () -> robot.lookup("#aboutDialog").tryQuery().isPresent());
    }

    @Test
    void classDataSharingSaysWhoseArchiveIsInUse() {
        assertEquals("off", About.classDataSharing("mixed mode", List.of("-XX:SharedArchiveFile=/opt/a.jsa")));
        assertEquals("on, for the JDK's classes", About.classDataSharing("mixed mode, sharing", List.of("-Xmx1g")));
        assertEquals("on, with the app's archive /opt/a.jsa",
                About.classDataSharing("mixed mode, sharing", List.of("-XX:SharedArchiveFile=/opt/a.jsa")));
        assertFalse(About.ofThisProcess(Path.of("x")).asText().isBlank());
    }
}
