package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.ui.connect.ConnectView;
import dev.agentconsole.ui.session.SessionHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The session bar at the window's minimum width: icons instead of words cut to "...", rows that wrap, and back when wide. */
@ExtendWith(ApplicationExtension.class)
class SessionBarUiTest {

    TestWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
    }

    @AfterEach
    void stop() throws Exception {
        resize(TestWindow.WIDTH); // the stage outlives the test; Monocle's screen is 1280 px wide
        window.close();
    }

    private void resize(double width) throws Exception {
        TestWindow.fx(() -> {
            stage.setWidth(width);
            return null;
        });
    }

    /** Every word the bar shows, with how much room it has and how much it asks for. */
    private static List<String> cutShort(Node node) {
        List<String> cut = new ArrayList<>();
        if (node instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty() && !l.isWrapText()
                && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY && l.getWidth() < l.prefWidth(-1) - 0.5) {
            cut.add(l.getText() + " (" + l.getWidth() + " of " + l.prefWidth(-1) + " px)");
        }
        if (node instanceof Parent p && node.isVisible()) {
            p.getChildrenUnmodifiable().forEach(child -> cut.addAll(cutShort(child)));
        }
        return cut;
    }

    /** The controls of the bar that reach past {@code width} (the window's right edge). */
    private static List<String> pastTheEdge(Node node, double width) {
        List<String> past = new ArrayList<>();
        if (node instanceof Control c && c.isVisible() && c.localToScene(c.getLayoutBounds()).getMaxX() > width + 0.5) {
            past.add(c.getId() + " to " + c.localToScene(c.getLayoutBounds()).getMaxX());
        }
        if (node instanceof Parent p && node.isVisible() && !(node instanceof Control)) {
            p.getChildrenUnmodifiable().forEach(child -> past.addAll(pastTheEdge(child, width)));
        }
        return past;
    }

    /** Waits until no word in the bar is cut; says which are, if they stay cut. */
    private void waitUntilNothingIsCut(ConnectView bar, String when) throws Exception {
        try {
            TestWindow.waitFor(when, () -> cutShort(bar).isEmpty() && (window.vm.front() == null || cutShort(header()).isEmpty()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + TestWindow.fx(() -> cutShort(bar) + " " + (window.vm.front() == null ? "" : cutShort(header()))), e);
        }
    }

    /** The bar of the session in front: its status and controls. */
    private SessionHeader header() {
        return window.view.frontView().orElseThrow().header();
    }

    @Test
    void atTheMinimumWidthTheBarShowsIconsAndCutsNoWord(FxRobot robot) throws Exception {
        TestWindow.fx(window::bindDemoSession);
        ConnectView bar = robot.lookup(".header").queryAs(ConnectView.class);
        Button stopButton = robot.lookup("#stopButton").queryAs(Button.class);
        resize(1280);
        TestWindow.waitFor("a wide bar with words", () -> !bar.connectionRowCompactProperty().get()
                && !header().controlRowCompactProperty().get() && stopButton.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY);
        waitUntilNothingIsCut(bar, "a laid-out wide bar");
        Region connectionRow = robot.lookup(".connection-row").queryAs(Region.class);
        TestWindow.waitFor("with room for its words the row is one line", () -> connectionRow.getHeight() < 1.5 * stopButton.getHeight());

        resize(760);
        TestWindow.waitFor("both rows compact", () -> bar.connectionRowCompactProperty().get()
                && header().controlRowCompactProperty().get() && stopButton.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY);
        waitUntilNothingIsCut(bar, "a laid-out narrow bar");
        assertEquals("Stop", stopButton.getText(), "the word stays for the tooltip and screen readers");
        assertTrue(stopButton.getTooltip().getText().startsWith("Stop"));
        TestWindow.waitFor("rows that wrap rather than run off the window", () -> pastTheEdge(bar, 760).isEmpty());

        resize(1280);
        TestWindow.waitFor("words again", () -> !bar.connectionRowCompactProperty().get()
                && !header().controlRowCompactProperty().get() && stopButton.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY);
        waitUntilNothingIsCut(bar, "a laid-out wide bar again");
    }

    @Test
    void anotherProvidersUrlAndKeyFieldsWrapAtTheMinimumWidthAndGoAgain(FxRobot robot) throws Exception {
        ConnectView bar = robot.lookup(".header").queryAs(ConnectView.class);
        resize(1280);
        TestWindow.waitFor("the demo's words", () -> !bar.connectionRowCompactProperty().get());

        TestWindow.fx(() -> {
            window.vm.form().providerProperty().set(Provider.HCOMPANY);
            return null;
        });
        TestWindow.waitFor("icons: H's URL and key fields take the room", () -> robot.lookup("#baseUrlInput").query().isVisible()
                && bar.connectionRowCompactProperty().get());
        resize(760);
        TestWindow.waitFor("a compact bar that wraps rather than runs off the window", () -> bar.connectionRowCompactProperty().get()
                && cutShort(bar).isEmpty() && pastTheEdge(bar, 760).isEmpty());

        // back to the demo in a wide window: without the URL and key fields the words fit again
        TestWindow.fx(() -> {
            window.vm.form().providerProperty().set(Provider.DEMO);
            stage.setWidth(1280);
            return null;
        });
        TestWindow.waitFor("words once the fields are gone", () -> !bar.connectionRowCompactProperty().get());
        waitUntilNothingIsCut(bar, "a laid-out wide bar");
    }

    @Test
    void shortOfRoomForEveryWordTheTitleGoesFirstAndTheButtonsKeepTheirWords(FxRobot robot) throws Exception {
        ConnectView bar = robot.lookup(".header").queryAs(ConnectView.class);
        resize(1280);
        TestWindow.waitFor("the demo's words", () -> !bar.connectionRowCompactProperty().get() && !bar.connectionRowBriefProperty().get());
        Region row = robot.lookup(".connection-row").queryAs(Region.class);
        Labeled title = robot.lookup(".connection-row .title").queryAs(Labeled.class);
        Button connect = robot.lookup("#connectButton").queryAs(Button.class);
        Button newSession = robot.lookup("#newSessionButton").queryAs(Button.class);
        double words = TestWindow.fx(() -> row.prefWidth(-1));
        double margin = TestWindow.fx(() -> stage.getWidth() - row.getWidth());

        resize(words + margin - 40); // 40 px short of every word: the title's alone would make room
        try {
            TestWindow.waitFor("the title as an icon, the buttons with their words", () -> bar.connectionRowBriefProperty().get()
                    && !bar.connectionRowCompactProperty().get() && title.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + TestWindow.fx(() -> ": words " + words + ", margin " + margin + ", row "
                    + row.getWidth() + ", stage " + stage.getWidth() + ", brief " + bar.connectionRowBriefProperty().get()
                    + ", compact " + bar.connectionRowCompactProperty().get() + ", pref now " + row.prefWidth(-1) + ", title " + title.getContentDisplay() + " " + title.getText() + " pc " + row.getPseudoClassStates() + " connect " + connect.getContentDisplay()), e);
        }
        assertTrue(TestWindow.fx(() -> connect.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY
                && newSession.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY), "Connect and New keep their words");
        waitUntilNothingIsCut(bar, "a brief bar");
        TestWindow.waitFor("still one line", () -> row.getHeight() < 1.5 * connect.getHeight());

        resize(1280);
        TestWindow.waitFor("every word again", () -> !bar.connectionRowBriefProperty().get()
                && title.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY);
    }

    @Test
    void theHintNamesConnectAndConnectStillSaysConnectInACompactBar(FxRobot robot) throws Exception {
        ConnectView bar = robot.lookup(".header").queryAs(ConnectView.class);
        resize(1280);
        TestWindow.fx(() -> {
            window.vm.form().providerProperty().set(Provider.HCOMPANY); // no key in the environment: the key field shows
            window.vm.form().sessionTextProperty().set("00000000-0000-4000-8000-000000000000");
            window.vm.form().connect();
            return null;
        });
        TestWindow.waitFor("the hint", () -> window.vm.front() != null && window.vm.front().noticeProperty().get().contains("press Connect"));
        TestWindow.waitFor("a compact row", () -> bar.connectionRowCompactProperty().get());
        Button connect = robot.lookup("#connectButton").queryAs(Button.class);
        TestWindow.waitFor("Connect as the hint names it", () -> connect.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY
                && "Connect".equals(connect.getText()));
        waitUntilNothingIsCut(bar, "a compact bar with Connect");
        resize(760);
        TestWindow.waitFor("wraps, Connect still named", () -> pastTheEdge(bar, 760).isEmpty()
                && connect.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY);
        waitUntilNothingIsCut(bar, "a narrow compact bar");
    }
}
