package dev.agentconsole.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.Store;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** A controller being replaced stops sending at once: the next one may restore the same outbox. */
class SessionControllerHaltTest {

    private static final SessionController.Listener QUIET = QuietListener.QUIET;

    @Test
    void afterHaltTheMessageOnTheWireFinishesAndNoQueuedOneLeaves() throws Exception {
        try (Emulator emulator = Emulator.start(0, ScriptClock.manual()); HttpStack http = new HttpStack();
             Store store = Store.inMemory()) {
            String session = emulator.createDemoSession();
            emulator.faults().add(Faults.Rule.on("POST /api/v2/sessions/{id}/messages",
                    new Faults.Fault.Delay(Duration.ofMillis(400)), -1));
            HCompanyBackend backend = new HCompanyBackend(Provider.DEMO,
                    new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http);
            SessionController c = new SessionController(backend, SessionId.parse(session), QUIET, Duration.ofSeconds(1), store);
            c.start();
            for (String text : List.of("first", "second", "third")) {
                c.send(new Outgoing.Single(OutgoingMessage.text(text)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (emulator.requestCount("POST /api/v2/sessions/{id}/messages") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            c.halt(); // "first" is on the wire, held 400 ms by the server
            Thread.sleep(1500);
            assertEquals(List.of("first"), emulator.receivedMessages(session).stream().map(m -> m.text()).toList());
            c.close();
        }
    }
}
