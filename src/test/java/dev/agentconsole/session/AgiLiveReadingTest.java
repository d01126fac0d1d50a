package dev.agentconsole.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.agent.agi.AgiBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The window reads AGI through the SSE stream it has, so the operator sees steps as they happen. */
class AgiLiveReadingTest {

    private static final String STREAM = "GET /v1/sessions/{id}/events";
    private static final String MESSAGES = "GET /v1/sessions/{id}/messages";

    @Test
    void aBoundAgiSessionIsReadFromItsEventStreamNotByPolling() throws Exception {
        ScriptClock.Manual clock = ScriptClock.manual();
        try (Emulator emulator = Emulator.start(0, clock); HttpStack http = new HttpStack(); Store store = Store.inMemory()) {
            SessionId session = SessionId.parse(emulator.createAgiSession());
            AgiBackend backend = new AgiBackend(new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http);
            List<AgentEvent> seen = new CopyOnWriteArrayList<>();
            List<SessionSnapshot> states = new CopyOnWriteArrayList<>();
            try (SessionController controller = new SessionController(backend, session, new Recorder(seen, states),
                    Duration.ofSeconds(20), store)) {
                controller.start();
                await(() -> emulator.requestCount(STREAM) == 1, "the stream is open");
                controller.send(new Outgoing.Single(OutgoingMessage.text(Emulator.DEMO_TASK)));
                await(() -> states.stream().anyMatch(s -> s.status() == AgentStatus.RUNNING), "the task shows running");
                long pollsBefore = emulator.requestCount(MESSAGES);
                for (int i = 0; i < 40 && seen.stream().noneMatch(e -> e instanceof AgentEvent.Question); i++) {
                    clock.tick(1);
                    Thread.sleep(20);
                }
                await(() -> seen.stream().anyMatch(e -> e instanceof AgentEvent.Question), "the question came live");
                await(() -> states.get(states.size() - 1).status() == AgentStatus.WAITING_FOR_INPUT, "it waits for the operator");
                assertEquals(1, emulator.requestCount(STREAM), "one healthy stream, no reconnects");
                assertTrue(emulator.requestCount(MESSAGES) - pollsBefore <= 1,
                        "the steps came on the stream, not by polling: " + (emulator.requestCount(MESSAGES) - pollsBefore));
                assertEquals(seen.stream().map(AgentEvent::position).filter(p -> p > 0).distinct().count(),
                        seen.stream().map(AgentEvent::position).filter(p -> p > 0).count(), "none twice");
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(10);
        }
    }

    private record Recorder(List<AgentEvent> seen, List<SessionSnapshot> states) implements SessionController.Listener {
        public void onEvents(List<AgentEvent> events) {
            seen.addAll(events);
        }

        public void onSnapshot(SessionSnapshot snapshot) {
            states.add(snapshot);
        }

        public void onConnection(ConnectionState state, Optional<AgentError> cause) { }

        public void onDelivery(Delivery delivery) { }

        public void onCommandFailed(String command, AgentError error) { }
    }
}
