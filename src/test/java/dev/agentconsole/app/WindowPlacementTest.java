package dev.agentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.app.Settings.WindowBounds;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where a saved window may open, without the toolkit: screens are rectangles here. */
class WindowPlacementTest {

    private static final Rectangle2D LEFT = new Rectangle2D(0, 0, 1920, 1050);
    private static final Rectangle2D RIGHT = new Rectangle2D(1920, 0, 1280, 770);

    private static Optional<WindowBounds> usable(WindowBounds saved, Rectangle2D... screens) {
        return WindowPlacement.usable(Optional.of(saved), List.of(screens), 760, 520);
    }

    @Test
    void aPlaceOnAScreenIsKeptAsItWas() {
        WindowBounds saved = new WindowBounds(100, 80, 1200, 800, false);
        assertEquals(Optional.of(saved), usable(saved, LEFT, RIGHT));
    }

    @Test
    void aPlaceOnAMonitorNoLongerThereIsDropped() {
        assertEquals(Optional.empty(), usable(new WindowBounds(2000, 50, 1200, 700, false), LEFT));
    }

    @Test
    void aWindowWhoseTitleBarIsOffEveryScreenIsDropped() {
        assertEquals(Optional.empty(), usable(new WindowBounds(100, -300, 1200, 800, false), LEFT), "above the screen");
        assertEquals(Optional.empty(), usable(new WindowBounds(-1150, 80, 1200, 800, false), LEFT), "off to the left");
    }

    @Test
    void aWindowLargerThanItsScreenIsMadeToFitAndNeverBelowTheMinimum() {
        assertEquals(Optional.of(new WindowBounds(1930, 10, 1280, 770, true)),
                usable(new WindowBounds(1930, 10, 1900, 1000, true), LEFT, RIGHT));
        assertEquals(Optional.of(new WindowBounds(10, 10, 760, 520, false)),
                usable(new WindowBounds(10, 10, 300, 200, false), LEFT));
    }

    @Test
    void nothingSavedIsNothingToUse() {
        assertEquals(Optional.empty(), WindowPlacement.usable(Optional.empty(), List.of(LEFT), 760, 520));
    }
}
