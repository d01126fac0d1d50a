package dev.agentconsole.store.export;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.EventPage;
import dev.agentconsole.agent.NewSession;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A real conversation with the emulator's scripted agent (H's API, screenshots as URL images behind
 * the key), stored as the window stores it: the events, the session's base URL, and the operator's
 * reply in the outbox, seen by the agent. The backend stays open to fetch the screenshots with.
 */
final class DemoRun implements AutoCloseable {

    final Emulator emulator;
    final HttpStack http = new HttpStack();
    final HCompanyBackend backend;
    final SessionKey key;
    private final ScriptClock.Manual clock = ScriptClock.manual();
    private long position;

    DemoRun(Store store, String reply) {
        emulator = Emulator.start(0, clock);
        backend = new HCompanyBackend(Provider.HCOMPANY,
                new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http);
        SessionId id = backend.create(new NewSession("demo-web-agent", Optional.of(OutgoingMessage.text(Emulator.DEMO_TASK)),
                Optional.of(Duration.ofHours(1)))).id();
        key = SessionKey.of(Provider.HCOMPANY, id.value());
        store.touch(key, emulator.baseUrl()).join();
        runUntilSettled(store, id);
        Outgoing sent = new Outgoing.Single(OutgoingMessage.text(reply));
        long delivery = store.newDeliveryId();
        store.enqueue(delivery, key, sent, "QUEUED", position).join();
        backend.send(id, sent);
        store.update(delivery, "SEEN", Optional.empty(), 1).join();
        runUntilSettled(store, id);
    }

    private void runUntilSettled(Store store, SessionId id) {
        for (int i = 0; i < 40; i++) {
            drain(store, id);
            if (backend.status(id).status().isSettled()) {
                drain(store, id);
                return;
            }
            clock.tick(1);
        }
        throw new IllegalStateException("the scripted agent did not settle");
    }

    private void drain(Store store, SessionId id) {
        EventPage page;
        do {
            page = backend.events(id, position, Duration.ZERO);
            List<AgentEvent> events = page.events();
            store.append(key, events, page.next()).join();
            position = page.next();
        } while (!page.events().isEmpty());
    }

    /** The key this run used: it must never appear in an export. */
    String token() {
        return emulator.token();
    }

    @Override
    public void close() {
        backend.close();
        http.close();
        emulator.close();
    }
}
