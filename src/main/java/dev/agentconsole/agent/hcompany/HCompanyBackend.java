package dev.agentconsole.agent.hcompany;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentBackend;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.EventPage;
import dev.agentconsole.agent.InvalidInputException;
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
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/** H Company Agent Platform v2 over the shared OkHttp client. */
public final class HCompanyBackend implements AgentBackend {

    /** The official SDK's client-side limit, read conservatively (reference section 3). */
    public static final long MAX_BODY_BYTES = 5_000_000;
    public static final int MAX_WAIT_SECONDS = 25;

    static final MessageRules RULES = new MessageRules(0, MAX_BODY_BYTES, true, true, 0, true);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final RequestBody EMPTY = RequestBody.create(new byte[0], null);

    private final Endpoint endpoint;
    private final Provider provider;
    private final OkHttpClient client;
    private final OkHttpClient readerClient;
    private final ObjectMapper json;
    private final HttpCaller caller;
    private final WireJson wire;
    private final HEventMapper events;
    private final MessageValidator validator;
    private final ImageDownload images;

    /**
     * @param provider {@code HCOMPANY}, or {@code DEMO} when the endpoint is the embedded emulator
     */
    public HCompanyBackend(Provider provider, Endpoint endpoint, HttpStack http, HttpCaller caller) {
        this.provider = provider;
        this.endpoint = endpoint;
        this.client = http.client(endpoint.baseUrl());
        this.readerClient = http.readerClient(endpoint.baseUrl());
        this.json = http.json();
        this.caller = caller;
        this.wire = new WireJson(http.json(), "H", endpoint.token().redaction());
        this.events = new HEventMapper(json);
        this.validator = new MessageValidator(RULES, "H");
        this.images = new ImageDownload(endpoint, http);
    }

    public HCompanyBackend(Provider provider, Endpoint endpoint, HttpStack http) {
        this(provider, endpoint, http, HttpCaller.standard(new ErrorDecoder(http.json())));
    }

    @Override
    public Provider provider() {
        return provider;
    }

    @Override
    public MessageRules rules() {
        return RULES;
    }

    @Override
    public Optional<String> problemWith(Outgoing outgoing) {
        return validator.problemWith(outgoing).or(() -> {
            long size = encode(outgoing).length;
            if (size <= MAX_BODY_BYTES) {
                return Optional.empty();
            }
            return Optional.of(String.format(Locale.ROOT,
                    "the request would be %,d bytes, %,d over H's limit of %,d: remove or shrink an image",
                    size, size - MAX_BODY_BYTES, MAX_BODY_BYTES));
        });
    }

    @Override
    public void send(SessionId session, Outgoing outgoing) {
        Optional<String> problem = problemWith(outgoing);
        if (problem.isPresent()) {
            throw new InvalidInputException(problem.get());
        }
        Request request = endpoint.authorized(endpoint.url("api", "v2", "sessions", session.value(), "messages"))
                .post(RequestBody.create(encode(outgoing), JSON))
                .build();
        caller.call(client, request, Repeat.ONCE);
    }

    /** The exact request body {@link #send} would write for {@code outgoing}. */
    public byte[] encode(Outgoing outgoing) {
        Object body = outgoing instanceof Outgoing.Batch batch
                ? new HWire.Batch(HWire.Batch.TYPE, batch.messages().stream().map(HCompanyBackend::wire).toList())
                : wire(outgoing.messages().get(0));
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a message as JSON", e);
        }
    }

    private static HWire.UserMessage wire(OutgoingMessage m) {
        return new HWire.UserMessage(HWire.UserMessage.TYPE, m.text(),
                m.images().isEmpty() ? null : m.images(), m.callerId().orElse(null));
    }

    @Override
    public EventPage events(SessionId session, long from, Duration wait) {
        long waitSeconds = Math.max(0, Math.min(MAX_WAIT_SECONDS, wait.toSeconds()));
        Request request = endpoint.authorized(endpoint.url("api", "v2", "sessions", session.value(), "changes")
                .addQueryParameter("from_index", Long.toString(from))
                .addQueryParameter("wait_for_seconds", Long.toString(waitSeconds)))
                .get().build();
        HWire.Changes changes = caller.read(readerClient, request,
                answer -> answer.code() == 204 || answer.body().length == 0 ? null : wire.parse(answer, HWire.Changes.class));
        if (changes == null) {
            return EventPage.nothingNew(from);
        }
        List<JsonNode> raw = changes.newEvents() == null ? List.of() : changes.newEvents();
        List<AgentEvent> mapped = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            mapped.add(events.map(from + i, raw.get(i)));
        }
        SessionSnapshot snapshot = new SessionSnapshot(AgentStatus.fromWire(changes.status()), changes.status(),
                Optional.ofNullable(changes.metrics()).map(HWire.Metrics::steps),
                Optional.ofNullable(changes.metrics()).map(HWire.Metrics::totalCost),
                Optional.ofNullable(changes.error()), Optional.ofNullable(changes.errorCode()),
                Optional.ofNullable(changes.outcome()));
        return new EventPage(mapped, from + raw.size(), Optional.of(snapshot));
    }

    @Override
    public SessionSnapshot status(SessionId session) {
        Request request = endpoint.authorized(endpoint.url("api", "v2", "sessions", session.value(), "status")).get().build();
        return snapshot(wire.read(caller, client, request, HWire.Status.class));
    }

    @Override
    public SessionInfo session(SessionId session) {
        Request request = endpoint.authorized(endpoint.url("api", "v2", "sessions", session.value())).get().build();
        return info(wire.read(caller, client, request, HWire.Session.class));
    }

    @Override
    public void pause(SessionId session) {
        command(session, "pause");
    }

    @Override
    public void resume(SessionId session) {
        command(session, "resume");
    }

    @Override
    public void stop(SessionId session) {
        Request request = endpoint.authorized(endpoint.url("api", "v2", "sessions", session.value())).delete().build();
        caller.call(client, request, Repeat.SAFE);
    }

    @Override
    public Optional<ForceAnswer> forceAnswer() {
        return Optional.of(session -> command(session, "force_answer"));
    }

    @Override
    public Optional<dev.agentconsole.agent.LiveEvents> liveEvents() {
        return Optional.empty(); // H has no push stream: /changes is long-polled
    }

    @Override
    public Optional<Screenshots> screenshots() {
        return Optional.empty();
    }

    /** Pause, resume and force answer are idempotent on the server: repeating one is harmless. */
    private void command(SessionId session, String name) {
        Request request = endpoint.authorized(endpoint.url("api", "v2", "sessions", session.value(), name)).post(EMPTY).build();
        caller.call(client, request, Repeat.SAFE);
    }

    @Override
    public FetchedImage image(String url) {
        return images.fetch(url);
    }

    @Override
    public SessionInfo create(NewSession newSession) {
        if (newSession.agent().isBlank()) {
            throw new InvalidInputException("the agent name is empty: H needs the name of an agent to run");
        }
        newSession.firstMessage().ifPresent(m -> validator.problemWith(m).ifPresent(p -> {
            throw new InvalidInputException("first message: " + p);
        }));
        HWire.CreateSession body = new HWire.CreateSession(newSession.agent().strip(),
                newSession.firstMessage().map(m -> List.of(wire(m))).orElse(null),
                newSession.idleTimeout().map(Duration::toSeconds).orElse(null));
        // The key makes a create safe to repeat after an uncertain failure: the server answers
        // a repeat with the session it already made.
        Request request = endpoint.authorized(endpoint.url("api", "v2", "sessions"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(RequestBody.create(wire.write(body), JSON))
                .build();
        return info(wire.read(caller, client, request, HWire.Session.class));
    }

    @Override
    public List<SessionSummary> list(int page, int size) {
        // No sort: the spec's sort is a list whose default is already newest first (-created_at).
        Request request = endpoint.authorized(endpoint.url("api", "v2", "sessions")
                .addQueryParameter("page", Integer.toString(Math.max(1, page)))
                .addQueryParameter("size", Integer.toString(Math.max(1, Math.min(100, size)))))
                .get().build();
        HWire.SummaryPage result = wire.read(caller, client, request, HWire.SummaryPage.class);
        List<SessionSummary> out = new ArrayList<>();
        for (HWire.Summary s : result.items() == null ? List.<HWire.Summary>of() : result.items()) {
            if (s.id() == null || !SessionId.isValid(s.id())) {
                continue;
            }
            Optional<String> first = Optional.ofNullable(s.firstMessage()).map(n -> n.path("message").asText(null));
            out.add(new SessionSummary(SessionId.parse(s.id()), s.agent() == null ? "" : s.agent(),
                    AgentStatus.fromWire(s.status()), s.status(), first, WireJson.parseInstant(s.createdAt()),
                    WireJson.parseInstant(s.startedAt()), WireJson.parseInstant(s.finishedAt()),
                    WireJson.parseInstant(s.lastActivityAt())));
        }
        return out;
    }

    @Override
    public void close() {
        caller.close();
    }

    private SessionInfo info(HWire.Session s) {
        if (s.id() == null || !SessionId.isValid(s.id())) {
            throw new AgentException(new AgentError.Unexpected(200, "the session in the answer has no valid id"));
        }
        String agent = agentName(s.request());
        Optional<String> answer = Optional.ofNullable(s.latestAnswer()).filter(n -> !n.isNull())
                .map(n -> n.isContainerNode() ? events.pretty(n) : n.asText());
        SessionSnapshot snapshot = s.status() == null ? SessionSnapshot.of(null) : snapshot(s.status());
        return new SessionInfo(SessionId.parse(s.id()), agent, snapshot, Optional.ofNullable(s.agentViewUrl()),
                answer, WireJson.parseInstant(s.createdAt()));
    }

    /** {@code SessionRequest.agent}: a registered agent's name, or an inline Agent definition carrying its {@code name}. */
    static String agentName(JsonNode request) {
        JsonNode agent = request == null ? null : request.path("agent");
        if (agent == null || agent.isMissingNode() || agent.isNull()) {
            return "";
        }
        return agent.isTextual() ? agent.asText() : agent.path("name").asText("");
    }

    @Override
    public SessionDetails details(SessionId session) {
        Request get = endpoint.authorized(endpoint.url("api", "v2", "sessions", session.value())).get().build();
        HWire.Session s = wire.read(caller.call(client, get, Repeat.SAFE), HWire.Session.class);
        SessionInfo info = info(s);
        // /changes without events carries the metrics (cost per model and its split); 204 means none yet
        Request changes = endpoint.authorized(endpoint.url("api", "v2", "sessions", session.value(), "changes")
                .addQueryParameter("from_index", "0")
                .addQueryParameter("include_events", "false")
                .addQueryParameter("wait_for_seconds", "0")).get().build();
        HttpCaller.Answer answer = caller.call(client, changes, Repeat.SAFE);
        HWire.Metrics metrics = answer.code() == 204 || answer.body().length == 0 ? null
                : wire.read(answer, HWire.Changes.class).metrics();
        HWire.Status status = s.status();
        List<SessionId> subagents = status == null || status.subagentSessionIds() == null ? List.of()
                : status.subagentSessionIds().stream().filter(SessionId::isValid).map(SessionId::parse).toList();
        return new SessionDetails(info.id(), info.agent(), info.createdAt(), WireJson.parseInstant(s.startedAt()),
                WireJson.parseInstant(s.finishedAt()), info.snapshot(),
                usage(status == null ? null : status.usagePerModel(), metrics == null ? null : metrics.costPerModel()),
                metrics == null ? SessionDetails.Cost.UNKNOWN : cost(metrics.inputCost(), metrics.outputCost(),
                        metrics.reasoningCost(), metrics.totalCost()), subagents);
    }

    /** Tokens from {@code usage_per_model}, joined by model name with the prices of {@code cost_per_model}. */
    private static List<SessionDetails.ModelUsage> usage(List<HWire.ModelUsage> tokens, List<HWire.ModelCost> costs) {
        Map<String, HWire.ModelCost> byName = new LinkedHashMap<>();
        for (HWire.ModelCost c : costs == null ? List.<HWire.ModelCost>of() : costs) {
            if (c != null && c.name() != null) {
                byName.put(c.name(), c);
            }
        }
        List<SessionDetails.ModelUsage> out = new ArrayList<>();
        for (HWire.ModelUsage u : tokens == null ? List.<HWire.ModelUsage>of() : tokens) {
            if (u == null || u.name() == null) {
                continue;
            }
            HWire.ModelCost c = byName.remove(u.name());
            out.add(new SessionDetails.ModelUsage(u.name(), n(u.inputTokens()), n(u.outputTokens()), n(u.reasoningTokens()),
                    c == null ? SessionDetails.Cost.UNKNOWN : cost(c.inputCost(), c.outputCost(), c.reasoningCost(), c.totalCost())));
        }
        for (HWire.ModelCost c : byName.values()) {
            out.add(new SessionDetails.ModelUsage(c.name(), n(c.inputTokens()), n(c.outputTokens()), n(c.reasoningTokens()),
                    cost(c.inputCost(), c.outputCost(), c.reasoningCost(), c.totalCost())));
        }
        return out;
    }

    private static long n(Long value) {
        return value == null ? 0 : value;
    }

    private static SessionDetails.Cost cost(BigDecimal input, BigDecimal output, BigDecimal reasoning, BigDecimal total) {
        return new SessionDetails.Cost(Optional.ofNullable(input), Optional.ofNullable(output),
                Optional.ofNullable(reasoning), Optional.ofNullable(total));
    }

    @Override
    public Optional<Quota> quota() {
        return Optional.of(() -> {
            AgentException first = null;
            Optional<Quota.SessionSlots> slots = Optional.empty();
            Optional<Quota.TokenBudget> tokens = Optional.empty();
            try {
                Request r = endpoint.authorized(endpoint.url("api", "v2", "sessions", "quota")).get().build();
                HWire.SessionQuota q = wire.read(caller.call(client, r, Repeat.SAFE), HWire.SessionQuota.class);
                slots = Optional.of(new Quota.SessionSlots(q.scope() == null ? "" : q.scope(), n(q.limit()), n(q.active()),
                        n(q.available())));
            } catch (AgentException e) {
                first = e;
            }
            try {
                Request r = endpoint.authorized(endpoint.url("api", "v2", "quota", "tokens")).get().build();
                HWire.TokenQuota t = wire.read(caller.call(client, r, Repeat.SAFE), HWire.TokenQuota.class);
                tokens = Optional.of(new Quota.TokenBudget(Optional.ofNullable(t.limit()), Optional.ofNullable(t.used()),
                        Optional.ofNullable(t.remaining()), WireJson.parseInstant(t.windowStart()),
                        WireJson.parseInstant(t.windowEnd())));
            } catch (AgentException e) {
                first = first == null ? e : first;
            }
            if (slots.isEmpty() && tokens.isEmpty() && first != null) {
                throw first;
            }
            return new Quota.Reading(slots, tokens);
        });
    }

    private static SessionSnapshot snapshot(HWire.Status s) {
        return new SessionSnapshot(AgentStatus.fromWire(s.status()), s.status(), Optional.ofNullable(s.steps()),
                Optional.empty(), Optional.ofNullable(s.error()), Optional.ofNullable(s.errorCode()),
                Optional.ofNullable(s.outcome()));
    }

}
