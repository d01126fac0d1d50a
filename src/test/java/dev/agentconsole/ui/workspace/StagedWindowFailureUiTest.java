package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.ui.Theme;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A view that cannot be built (its store cannot open, say) leaves the window saying why, and the
 * caller learns of it on the FX thread: a smoke run ends there with the reason, instead of waiting
 * for a window that never comes.
 */
@ExtendWith(ApplicationExtension.class)
class StagedWindowFailureUiTest {

    static final String WHY = "SQLite's native library could not be loaded, so nothing can be kept.";

    final CompletableFuture<Throwable> failed = new CompletableFuture<>();
    final CompletableFuture<Boolean> failedOnFxThread = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        new Theme().apply();
        StagedWindow.show(stage, ui -> {
            throw new IllegalStateException(WHY);
        }, view -> failed.completeExceptionally(new AssertionError("a view was handed over")), e -> {
            failedOnFxThread.complete(Platform.isFxApplicationThread());
            failed.complete(e);
        });
    }

    @Test
    void theWindowSaysWhyAndTheCallerIsTold(FxRobot robot) throws Exception {
        Throwable e = failed.get(20, TimeUnit.SECONDS);
        assertEquals(WHY, e.getMessage());
        assertTrue(failedOnFxThread.get(), "told on the FX thread");
        String shown = TestWindow.fx(() -> robot.lookup(".empty-state").queryAs(Label.class).getText());
        assertEquals("The window could not be built: " + WHY, shown);
    }
}
