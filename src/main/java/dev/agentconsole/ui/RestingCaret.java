package dev.agentconsole.ui;

import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.input.InputMethodEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * Stops a text area's caret blinking after a while without input, as GTK does (its cursor blink
 * timeout, 10 s), and draws it still where it stands. A blinking caret is a JavaFX animation: while
 * one runs the toolkit pulses 60 times a second, and each blink repaints the window, which is most
 * of what a console with every agent at rest would cost. A key, the mouse, the focus, a change of
 * the text or of the area's size or scroll makes it blink again, and the wait starts over.
 */
public final class RestingCaret extends StackPane {

    /** GTK's default {@code gtk-cursor-blink-timeout}. */
    public static final Duration AFTER = Duration.seconds(10);

    private final TextArea area;
    private final Region still = new Region();
    private final PauseTransition wait;
    private boolean resting;

    /** {@code area} in a pane of its own, with its caret coming to rest after {@link #AFTER}. */
    public RestingCaret(TextArea area) {
        this(area, AFTER);
    }

    RestingCaret(TextArea area, Duration after) {
        super(area);
        this.area = area;
        setMinWidth(0);
        still.getStyleClass().add(Styles.STILL_CARET);
        still.setManaged(false);
        still.setMouseTransparent(true);
        still.setVisible(false);
        getChildren().add(still);
        wait = new PauseTransition(after);
        wait.setOnFinished(e -> rest());

        for (var type : new javafx.event.EventType<?>[] {KeyEvent.ANY, MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_DRAGGED,
                ScrollEvent.ANY, InputMethodEvent.ANY}) {
            area.addEventFilter(type, this::input);
        }
        InvalidationListener moved = this::moved;
        area.focusedProperty().addListener(moved);
        area.textProperty().addListener(moved);
        area.caretPositionProperty().addListener(moved);
        area.widthProperty().addListener(moved);
        area.heightProperty().addListener(moved);
        area.scrollTopProperty().addListener(moved);
        area.scrollLeftProperty().addListener(moved);
        area.skinProperty().addListener(moved);
    }

    /** The caret is resting: its animation stopped, and drawn still by this pane where it can be seen. */
    public boolean isResting() {
        return resting;
    }

    /** The still caret (for tests: where it is drawn). */
    Region stillCaret() {
        return still;
    }

    private void input(Event e) {
        wake();
    }

    private void moved(Observable o) {
        wake();
    }

    /** Blinks again (the skin's own animation) and waits anew; while the area has no focus, nothing blinks or waits. */
    private void wake() {
        if (resting) {
            resting = false;
            still.setVisible(false);
            if (area.getSkin() instanceof TextAreaSkin skin && area.isFocused()) {
                skin.setCaretAnimating(true);
            }
        }
        if (area.isFocused()) {
            wait.playFromStart();
        } else {
            wait.stop();
        }
    }

    private void rest() {
        if (!area.isFocused() || !(area.getSkin() instanceof TextAreaSkin skin)) {
            return;
        }
        skin.setCaretAnimating(false); // stops the blink and hides the skin's caret
        resting = true;
        Bounds caret = skin.getCaretBounds();
        if (area.getSelection().getLength() > 0 || caret == null || caret.getHeight() <= 0) {
            return; // a selection shows no caret: nothing to draw, and nothing blinks
        }
        Bounds here = area.localToParent(caret);
        Bounds shown = area.getBoundsInParent();
        Insets inside = area.getInsets();
        if (here.getMinY() < shown.getMinY() + inside.getTop() || here.getMaxY() > shown.getMaxY() - inside.getBottom()
                || here.getMinX() < shown.getMinX() || here.getMaxX() > shown.getMaxX()) {
            return; // scrolled out of sight: the skin's caret would be clipped too
        }
        still.resizeRelocate(snapPositionX(here.getMinX()), snapPositionY(here.getMinY()), Math.max(1, snapSizeX(here.getWidth())),
                snapSizeY(here.getHeight()));
        still.setVisible(true);
    }
}
