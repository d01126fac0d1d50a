package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.app.SmokeRun;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ScriptClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** {@code --smoke} against the real window and emulator: what the installed-package check in .ci/run relies on. */
@ExtendWith(ApplicationExtension.class)
class SmokeRunUiTest {

    TestWindow window;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final CompletableFuture<Integer> verdict = new CompletableFuture<>();

    @Start
    void start(Stage stage) {
        window = TestWindow.show(stage, ScriptClock.ticking(Duration.ofMillis(15)));
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
    }

    private int run(Duration limit) throws Exception {
        TestWindow.fx(() -> {
            new SmokeRun(window.vm, window.view, limit, new PrintStream(printed, true, StandardCharsets.UTF_8),
                    verdict::complete).start();
            return null;
        });
        return verdict.get(30, TimeUnit.SECONDS);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passesOnceTheAgentSawTheMessageAndReplied() throws Exception {
        String session = TestWindow.fx(window::bindDemoSession);
        assertEquals(SmokeRun.PASSED, run(Duration.ofSeconds(20)), printed());
        assertEquals(SmokeRun.MESSAGE, window.emulator.receivedMessages(session).get(0).text(), "sent exactly as typed");
        assertEquals(1, window.emulator.receivedMessages(session).size());
        assertTrue(printed().contains("smoke: the agent saw the message and replied"), printed());
    }

    @Test
    void failsWithTheReasonForAnUnknownSession() throws Exception {
        TestWindow.fx(() -> {
            window.vm.form().providerProperty().set(Provider.HCOMPANY);
            window.vm.form().tokenProperty().set(window.emulator.token());
            window.vm.form().sessionTextProperty().set("00000000-0000-4000-8000-000000000000");
            window.vm.form().connect();
            return null;
        });
        assertEquals(SmokeRun.FAILED, run(Duration.ofSeconds(20)), printed());
        assertTrue(printed().contains("failed: ") && printed().contains("not found"), printed());
    }

    @Test
    void failsWhenTheMessageIsRefused() throws Exception {
        window.emulator.faults().add(Faults.Rule.on("POST /api/v2/sessions/{id}/messages",
                new Faults.Fault.Status(422, Optional.empty()), 1));
        TestWindow.fx(window::bindDemoSession);
        assertEquals(SmokeRun.FAILED, run(Duration.ofSeconds(20)), printed());
        assertTrue(printed().contains("failed: "), printed());
    }

    @Test
    void failsWhenNoReplyComesInTime() throws Exception {
        window.emulator.faults().add(Faults.Rule.on("*", new Faults.Fault.Status(503, Optional.empty()), -1));
        TestWindow.fx(window::bindDemoSession);
        assertEquals(SmokeRun.FAILED, run(Duration.ofSeconds(2)), printed());
        assertTrue(printed().contains("within 2 s"), printed());
    }
}
