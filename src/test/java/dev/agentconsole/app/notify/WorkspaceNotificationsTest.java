package dev.agentconsole.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.session.SessionViewModel;
import dev.agentconsole.ui.workspace.WorkspaceViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole way, on a real session bus: a session starts to wait for the operator while they are in
 * another window, the workspace decides to tell the desktop, the D-Bus notifier calls the (recording)
 * notification server, and a click on it brings that session to the front.
 */
@Tag("desktop")
class WorkspaceNotificationsTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    final Emulator emulator = Emulator.start(0, ScriptClock.ticking(Duration.ofMillis(15)));
    final EmulatorConnector connector = new EmulatorConnector(emulator);
    final UiThread ui = new UiThread();
    final ExecutorService io = Executors.newCachedThreadPool();
    NotificationsRecorder recorder;
    DbusNotifier notifier;
    WorkspaceViewModel vm;

    @BeforeAll
    static void aBusOfOurOwn() throws Exception {
        DbusNotifierTest.aBusOfOurOwn();
    }

    @AfterEach
    void stop() {
        if (vm != null) {
            ui.run(vm::close);
        }
        if (notifier != null) {
            notifier.close();
        }
        if (recorder != null) {
            recorder.close();
        }
        ui.close();
        io.shutdownNow();
        connector.close();
        emulator.close();
    }

    @Test
    void aBackgroundSessionsQuestionReachesTheDesktopOnceAndAClickBringsItForward() throws Exception {
        recorder = NotificationsRecorder.start(DbusNotifierTest.MARKUP);
        notifier = DbusNotifier.forSessionBus();
        vm = ui.call(() -> new WorkspaceViewModel(connector, ui, io, Instant::now, notifier));
        java.util.concurrent.atomic.AtomicInteger raised = new java.util.concurrent.atomic.AtomicInteger();
        ui.run(() -> {
            vm.onRaise(raised::incrementAndGet);
            vm.windowFocusedProperty().set(false); // the operator is in another window
            vm.form().newSession();
        });
        ui.await("the demo session open", WAIT, () -> vm.front() != null);
        SessionViewModel asking = ui.call(vm::front);
        String agi = emulator.createAgiSession();
        ui.run(() -> {
            vm.form().providerProperty().set(Provider.AGI);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(agi);
            vm.form().connect();
        });

        NotificationsRecorder.Notify call = recorder.nextNotify();
        assertEquals("An agent asks you something", call.summary());
        assertTrue(call.body().startsWith("Book a hotel in Kyoto"), call.body());
        assertTrue(call.body().contains("Which one should I book"), call.body());
        assertFalse(call.body().contains(asking.id().value().substring(0, 8)), "no id: " + call.body());
        assertEquals(List.of(), recorder.rest(), "one notification for one change");

        recorder.click(call.id());
        ui.await("the asking session in front, the window raised", WAIT, () -> vm.front() == asking && raised.get() == 1);
    }
}
