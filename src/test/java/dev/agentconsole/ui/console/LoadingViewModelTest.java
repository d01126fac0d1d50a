package dev.agentconsole.ui.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.ui.UiThread;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An empty transcript says what is going on: connect, "Loading the session…" until the first read answers, or nothing yet. */
class LoadingViewModelTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    ConsoleHarness harness;
    Emulator emulator;
    UiThread ui;
    ConsoleViewModel vm;

    @BeforeEach
    void start() {
        harness = new ConsoleHarness();
        emulator = harness.emulator;
        ui = harness.ui;
        vm = harness.vm;
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private String placeholder() {
        return ui.call(() -> vm.transcript().placeholderProperty().get());
    }

    @Test
    void whileTheFirstReadIsOnItsWayTheTranscriptSaysLoadingNotConnect() throws Exception {
        assertEquals("Connect to a session, or start a demo, to see the agent at work.", placeholder());
        String session = emulator.createDemoSession();
        emulator.faults().add(Faults.Rule.on("GET /api/v2/sessions/{id}/changes", new Faults.Fault.Delay(Duration.ofMillis(1500)), 1));
        ui.run(() -> {
            vm.sessionTextProperty().set(session);
            vm.connect();
        });
        ui.await("live", WAIT, () -> vm.stateProperty().get() == ConnectionState.LIVE);
        assertEquals("Loading the session…", placeholder(), "live, but the first read has not answered");
        ui.await("the first read", WAIT, () -> !vm.transcript().rows().isEmpty()
                || vm.transcript().placeholderProperty().get().equals("Nothing has happened in this session yet."));
        ui.run(() -> vm.disconnect());
        assertEquals("Connect to a session, or start a demo, to see the agent at work.", placeholder());
    }
}
