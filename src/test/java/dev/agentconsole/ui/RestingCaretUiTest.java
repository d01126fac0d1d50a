package dev.agentconsole.ui;

import static dev.agentconsole.ui.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A focused text area left alone stops blinking (the toolkit stops pulsing for it) and draws its
 * caret still where it was; a key makes it blink again, and it rests again where the key moved it.
 */
@ExtendWith(ApplicationExtension.class)
class RestingCaretUiTest {

    static final Duration AFTER = Duration.millis(300);

    TextArea area;
    RestingCaret resting;
    Button elsewhere;
    Scene scene;
    final AtomicInteger pulses = new AtomicInteger();

    @Start
    void start(Stage stage) {
        area = new TextArea("steer");
        resting = new RestingCaret(area, AFTER);
        elsewhere = new Button("elsewhere");
        scene = new Scene(new VBox(8, resting, elsewhere), 400, 200);
        scene.addPreLayoutPulseListener(pulses::incrementAndGet);
        stage.setScene(scene);
        stage.show();
    }

    private void settle(double millis) throws InterruptedException {
        Thread.sleep((long) millis);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int pulsesOver(long millis) throws InterruptedException {
        pulses.set(0);
        Thread.sleep(millis);
        return pulses.get();
    }

    private Bounds caretInPane() throws Exception {
        return fx(() -> area.localToParent(((TextAreaSkin) area.getSkin()).getCaretBounds()));
    }

    @Test
    void leftAloneTheCaretStopsBlinkingAndStaysDrawnWhereItWas(FxRobot robot) throws Exception {
        robot.clickOn(area);
        robot.type(KeyCode.END);
        assertFalse(fx(resting::isResting), "typing: it blinks");
        int blinking = pulsesOver(1000);
        settle(AFTER.toMillis() + 300);
        assertTrue(fx(resting::isResting), "left alone past the wait");
        int still = pulsesOver(1000);
        assertTrue(blinking >= 15, "a blinking caret keeps the toolkit pulsing: " + blinking + " pulses in 1 s");
        assertTrue(still <= 5, "at rest nothing pulses (was " + blinking + " in 1 s while blinking): " + still);

        Bounds caret = caretInPane();
        Bounds drawn = fx(() -> resting.stillCaret().getBoundsInParent());
        assertTrue(fx(() -> resting.stillCaret().isVisible()));
        assertEquals(caret.getMinX(), drawn.getMinX(), 1.0, "drawn where the caret is");
        assertEquals(caret.getMinY(), drawn.getMinY(), 1.0);
        assertTrue(drawn.getHeight() > 8, "a caret as tall as the line: " + drawn);
    }

    @Test
    void aKeyWakesItAndItRestsAgainWhereTheKeyMovedIt(FxRobot robot) throws Exception {
        robot.clickOn(area);
        robot.type(KeyCode.END);
        settle(AFTER.toMillis() + 300);
        assertTrue(fx(resting::isResting));
        double before = fx(() -> resting.stillCaret().getLayoutX());

        robot.write("!!");
        assertFalse(fx(resting::isResting), "a key: blinking again");
        assertFalse(fx(() -> resting.stillCaret().isVisible()), "the still caret gives way to the skin's");
        settle(AFTER.toMillis() + 300);
        assertTrue(fx(resting::isResting));
        assertTrue(fx(() -> resting.stillCaret().getLayoutX()) > before, "at rest after the new characters");
    }

    @Test
    void aSelectionOrACaretScrolledOutOfSightRestsWithoutADrawnCaret(FxRobot robot) throws Exception {
        robot.clickOn(area);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        settle(AFTER.toMillis() + 300);
        assertTrue(fx(resting::isResting), "a selection rests too: nothing blinks");
        assertFalse(fx(() -> resting.stillCaret().isVisible()), "a selection shows no caret");
        assertTrue(pulsesOver(1000) <= 5);

        robot.type(KeyCode.END);
        fx(() -> {
            area.setText("line\n".repeat(40) + "last");
            area.end();
            return null;
        });
        settle(200);
        fx(() -> {
            area.setScrollTop(0); // reading the start, the caret at the end below the fold
            return null;
        });
        settle(AFTER.toMillis() + 300);
        assertTrue(fx(resting::isResting));
        assertFalse(fx(() -> resting.stillCaret().isVisible()), "the caret is out of sight: nothing drawn below the area");
    }

    @Test
    void withoutTheFocusNothingBlinksOrIsDrawn(FxRobot robot) throws Exception {
        robot.clickOn(area);
        settle(AFTER.toMillis() + 300);
        assertTrue(fx(resting::isResting));
        robot.clickOn(elsewhere);
        assertFalse(fx(resting::isResting));
        assertFalse(fx(() -> resting.stillCaret().isVisible()), "no caret drawn for an area without the focus");
        settle(AFTER.toMillis() + 300);
        assertFalse(fx(resting::isResting), "no wait runs without the focus");
    }
}
