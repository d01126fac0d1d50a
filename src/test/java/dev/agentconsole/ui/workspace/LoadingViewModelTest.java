package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.UiThread;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An empty transcript says what is going on: connect, "Loading the session…" until the first read answers, or nothing yet. */
class LoadingViewModelTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    final WorkspaceHarness harness = new WorkspaceHarness(); // JUnit makes a new one for every test
    final Emulator emulator = harness.emulator;
    final UiThread ui = harness.ui;
    final WorkspaceViewModel vm = harness.vm;

    @AfterEach
    void stop() {
        harness.close();
    }

    private String placeholder() {
        return ui.call(() -> vm.front().transcript().placeholderProperty().get());
    }

    @Test
    void whileTheFirstReadIsOnItsWayTheTranscriptSaysLoadingNotConnect() throws Exception {
        assertTrue(ui.call(() -> vm.front() == null), "no session open yet: the window says so");
        String session = emulator.createDemoSession();
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}/changes", new Faults.Fault.Delay(Duration.ofMillis(1500)), 1));
        ui.run(() -> {
            vm.form().sessionTextProperty().set(session);
            vm.form().connect();
        });
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
        assertEquals("Loading the session…", placeholder(), "live, but the first read has not answered");
        ui.await("the first read", WAIT, () -> vm.front() != null && (!vm.front().transcript().rows().isEmpty()
                || vm.front().transcript().placeholderProperty().get().equals("Nothing has happened in this session yet.")));
        ui.run(() -> vm.front().detach());
        assertEquals("Connect to a session, or start a demo, to see the agent at work.", placeholder());
    }
}
