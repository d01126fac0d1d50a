package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Keys typed while the window is still being built (a busy machine) are not lost: they land in the composer. */
@ExtendWith(ApplicationExtension.class)
class StagedWindowUiTest {

    final Emulator emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
    final String session = emulator.createDemoSession();
    final Store store = savedDraft(Store.inMemory(), session);
    final EmulatorConnector connector = new EmulatorConnector(emulator, store);
    final ExecutorService io = Executors.newCachedThreadPool();
    final CountDownLatch slowBuild = new CountDownLatch(1);
    final AtomicReference<WorkspaceViewModel> vm = new AtomicReference<>();
    final AtomicReference<WorkspaceView> shown = new AtomicReference<>();

    /** A draft left from the last run: it comes back, and what was typed ahead goes after it. */
    private static Store savedDraft(Store store, String session) {
        store.saveDraft(dev.agentconsole.store.SessionKey.of(dev.agentconsole.agent.Provider.DEMO, session),
                new dev.agentconsole.store.Draft("left from last time", "", "", java.util.List.of(), java.util.List.of()));
        return store;
    }

    @Start
    void start(Stage stage) {
        new Theme().apply();
        StagedWindow.show(stage, ui -> {
            try {
                slowBuild.await(20, TimeUnit.SECONDS); // the machine is busy: the view takes its time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            WorkspaceViewModel model = new WorkspaceViewModel(connector, ui, io, Instant::now, dev.agentconsole.ui.workspace.Notifier.NONE);
            vm.set(model);
            return new WorkspaceView(model, (url, whenNot) -> { }, new SimpleBooleanProperty(false));
        }, shown::set);
    }

    @AfterEach
    void stop() throws Exception {
        slowBuild.countDown();
        TestWindow.fx(() -> {
            if (vm.get() != null) {
                vm.get().close();
            }
            return null;
        });
        io.shutdownNow();
        connector.close();
        emulator.close();
    }

    @Test
    void keysTypedIntoTheShellLandInTheComposer(FxRobot robot) throws Exception {
        robot.write("book the");
        robot.type(KeyCode.BACK_SPACE);
        robot.write("e cheaper one");
        robot.type(KeyCode.ENTER); // a new line, never a send: nothing is bound yet anyway
        robot.write("please");
        slowBuild.countDown();

        TestWindow.waitFor("the view", () -> shown.get() != null);
        TestWindow.fx(() -> { // no session was open: what was typed waits for the first one
            vm.get().form().sessionTextProperty().set(session);
            vm.get().form().connect();
            return null;
        });
        TestWindow.waitFor("the draft read", () -> robot.lookup("#messageInput").tryQuery().isPresent());
        Thread.sleep(300); // the unbound draft's read comes back meanwhile: it must not replace what was typed
        String expected = "left from last time\nbook the cheaper one\nplease";
        assertEquals(expected, TestWindow.fx(() -> robot.lookup("#messageInput").queryAs(TextArea.class).getText()));
        assertEquals(expected, TestWindow.fx(() -> vm.get().front().composer().textProperty().get()));
        assertEquals(expected, store.draft(dev.agentconsole.store.SessionKey.of(dev.agentconsole.agent.Provider.DEMO, session))
                .orElseThrow().text(), "and saved");
    }
}
