package dev.agentconsole.session;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.EventFollower;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.agent.hcompany.HCompanyBackend;
import dev.agentconsole.agent.http.ApiToken;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.Faults;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.store.Store;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server may answer a long poll at once with nothing new (an empty 200 from {@code /changes}): the
 * readers must not spin. Before pacing, {@code watch} made ~130 requests in 10 s and the window ~16 a
 * second; the bar is a few a second per session whatever the server does.
 */
class EagerServerTest {

    /** How long each reader runs against the eager server, and the most requests a second it may make. */
    private static final Duration RUN = Duration.ofMillis(3000);
    private static final double MOST_PER_SECOND = 4;

    private static final String CHANGES = "GET /api/v2/sessions/{id}/changes";
    private static final String STATUS = "GET /api/v2/sessions/{id}/status";

    Emulator emulator;
    HttpStack http;
    HCompanyBackend backend;
    SessionId session;

    @BeforeEach
    void start() {
        // the manual clock never ticks: the agent stays where it is and nothing new ever comes
        emulator = Emulator.start(0, ScriptClock.manual());
        emulator.faults().add(Faults.Rule.on(CHANGES, new Faults.Fault.Eager(), -1));
        http = new HttpStack();
        backend = new HCompanyBackend(Provider.DEMO,
                new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http);
        session = SessionId.parse(emulator.createDemoSession());
    }

    @AfterEach
    void stop() {
        backend.close();
        http.close();
        emulator.close();
    }

    private long reads() {
        return emulator.requestCount(CHANGES) + emulator.requestCount(STATUS);
    }

    private void assertPolite(String reader, long requests) {
        double perSecond = requests / (RUN.toMillis() / 1000.0);
        assertTrue(perSecond <= MOST_PER_SECOND, reader + " made " + requests + " requests in " + RUN.toMillis()
                + " ms against an eager server (" + perSecond + "/s; at most " + MOST_PER_SECOND + "/s)");
    }

    @Test
    void watchDoesNotSpinWhenChangesAnswersEmptyAtOnce() throws Exception {
        EventFollower follower = new EventFollower(backend, session, 0, Duration.ofSeconds(20));
        CompletableFuture<SessionSnapshot> following = CompletableFuture.supplyAsync(() -> follower.followUntilSettled(e -> { }));
        Thread.sleep(RUN.toMillis());
        long requests = reads();
        following.cancel(true);
        backend.close();
        assertTrue(emulator.faults().injected(Faults.Fault.Eager.class) > 0, "the server answered eagerly");
        assertPolite("watch", requests);
    }

    @Test
    void theWindowsReaderDoesNotSpinNorReadStatusInStepWithChanges() throws Exception {
        try (Store store = Store.inMemory();
             SessionController controller = new SessionController(backend, session, QUIET, Duration.ofSeconds(20), store)) {
            controller.start();
            Thread.sleep(RUN.toMillis());
            long changes = emulator.requestCount(CHANGES);
            long status = emulator.requestCount(STATUS);
            assertPolite("the window's reader", changes + status);
            assertTrue(status <= 2, "status is read at binding, not beside every /changes: " + status);
        }
    }

    private static final SessionController.Listener QUIET = QuietListener.QUIET;
}
