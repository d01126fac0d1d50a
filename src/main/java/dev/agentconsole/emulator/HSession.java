package dev.agentconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One emulated H session: its state, its event log, and a scripted agent that takes one step per
 * clock tick. The agent books a hotel in Kyoto, asks the operator which of two it should take,
 * and branches on what the operator actually writes. All methods are synchronized on the session;
 * readers waiting in a long poll are woken when an event is appended.
 */
final class HSession {

    static final Set<String> TERMINAL = Set.of("completed", "failed", "timed_out", "interrupted");
    /** The resource bucket screenshots live in. */
    static final String SCREENSHOTS = "screenshots";
    /** The policy model thinks once per step; the vision model reads each screenshot. Prices are USD per token. */
    private static final Model POLICY = new Model("holo-emulated", 1800, 120, 300,
            new BigDecimal("0.0000015"), new BigDecimal("0.000005"), new BigDecimal("0.000003"));
    private static final Model VISION = new Model("holo-emulated-vision", 1200, 40, 0,
            new BigDecimal("0.0000005"), new BigDecimal("0.000002"), new BigDecimal("0.000002"));

    private record Model(String name, long inputPerCall, long outputPerCall, long reasoningPerCall,
                         BigDecimal inputPrice, BigDecimal outputPrice, BigDecimal reasoningPrice) {}


    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Supplier<Instant> clock;
    final String id;
    final String agent;
    final ObjectNode request;
    final Instant createdAt;
    final String liveViewUrl;
    private final Long idleTimeoutSeconds;

    private String status = "pending";
    private String statusBeforePause;
    private String error;
    private String errorCode;
    private String outcome;
    private JsonNode latestAnswer = com.fasterxml.jackson.databind.node.NullNode.instance;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant idleSince;
    private int steps;
    private int observations;
    private Instant lastActivityAt;
    private final List<String> subagents = new ArrayList<>();
    private final DemoAgent script = new DemoAgent();
    /** Where this session's screenshots are served ({@code .../resources}), and what each key holds. */
    private final String resourceBase;
    private final java.util.Map<String, DemoPicture> screenshots = new java.util.HashMap<>();
    private final List<ObjectNode> events = new ArrayList<>();
    private final List<ReceivedMessage> received = new ArrayList<>();

    HSession(String id, String agent, ObjectNode request, String task, Long idleTimeoutSeconds,
             String liveViewUrl, String resourceBase, Supplier<Instant> clock) {
        this.id = id;
        this.resourceBase = resourceBase;
        this.agent = agent;
        this.request = request;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.liveViewUrl = liveViewUrl;
        this.clock = clock;
        this.createdAt = clock.get();
        if (task != null) {
            script.task(task);
        }
    }

    // ---- what the API reads -------------------------------------------------------------

    synchronized String status() {
        return status;
    }

    synchronized boolean isTerminal() {
        return TERMINAL.contains(status);
    }

    synchronized int eventCount() {
        return events.size();
    }

    synchronized List<ObjectNode> events(int from, int limit) {
        if (from >= events.size()) {
            return List.of();
        }
        return List.copyOf(events.subList(from, (int) Math.min(events.size(), (long) from + limit)));
    }

    synchronized List<ObjectNode> allEvents() {
        return List.copyOf(events);
    }

    /** The picture a {@code /resources/{bucket}/{key}} path names, if this session has one. */
    synchronized java.util.Optional<DemoPicture> screenshot(String bucket, String key) {
        return SCREENSHOTS.equals(bucket) ? java.util.Optional.ofNullable(screenshots.get(key)) : java.util.Optional.empty();
    }

    synchronized List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    /** Waits until there are events at or after {@code from}, or the time is up. */
    synchronized boolean awaitEvents(int from, Duration wait) throws InterruptedException {
        return Monitors.awaitUntil(this, () -> events.size() > from, wait);
    }

    synchronized ObjectNode statusBody() {
        ObjectNode s = nodes.objectNode();
        s.put("status", status);
        s.put("error", error);
        s.put("error_code", errorCode);
        s.put("outcome", outcome);
        s.put("steps", steps);
        ArrayNode usage = s.putArray("usage_per_model");
        usage(POLICY, steps, usage, false);
        usage(VISION, observations, usage, false);
        ArrayNode children = s.putArray("subagent_session_ids");
        subagents.forEach(children::add);
        return s;
    }

    synchronized ObjectNode sessionBody() {
        ObjectNode s = nodes.objectNode();
        s.put("id", id);
        s.set("request", request);
        s.set("status", statusBody());
        s.put("agent_view_url", liveViewUrl);
        s.set("latest_answer", latestAnswer);
        s.put("created_at", createdAt.toString());
        s.put("started_at", startedAt == null ? null : startedAt.toString());
        s.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        return s;
    }

    synchronized ObjectNode summaryBody() {
        ObjectNode s = nodes.objectNode();
        s.put("id", id);
        s.put("agent", agent);
        s.put("status", status);
        s.put("agent_view_url", liveViewUrl);
        if (request.path("messages").isArray() && !request.path("messages").isEmpty()) {
            s.set("first_message", request.path("messages").get(0));
        } else {
            s.putNull("first_message");
        }
        s.put("created_at", createdAt.toString());
        s.put("started_at", startedAt == null ? null : startedAt.toString());
        s.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        s.put("last_activity_at", lastActivityAt == null ? null : lastActivityAt.toString());
        return s;
    }

    /** A session this one delegated to: listed in {@code subagent_session_ids}. */
    synchronized void addSubagent(String childId) {
        subagents.add(childId);
    }

    synchronized ObjectNode changesBody(List<ObjectNode> newEvents) {
        ObjectNode c = nodes.objectNode();
        c.put("status", status);
        c.put("started_at", startedAt == null ? null : startedAt.toString());
        c.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        c.put("error", error);
        c.put("error_code", errorCode);
        c.putArray("new_events").addAll(newEvents);
        c.set("answer", latestAnswer);
        c.put("outcome", outcome);
        c.set("metrics", metrics());
        return c;
    }

    // ---- what the operator does -----------------------------------------------------------

    /** Messages arrive: echoed at once, and the agent reacts to their text from its next step. */
    synchronized void receive(List<ReceivedMessage> messages) {
        for (ReceivedMessage m : messages) {
            received.add(m);
            ObjectNode data = nodes.objectNode();
            data.put("kind", "message_event");
            data.put("caller_id", m.callerId());
            ArrayNode content = data.putArray("content");
            content.add(m.text());
            for (String image : m.images()) {
                ObjectNode img = content.addObject();
                int comma = image.indexOf(',');
                img.put("type", "base64");
                img.put("source", comma < 0 ? image : image.substring(comma + 1));
                img.put("media_type", image.startsWith("data:") && image.indexOf(';') > 5
                        ? image.substring(5, image.indexOf(';')) : "image/png");
            }
            append("AgentEvent", data);
        }
        if (!script.hasTask()) {
            script.task(messages.get(0).text());
            return;
        }
        if (TERMINAL.contains(status)) {
            finishedAt = null;
            outcome = null;
            setStatus("running");
        } else if (!status.equals("running")) {
            setStatus("running");
        }
        String text = String.join("\n", messages.stream().map(ReceivedMessage::text).toList());
        int images = messages.stream().mapToInt(m -> m.images().size()).sum();
        script.reply(text, images);
    }

    /** @return false when a finished session cannot be paused */
    synchronized boolean pause() {
        if (TERMINAL.contains(status)) {
            return false;
        }
        if (!status.equals("paused")) {
            statusBeforePause = status;
            setStatus("paused");
        }
        return true;
    }

    synchronized boolean resume() {
        if (TERMINAL.contains(status)) {
            return false;
        }
        if (status.equals("paused")) {
            setStatus(statusBeforePause == null ? "running" : statusBeforePause);
        }
        return true;
    }

    synchronized boolean forceAnswer() {
        if (TERMINAL.contains(status)) {
            return false;
        }
        DemoAgent.Beat.Finish answer = script.forceAnswer();
        answer(answer.answer(), answer.outcome());
        return true;
    }

    synchronized void cancel() {
        if (TERMINAL.contains(status)) {
            return;
        }
        script.clear();
        finishedAt = clock.get();
        setStatus("interrupted");
        ObjectNode data = nodes.objectNode();
        data.put("reason", "stopped");
        append("AgentCompletionEvent", data);
    }

    /** Fault injection: an event type no client knows, kept in the log like any other. */
    synchronized void appendUnknownEvent() {
        ObjectNode data = nodes.objectNode();
        data.put("note", "injected by the emulator");
        data.put("seq", events.size());
        append("EmulatorMysteryEvent", data);
    }

    /** Test script: one event of every type the spec defines, with the session's own status, URL and metrics. */
    synchronized void appendEveryEventType() {
        String run = status.equals("paused") ? "paused" : "running";
        String active = status.equals("running") ? "running" : "idle";
        for (HEveryEvent.Event e : new HEveryEvent().script(run, active, liveViewUrl, metrics())) {
            append(e.type(), e.data());
        }
    }

    // ---- the clock ---------------------------------------------------------------------------

    synchronized void tick() {
        Instant now = clock.get();
        if (status.equals("idle") && idleTimeoutSeconds != null && idleSince != null
                && !now.isBefore(idleSince.plusSeconds(idleTimeoutSeconds))) {
            finishedAt = now;
            setStatus("completed");
            ObjectNode data = nodes.objectNode();
            data.put("reason", "finished"); // the idle timeout closes an answered session
            append("AgentCompletionEvent", data);
            return;
        }
        if (status.equals("paused") || TERMINAL.contains(status) || status.equals("idle")) {
            return;
        }
        script.next().ifPresent(this::render);
    }

    // ---- the script, in H's wire format ------------------------------------------------------

    private void render(DemoAgent.Beat beat) {
        if (beat instanceof DemoAgent.Beat.Start) {
            startedAt = clock.get();
            append("AgentStartedEvent", nodes.objectNode());
            setStatus("running");
            ObjectNode live = nodes.objectNode();
            live.put("live_view_url", liveViewUrl);
            append("LiveViewUrlEvent", live);
        } else if (beat instanceof DemoAgent.Beat.Think t) {
            think(t);
        } else if (beat instanceof DemoAgent.Beat.Observe o) {
            observe(o.text(), o.picture());
        } else if (beat instanceof DemoAgent.Beat.Ask a) {
            // H has no question type: the agent answers with its question and goes idle.
            answer(nodes.textNode(a.question()), null);
        } else if (beat instanceof DemoAgent.Beat.Finish f) {
            answer(f.answer(), f.outcome());
        }
    }

    private void think(DemoAgent.Beat.Think t) {
        ObjectNode data = nodes.objectNode();
        data.put("kind", "policy_event");
        data.put("reasoning_content", t.reasoning());
        data.put("content", t.summary());
        ArrayNode tools = data.putArray("tool_reqs");
        t.action().ifPresent(action -> {
            ObjectNode req = tools.addObject();
            req.put("tool_name", action.tool());
            req.putObject("args").put(action.argName(), action.argValue());
            req.put("id", "call_" + (events.size() + 1));
        });
        data.putArray("validation_errors");
        append("AgentEvent", data);
        step();
    }

    /** As the platform does: the screenshot is a {@code url} image behind {@code /resources}, which needs the key. */
    private void observe(String text, DemoPicture picture) {
        String key = "step-" + (events.size() + 1) + ".png";
        screenshots.put(key, picture);
        observations++;
        ObjectNode data = nodes.objectNode();
        data.put("kind", "observation_event");
        data.put("type", "web");
        data.put("text", text);
        ObjectNode image = data.putObject("image");
        image.put("type", "url");
        image.put("source", resourceBase + "/" + SCREENSHOTS + "/" + key);
        image.put("media_type", "image/png");
        data.putObject("metadata");
        append("AgentEvent", data);
    }

    private void answer(JsonNode answer, String answerOutcome) {
        ObjectNode data = nodes.objectNode();
        data.put("kind", "answer_event");
        data.set("answer", answer);
        data.put("outcome", answerOutcome);
        append("AgentEvent", data);
        latestAnswer = answer;
        outcome = answerOutcome;
        if (idleTimeoutSeconds == null) {
            // A session without an idle timeout ends as soon as the agent answers (SessionRequest docs).
            finishedAt = clock.get();
            setStatus("completed");
            ObjectNode done = nodes.objectNode();
            done.put("reason", "finished");
            append("AgentCompletionEvent", done);
        } else {
            idleSince = clock.get();
            setStatus("idle");
        }
    }

    private void step() {
        steps++;
        ObjectNode data = nodes.objectNode();
        data.set("metrics", metrics());
        append("MetricsUpdateEvent", data);
    }

    /** {@code Metrics}: steps, each model's tokens and cost, and the totals split by kind. */
    private ObjectNode metrics() {
        ObjectNode m = nodes.objectNode();
        m.put("steps", steps);
        ArrayNode perModel = m.putArray("cost_per_model");
        usage(POLICY, steps, perModel, true);
        usage(VISION, observations, perModel, true);
        BigDecimal input = BigDecimal.ZERO;
        BigDecimal output = BigDecimal.ZERO;
        BigDecimal reasoning = BigDecimal.ZERO;
        for (JsonNode model : perModel) {
            input = input.add(model.path("input_cost").decimalValue());
            output = output.add(model.path("output_cost").decimalValue());
            reasoning = reasoning.add(model.path("reasoning_cost").decimalValue());
        }
        m.set("input_cost", usd(input));
        m.set("output_cost", usd(output));
        m.set("reasoning_cost", usd(reasoning));
        m.set("total_cost", usd(input.add(output).add(reasoning)));
        return m;
    }

    /** One {@code ModelUsage} (or, priced, {@code ModelCost}) for a model called {@code calls} times; none before its first call. */
    private void usage(Model model, int calls, ArrayNode into, boolean priced) {
        if (calls == 0) {
            return;
        }
        ObjectNode u = into.addObject();
        u.put("name", model.name());
        u.put("input_tokens", calls * model.inputPerCall());
        u.put("output_tokens", calls * model.outputPerCall());
        u.put("reasoning_tokens", calls * model.reasoningPerCall());
        if (priced) {
            BigDecimal in = model.inputPrice().multiply(BigDecimal.valueOf(calls * model.inputPerCall()));
            BigDecimal out = model.outputPrice().multiply(BigDecimal.valueOf(calls * model.outputPerCall()));
            BigDecimal reason = model.reasoningPrice().multiply(BigDecimal.valueOf(calls * model.reasoningPerCall()));
            u.set("input_cost", usd(in));
            u.set("output_cost", usd(out));
            u.set("reasoning_cost", usd(reason));
            u.set("total_cost", usd(in.add(out).add(reason)));
        }
    }

    /** Tokens used in all: what the token budget counts. */
    synchronized long tokensUsed() {
        return calls(POLICY, steps) + calls(VISION, observations);
    }

    private static long calls(Model m, int calls) {
        return calls * (m.inputPerCall() + m.outputPerCall() + m.reasoningPerCall());
    }

    /** Written as a plain decimal with no needless zeros (0.0027, not 2.7000E-3); kept exact, never a double. */
    private static JsonNode usd(BigDecimal amount) {
        BigDecimal plain = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        return DecimalNode.valueOf(plain.scale() < 0 ? plain.setScale(0) : plain);
    }

    private void setStatus(String next) {
        if (next.equals(status)) {
            return;
        }
        String previous = status;
        status = next;
        if (next.equals("idle")) {
            idleSince = clock.get();
        }
        if (TERMINAL.contains(next)) {
            return; // the AgentCompletionEvent that follows says it, with its reason
        }
        // The spec's events: AgentRunStatusChangeEvent is pause/resume (running | paused),
        // ActiveStateChangeEvent is the agent working or waiting (running | idle).
        ObjectNode data = nodes.objectNode();
        if (next.equals("paused") || previous.equals("paused") && next.equals("running")) {
            data.put("status", next);
            append("AgentRunStatusChangeEvent", data);
        } else {
            data.put("state", next);
            append("ActiveStateChangeEvent", data);
        }
    }

    private void append(String type, ObjectNode data) {
        ObjectNode event = nodes.objectNode();
        event.put("type", type);
        event.set("data", data);
        event.put("timestamp", clock.get().toString());
        lastActivityAt = clock.get();
        events.add(event);
        notifyAll();
    }
}
