package dev.agentconsole.app;

import dev.agentconsole.app.Settings.WindowBounds;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The window opens where the operator left it, when that is still on a screen, and remembers where it goes. */
final class WindowPlacement {

    /** Moving or resizing saves once it has been still this long, not at every step of a drag. */
    private static final Duration QUIET = Duration.millis(500);
    /** How much of the title bar must be on a screen for a saved place to be used: enough to grab it. */
    private static final double GRAB = 48;

    private WindowPlacement() {}

    /** Before the stage is shown: the saved place, if usable on today's screens. */
    static void restore(Stage stage, Optional<WindowBounds> saved) {
        List<Rectangle2D> screens = Screen.getScreens().stream().map(Screen::getVisualBounds).toList();
        usable(saved, screens, stage.getMinWidth(), stage.getMinHeight()).ifPresent(b -> {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        });
    }

    /**
     * The saved bounds, no smaller than the window may be and no larger than the screen they are on,
     * if the top-left of the title bar is on one of {@code screens} (a monitor unplugged since, or a
     * smaller one, and the window opens where the system puts it).
     */
    static Optional<WindowBounds> usable(Optional<WindowBounds> saved, List<Rectangle2D> screens, double minWidth, double minHeight) {
        return saved.flatMap(b -> screens.stream()
                .filter(s -> s.contains(b.x() + Math.min(b.width() / 2, GRAB), b.y() + GRAB / 4))
                .findFirst()
                .map(s -> new WindowBounds(b.x(), b.y(),
                        Math.max(minWidth, Math.min(b.width(), s.getWidth())),
                        Math.max(minHeight, Math.min(b.height(), s.getHeight())), b.maximized())));
    }

    /** Once the stage is shown: hands {@code save} its place each time it comes to rest. */
    static void remember(Stage stage, Consumer<WindowBounds> save) {
        double[] normal = {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()};
        PauseTransition still = new PauseTransition(QUIET);
        still.setOnFinished(e -> save.accept(new WindowBounds(normal[0], normal[1], normal[2], normal[3], stage.isMaximized())));
        InvalidationListener moved = o -> {
            if (!stage.isMaximized() && !stage.isIconified()) {
                normal[0] = stage.getX();
                normal[1] = stage.getY();
                normal[2] = stage.getWidth();
                normal[3] = stage.getHeight();
            }
            still.playFromStart();
        };
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        stage.maximizedProperty().addListener(moved);
    }
}
