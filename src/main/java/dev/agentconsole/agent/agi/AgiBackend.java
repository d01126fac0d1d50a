package dev.agentconsole.agent.agi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.EventPage;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.LiveEvents;
import dev.agentconsole.agent.MessageRules;
import dev.agentconsole.agent.MessageValidator;
import dev.agentconsole.agent.NewSession;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.agent.Quota;
import dev.agentconsole.agent.SessionDetails;
import dev.agentconsole.agent.SessionId;
import dev.agentconsole.agent.SessionInfo;
import dev.agentconsole.agent.SessionSnapshot;
import dev.agentconsole.agent.SessionSummary;
import dev.agentconsole.agent.http.Endpoint;
import dev.agentconsole.agent.http.ErrorDecoder;
import dev.agentconsole.agent.http.HttpCaller;
import dev.agentconsole.agent.http.HttpCaller.Repeat;
import dev.agentconsole.agent.http.HttpStack;
import dev.agentconsole.agent.http.ImageDownload;
import dev.agentconsole.agent.http.WireJson;
import dev.agentconsole.agent.http.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * AGI Inc Agent Sessions API v1. Reading is polling {@code /messages?after_id=} (positions are
 * message ids); {@link #liveEvents()} adds the SSE stream. A batch goes out one message per line,
 * each after the previous one was accepted. "Stop" cancels the current task; the session lives on.
 */
public final class AgiBackend implements AgentBackend {

    public static final int MAX_MESSAGE_CODE_POINTS = 10_000;
    public static final int MAX_START_URL_CHARS = 2_000;
    static final MessageRules RULES = new MessageRules(MAX_MESSAGE_CODE_POINTS, 0, false, false, MAX_START_URL_CHARS, false);
    /** AGI has no long poll: a reader waiting for news asks this often. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(1000);

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final Endpoint endpoint;
    private final OkHttpClient client;
    private final OkHttpClient readerClient;
    private final ObjectMapper json;
    private final HttpCaller caller;
    private final WireJson wire;
    private final ErrorDecoder errors;
    private final AgiMessageMapper mapper;
    private final MessageValidator validator = new MessageValidator(RULES, "AGI");
    private final Duration pollInterval;
    private final ImageDownload images;
    private final List<AgiEventStream> streams = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public AgiBackend(Endpoint endpoint, HttpStack http, HttpCaller caller, Duration pollInterval) {
        this.endpoint = endpoint;
        this.client = http.client(endpoint.baseUrl());
        this.readerClient = http.readerClient(endpoint.baseUrl());
        this.json = http.json();
        this.caller = caller;
        this.wire = new WireJson(http.json(), "AGI", endpoint.token().redaction());
        this.errors = new ErrorDecoder(json);
        this.mapper = new AgiMessageMapper(json);
        this.pollInterval = pollInterval;
        this.images = new ImageDownload(endpoint, http);
    }

    public AgiBackend(Endpoint endpoint, HttpStack http) {
        this(endpoint, http, HttpCaller.standard(new ErrorDecoder(http.json())), POLL_INTERVAL);
    }

    @Override
    public Provider provider() {
        return Provider.AGI;
    }

    @Override
    public MessageRules rules() {
        return RULES;
    }

    @Override
    public Optional<String> problemWith(Outgoing outgoing) {
        return validator.problemWith(outgoing);
    }

    @Override
    public void send(SessionId session, Outgoing outgoing) {
        problemWith(outgoing).ifPresent(p -> {
            throw new InvalidInputException(p);
        });
        List<OutgoingMessage> lines = outgoing.messages();
        for (int i = 0; i < lines.size(); i++) {
            try {
                sendOne(session, lines.get(i));
            } catch (AgentException e) {
                if (outgoing instanceof Outgoing.Batch && lines.size() > 1) {
                    throw new AgentException(new AgentError.BatchStopped(i, lines.size(), e.error()));
                }
                throw e;
            }
        }
    }

    private void sendOne(SessionId session, OutgoingMessage m) {
        byte[] body = wire.write(new AgiWire.SendMessage(m.text(), m.startUrl().orElse(null)));
        Request request = endpoint.authorized(endpoint.url("v1", "sessions", session.value(), "message"))
                .post(RequestBody.create(body, JSON)).build();
        refusedUnlessSuccess(caller.call(client, request, Repeat.ONCE));
    }

    /** A 2xx whose body says {@code "success": false} did not happen; a body without the field is taken as done. */
    private void refusedUnlessSuccess(HttpCaller.Answer answer) {
        if (answer.body().length == 0) {
            return;
        }
        AgiWire.Outcome outcome;
        try {
            outcome = json.readValue(answer.body(), AgiWire.Outcome.class);
        } catch (IOException | RuntimeException notAnOutcome) {
            return; // not the documented {success, message}: the status code is all there is
        }
        if (outcome != null && Boolean.FALSE.equals(outcome.success())) {
            throw new AgentException(new AgentError.Refused(endpoint.token().redaction().apply(outcome.message())));
        }
    }

    @Override
    public EventPage events(SessionId session, long from, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            EventPage page = poll(session, from);
            long left = deadline - System.nanoTime();
            if (!page.events().isEmpty() || left <= 0 || page.snapshot().map(s -> s.status().isSettled()).orElse(false)) {
                return page;
            }
            try {
                Thread.sleep(Math.min(pollInterval.toMillis(), Math.max(1, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("stopped reading");
            }
            if (closed) {
                throw new CancellationException("the session was closed");
            }
        }
    }

    private EventPage poll(SessionId session, long from) {
        Request request = endpoint.authorized(endpoint.url("v1", "sessions", session.value(), "messages")
                .addQueryParameter("after_id", Long.toString(from))).get().build();
        AgiWire.Messages answer = wire.read(caller, readerClient, request, AgiWire.Messages.class);
        List<AgentEvent> events = new ArrayList<>();
        long next = from;
        for (JsonNode m : answer.messages() == null ? List.<JsonNode>of() : answer.messages()) {
            long id = m.path("id").asLong(0);
            if (id <= from) {
                continue; // a server that ignores after_id must not make us show a message twice
            }
            events.add(mapper.map(m));
            next = Math.max(next, id);
        }
        events.sort(java.util.Comparator.comparingLong(AgentEvent::position));
        return new EventPage(events, next, Optional.of(SessionSnapshot.of(answer.status())));
    }

    /** Execution status, except that a paused lifecycle shows as paused (reference section 3). */
    @Override
    public SessionSnapshot status(SessionId session) {
        Request request = endpoint.authorized(endpoint.url("v1", "sessions", session.value(), "status")).get().build();
        AgiWire.Status execution = wire.read(caller, client, request, AgiWire.Status.class);
        AgiWire.Session lifecycle = fetchSession(session);
        if ("paused".equals(lifecycle.status())) {
            return SessionSnapshot.of("paused");
        }
        return SessionSnapshot.of(execution.status());
    }

    @Override
    public SessionInfo session(SessionId session) {
        return info(fetchSession(session));
    }

    /** AGI tells who runs the session, when it was made and how it stands; no usage, cost or subagents. */
    @Override
    public SessionDetails details(SessionId session) {
        SessionInfo info = info(fetchSession(session));
        SessionSnapshot snapshot = info.snapshot(); // the lifecycle status says paused; execution status says the rest
        if (!"paused".equals(snapshot.rawStatus())) {
            Request request = endpoint.authorized(endpoint.url("v1", "sessions", session.value(), "status")).get().build();
            snapshot = SessionSnapshot.of(wire.read(caller.call(client, request, Repeat.SAFE), AgiWire.Status.class).status());
        }
        return new SessionDetails(info.id(), info.agent(), info.createdAt(), Optional.empty(), Optional.empty(), snapshot,
                List.of(), SessionDetails.Cost.UNKNOWN, List.of());
    }

    @Override
    public Optional<Quota> quota() {
        return Optional.empty(); // AGI documents no quota endpoint
    }

    private AgiWire.Session fetchSession(SessionId session) {
        Request request = endpoint.authorized(endpoint.url("v1", "sessions", session.value())).get().build();
        return wire.read(caller, client, request, AgiWire.Session.class);
    }

    @Override
    public void pause(SessionId session) {
        command(session, "pause");
    }

    @Override
    public void resume(SessionId session) {
        command(session, "resume");
    }

    /** Cancels the current task; the session takes the next message as a new task. */
    @Override
    public void stop(SessionId session) {
        command(session, "cancel");
    }

    private void command(SessionId session, String name) {
        Request request = endpoint.authorized(endpoint.url("v1", "sessions", session.value(), name)).post(EMPTY).build();
        refusedUnlessSuccess(caller.call(client, request, Repeat.SAFE));
    }

    @Override
    public Optional<ForceAnswer> forceAnswer() {
        return Optional.empty();
    }

    @Override
    public Optional<LiveEvents> liveEvents() {
        return Optional.of((session, after, listener) -> {
            Request request = endpoint.authorized(endpoint.url("v1", "sessions", session.value(), "events")
                    .addQueryParameter("include_history", "false"))
                    .header("Accept", "text/event-stream").get().build();
            java.util.concurrent.atomic.AtomicReference<AgiEventStream> self = new java.util.concurrent.atomic.AtomicReference<>();
            // a stream that ended leaves the list (one opens per task; the list must not grow with them)
            LiveEvents.Listener forgetting = new LiveEvents.Listener() {
                @Override
                public void onEvent(dev.agentconsole.agent.AgentEvent event) {
                    listener.onEvent(event);
                }

                @Override
                public void onHeartbeat(java.time.Instant at) {
                    listener.onHeartbeat(at);
                }

                @Override
                public void onEnded(String reason) {
                    streams.remove(self.get());
                    listener.onEnded(reason);
                }

                @Override
                public void onFailure(AgentError error) {
                    streams.remove(self.get());
                    listener.onFailure(error);
                }
            };
            AgiEventStream stream = new AgiEventStream(readerClient, request, after, json, errors,
                    endpoint.token().redaction(), RetryPolicy.standard(),
                    from -> poll(session, from).events(), forgetting);
            self.set(stream);
            streams.add(stream);
            stream.start();
            return stream;
        });
    }

    @Override
    public Optional<Screenshots> screenshots() {
        return Optional.of(session -> {
            Request request = endpoint.authorized(endpoint.url("v1", "sessions", session.value(), "screenshot")).get().build();
            AgiWire.Screenshot s = wire.read(caller, client, request, AgiWire.Screenshot.class);
            return new Screenshot(s.screenshot(), s.url(), s.title());
        });
    }

    @Override
    public FetchedImage image(String url) {
        return images.fetch(url);
    }

    @Override
    public SessionInfo create(NewSession newSession) {
        newSession.firstMessage().ifPresent(m -> validator.problemWith(m).ifPresent(p -> {
            throw new InvalidInputException("first message: " + p);
        }));
        String agent = newSession.agent().isBlank() ? "agi-0" : newSession.agent().strip();
        // No idempotency key on AGI: a create is sent once; an uncertain one shows in the session list.
        Request request = endpoint.authorized(endpoint.url("v1", "sessions"))
                .post(RequestBody.create(wire.write(new AgiWire.CreateSession(agent)), JSON)).build();
        SessionInfo info = info(wire.read(caller.call(client, request, Repeat.ONCE), AgiWire.Session.class));
        newSession.firstMessage().ifPresent(m -> sendOne(info.id(), m));
        return info;
    }

    @Override
    public List<SessionSummary> list(int page, int size) {
        Request request = endpoint.authorized(endpoint.url("v1", "sessions")).get().build();
        AgiWire.Session[] rows = wire.read(caller, client, request, AgiWire.Session[].class);
        List<SessionSummary> out = new ArrayList<>();
        for (AgiWire.Session s : rows) {
            if (s.sessionId() != null && SessionId.isValid(s.sessionId())) {
                out.add(new SessionSummary(SessionId.parse(s.sessionId()), s.agentName() == null ? "" : s.agentName(),
                        AgentStatus.fromWire(s.status()), s.status(), Optional.empty(), WireJson.parseInstant(s.createdAt())));
            }
        }
        int from = Math.max(0, (Math.max(1, page) - 1) * size);
        return from >= out.size() ? List.of() : out.subList(from, Math.min(out.size(), from + size));
    }

    @Override
    public void close() {
        closed = true;
        streams.forEach(AgiEventStream::close);
        caller.close();
    }

    private SessionInfo info(AgiWire.Session s) {
        if (s.sessionId() == null || !SessionId.isValid(s.sessionId())) {
            throw new AgentException(new AgentError.Unexpected(200, "the session in the answer has no valid id"));
        }
        return new SessionInfo(SessionId.parse(s.sessionId()), s.agentName() == null ? "" : s.agentName(),
                SessionSnapshot.of(s.status()), Optional.ofNullable(s.vncUrl()), Optional.empty(), WireJson.parseInstant(s.createdAt()));
    }

}
