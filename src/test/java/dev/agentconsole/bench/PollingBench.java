package dev.agentconsole.bench;

import dev.agentconsole.agent.EventFollower;
import dev.agentconsole.agent.EventPage;
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
import dev.agentconsole.session.QuietListener;
import dev.agentconsole.session.SessionController;
import dev.agentconsole.store.Store;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;

/**
 * Requests a second that one session's reader makes when nothing happens: against an eager server
 * (H's {@code /changes} answering an empty 200 at once, the emulator's {@code eager} fault) and against
 * the emulator at rest (a real 20 s long poll). The baseline is the reader's loop before pacing, run in
 * the same process: {@code /changes}, then {@code /status} after every read that brought nothing.
 */
final class PollingBench {

    private static final String CHANGES = "GET /api/v2/sessions/{id}/changes";
    private static final String STATUS = "GET /api/v2/sessions/{id}/status";

    private static final SessionController.Listener QUIET = QuietListener.QUIET;

    /** A reader run against one session until it is cancelled. */
    interface Reader {
        AutoCloseable start(HCompanyBackend backend, SessionId session, Store store);
    }

    static final Reader WINDOW = (backend, session, store) -> {
        SessionController c = new SessionController(backend, session, QUIET, Duration.ofSeconds(20), store);
        c.start();
        return c;
    };

    static final Reader WATCH = (backend, session, store) -> {
        CompletableFuture<SessionSnapshot> f = CompletableFuture.supplyAsync(() ->
                new EventFollower(backend, session, 0, Duration.ofSeconds(20)).followUntilSettled(e -> { }));
        return () -> f.cancel(true);
    };

    /** The window's loop as it was before pacing (2026-11-26), for the baseline. */
    static final Reader UNPACED = (backend, session, store) -> {
        Thread t = new Thread(() -> {
            long position = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    EventPage page = backend.events(session, position, Duration.ofSeconds(20));
                    position = page.next();
                    if (page.events().isEmpty() || page.snapshot().isEmpty()) {
                        backend.status(session);
                    }
                } catch (RuntimeException stopped) {
                    return;
                }
            }
        }, "unpaced-reader");
        t.setDaemon(true);
        t.start();
        return () -> {
            t.interrupt();
            backend.close();
        };
    };

    private PollingBench() {}

    /** Requests a second to {@code /changes} and {@code /status} while {@code reader} follows a session where nothing happens. */
    static double requestsPerSecond(Reader reader, boolean eager, Duration run) throws Exception {
        try (Emulator emulator = Emulator.start(0, ScriptClock.manual()); HttpStack http = new HttpStack();
             Store store = Store.inMemory()) {
            if (eager) {
                emulator.faults().add(Faults.Rule.on(CHANGES, new Faults.Fault.Eager(), -1));
            }
            HCompanyBackend backend = new HCompanyBackend(Provider.DEMO,
                    new Endpoint(HttpUrl.get(emulator.baseUrl()), new ApiToken(emulator.token())), http);
            SessionId session = SessionId.parse(emulator.createDemoSession());
            AutoCloseable running = reader.start(backend, session, store);
            long t0 = System.nanoTime();
            Thread.sleep(run.toMillis());
            long requests = emulator.requestCount(CHANGES) + emulator.requestCount(STATUS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            running.close();
            backend.close();
            return requests / seconds;
        }
    }
}
