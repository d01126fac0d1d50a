package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.FxTesting;
import dev.agentconsole.ui.Theme;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every colour comes from the theme's variables: the window, the About dialog and the enlarged
 * screenshot, in light and in dark, style without one warning from JavaFX's CSS logger (an
 * unresolved variable, a value of the wrong type), and About's captions are readable on dark.
 */
@ExtendWith(ApplicationExtension.class)
class CssWarningsUiTest {

    /** JavaFX's CSS code logs through this logger (PlatformLogger "javafx.css", on java.util.logging). */
    private static final Logger CSS = Logger.getLogger("javafx.css");

    final List<String> warnings = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    TestWindow window;
    Stage stage;

    @BeforeEach
    void listen() {
        CSS.addHandler(capture);
    }

    @Start
    void start(Stage stage) {
        CSS.addHandler(capture); // @Start runs before @BeforeEach: the window's first styling counts too
        this.stage = stage;
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
    }

    @AfterEach
    void stop() throws Exception {
        CSS.removeHandler(capture);
        new Theme().apply();
        window.close();
    }

    @Test
    void theWindowAboutAndAnEnlargedScreenshotStyleWithoutACssWarningInLightAndDark(FxRobot robot) throws Exception {
        FxTesting.fx(() -> {
            window.vm.form().newSession();
            return null;
        });
        TestWindow.waitFor("the agent's question", () -> robot.lookup(".transcript .reply").tryQuery().isPresent());
        List<String> unreadable = new ArrayList<>();
        for (boolean dark : List.of(false, true)) {
            FxTesting.fx(() -> {
                Theme theme = new Theme();
                theme.darkProperty().set(dark);
                theme.apply();
                return null;
            });
            String theme = dark ? "dark" : "light";
            // the enlarged screenshot (a popup: outside the window's root)
            TestWindow.waitFor("a screenshot", () -> shownScreenshot(robot) != null);
            FxTesting.fx(() -> {
                ImageView shot = shownScreenshot(robot);
                shot.getOnMouseClicked().handle(null);
                return null;
            });
            TestWindow.waitFor("the enlarged screenshot", () -> popups().size() > 0);
            FxTesting.fx(() -> {
                popups().forEach(Window::hide);
                return null;
            });
            // the details popover (AtlantaFX's Popover, a popup of its own)
            robot.clickOn("#detailsButton");
            TestWindow.waitFor("the details", () -> popups().size() > 0);
            FxTesting.fx(() -> {
                popups().forEach(Window::hide);
                return null;
            });
            // About (a dialog: its own scene)
            robot.clickOn("#messageInput");
            robot.type(KeyCode.F1);
            TestWindow.waitFor("the About dialog", () -> robot.lookup("#aboutDialog").tryQuery().isPresent());
            Node about = robot.lookup("#aboutDialog").query();
            unreadable.addAll(FxTesting.fx(() -> {
                List<String> bad = new ArrayList<>();
                Color background = dark ? Color.web("#0d1117") : Color.WHITE;
                for (Node n : about.lookupAll(".label")) {
                    if (n instanceof Label l && l.isVisible() && l.getText() != null && !l.getText().isBlank()
                            && contrast(l.getTextFill(), background) < 3) {
                        bad.add(theme + ": " + l.getText() + " " + l.getTextFill());
                    }
                }
                return bad;
            }));
            robot.clickOn("#aboutClose");
            TestWindow.waitFor("About closed", () -> robot.lookup("#aboutDialog").tryQuery().isEmpty());
        }
        assertTrue(warnings.isEmpty(), "CSS warnings:\n" + String.join("\n", warnings));
        assertEquals(List.of(), unreadable, "About's labels, readable on their theme");
    }

    private static ImageView shownScreenshot(FxRobot robot) {
        return robot.lookup(".transcript .thumbnail").queryAllAs(ImageView.class).stream()
                .filter(FxTesting::shownWithAllItsParents).filter(v -> v.getImage() != null).findFirst().orElse(null);
    }

    private List<Window> popups() {
        return Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow && !(w instanceof javafx.scene.control.Tooltip) && w.isShowing()).toList();
    }

    /** WCAG's contrast ratio of a text colour on a background. */
    static double contrast(Paint text, Color background) {
        Color c = text instanceof Color col ? col : Color.BLACK;
        double a = luminance(c) + 0.05;
        double b = luminance(background) + 0.05;
        return Math.max(a, b) / Math.min(a, b);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
