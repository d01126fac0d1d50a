package dev.agentconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
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
    private static final BigDecimal COST_PER_STEP = new BigDecimal("0.0042");


    private enum Stage { TASK, CHOOSING, BOOKED }

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final ObjectMapper json;
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
    private BigDecimal cost = BigDecimal.ZERO;
    private Stage stage = Stage.TASK;
    private String task;
    private final List<ObjectNode> events = new ArrayList<>();
    private final Deque<Runnable> plan = new ArrayDeque<>();
    private final List<ReceivedMessage> received = new ArrayList<>();

    HSession(String id, String agent, ObjectNode request, String task, Long idleTimeoutSeconds,
             String liveViewUrl, ObjectMapper json, Supplier<Instant> clock) {
        this.id = id;
        this.agent = agent;
        this.request = request;
        this.task = task;
        this.idleTimeoutSeconds = idleTimeoutSeconds;
        this.liveViewUrl = liveViewUrl;
        this.json = json;
        this.clock = clock;
        this.createdAt = clock.get();
        if (task != null) {
            planTask();
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

    synchronized List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    /** Waits until there are events at or after {@code from}, or the time is up. */
    synchronized boolean awaitEvents(int from, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (events.size() <= from) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    synchronized ObjectNode statusBody() {
        ObjectNode s = nodes.objectNode();
        s.put("status", status);
        s.put("error", error);
        s.put("error_code", errorCode);
        s.put("outcome", outcome);
        s.put("steps", steps);
        ArrayNode usage = s.putArray("usage_per_model");
        if (steps > 0) {
            ObjectNode u = usage.addObject();
            u.put("name", "holo-emulated");
            u.put("input_tokens", steps * 1800);
            u.put("output_tokens", steps * 120);
            u.put("reasoning_tokens", steps * 300);
        }
        s.putArray("subagent_session_ids");
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
        return s;
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
        if (task == null) {
            task = messages.get(0).text();
            planTask();
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
        plan.clear();
        planReply(text, images);
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
        plan.clear();
        String best = stage == Stage.BOOKED ? "The booking is done (see my previous answer)."
                : "Best option so far: Sakura Inn at $140/night, 25 minutes from Kiyomizu-dera. Nothing is booked yet.";
        answer(nodes.textNode(best), "partial");
        return true;
    }

    synchronized void cancel() {
        if (TERMINAL.contains(status)) {
            return;
        }
        plan.clear();
        finishedAt = clock.get();
        setStatus("interrupted");
        ObjectNode data = nodes.objectNode();
        data.put("reason", "interrupted");
        append("AgentCompletionEvent", data);
    }

    // ---- the clock ---------------------------------------------------------------------------

    synchronized void tick() {
        Instant now = clock.get();
        if (status.equals("idle") && idleTimeoutSeconds != null && idleSince != null
                && !now.isBefore(idleSince.plusSeconds(idleTimeoutSeconds))) {
            finishedAt = now;
            setStatus("completed");
            ObjectNode data = nodes.objectNode();
            data.put("reason", "idle_timeout");
            append("AgentCompletionEvent", data);
            return;
        }
        if (status.equals("paused") || TERMINAL.contains(status) || status.equals("idle")) {
            return;
        }
        Runnable next = plan.poll();
        if (next != null) {
            next.run();
        }
    }

    // ---- the script --------------------------------------------------------------------------

    private void planTask() {
        plan.add(() -> {
            startedAt = clock.get();
            append("AgentStartedEvent", nodes.objectNode());
            setStatus("running");
            ObjectNode live = nodes.objectNode();
            live.put("live_view_url", liveViewUrl);
            append("LiveViewUrlEvent", live);
        });
        plan.add(() -> think("The task: \u201c" + shorten(task) + "\u201d. I'll search a booking site for hotels "
                        + "in Kyoto near Kiyomizu-dera for June 15-20, under $200 a night.",
                "Opening the booking site", "navigate", "url", "https://booking.example/search?city=Kyoto"));
        plan.add(() -> observe("Search results: 14 hotels in Higashiyama, Kyoto",
                DemoPictures.page("booking.example - Kyoto, Jun 15-20",
                        List.of("Hotel Gion - $185/night - 5 min walk", "Sakura Inn - $140/night - 25 min",
                                "Kyoto Grand - $320/night - 10 min"), -1)));
        plan.add(() -> think("Two hotels fit the budget: Hotel Gion ($185, 5 minutes' walk from the temple) and "
                        + "Sakura Inn ($140, 25 minutes away). The third is over budget.",
                "Comparing the two candidates", "scroll", "direction", "down"));
        plan.add(() -> {
            stage = Stage.CHOOSING;
            answer(nodes.textNode("I found two hotels under $200: Hotel Gion ($185/night, 5 minutes' walk from "
                    + "Kiyomizu-dera) and Sakura Inn ($140/night, 25 minutes away). Which one should I book: "
                    + "the closer one or the cheaper one?"), null);
        });
    }

    private void planReply(String text, int images) {
        String t = text.toLowerCase(Locale.ROOT);
        if (images > 0) {
            plan.add(() -> think("The operator attached " + images + (images == 1 ? " screenshot" : " screenshots")
                    + "; I'll take it into account.", null, null, null, null));
        }
        boolean stop = t.matches("(?s).*\\b(stop|cancel|neither|none|nothing|never ?mind)\\b.*");
        boolean cheap = t.matches("(?s).*(cheap|sakura|140|budget|less expensive|second).*");
        boolean close = t.matches("(?s).*(clos|near|gion|185|walk|temple|first).*");
        if (stage == Stage.BOOKED) {
            plan.add(() -> think("Follow-up from the operator: \u201c" + shorten(text) + "\u201d.",
                    "Checking the booking page", "navigate", "url", "https://booking.example/my-bookings"));
            plan.add(() -> answer(nodes.textNode("Done: \u201c" + shorten(text)
                    + "\u201d. Your booking is unchanged. Anything else?"), "success"));
        } else if (stop) {
            plan.add(() -> think("The operator wrote \u201c" + shorten(text) + "\u201d: I will not book anything.",
                    null, null, null, null));
            plan.add(() -> answer(nodes.textNode("Understood: I have not booked either hotel."), "blocked"));
        } else if (cheap && close) {
            plan.add(() -> think("The reply \u201c" + shorten(text) + "\u201d mentions both hotels; I need one.",
                    null, null, null, null));
            plan.add(() -> answer(nodes.textNode("You mentioned both. Please pick one: Hotel Gion (closer, "
                    + "$185/night) or Sakura Inn (cheaper, $140/night)?"), null));
        } else if (cheap || close) {
            String hotel = cheap ? "Sakura Inn" : "Hotel Gion";
            int price = cheap ? 140 : 185;
            plan.add(() -> think("The operator chose the " + (cheap ? "cheaper" : "closer") + " option (\u201c"
                            + shorten(text) + "\u201d): booking " + hotel + ".",
                    "Opening " + hotel, "click", "selector", "#hotel-" + (cheap ? "sakura-inn" : "hotel-gion")));
            plan.add(() -> observe(hotel + ": room selection",
                    DemoPictures.page(hotel + " - choose a room", List.of("Standard twin - $" + price + "/night",
                            "Deluxe double - $" + (price + 60) + "/night"), 0)));
            plan.add(() -> think("Filling in the dates June 15-20 and confirming the standard room.",
                    "Confirming the booking", "click", "selector", "#confirm"));
            plan.add(() -> {
                stage = Stage.BOOKED;
                ObjectNode booking = nodes.objectNode();
                booking.put("hotel", hotel);
                booking.put("price_per_night_usd", price);
                booking.put("check_in", "2026-06-15");
                booking.put("check_out", "2026-06-20");
                booking.put("total_usd", price * 5);
                booking.put("confirmation", cheap ? "SK-4821" : "HG-1937");
                answer(booking, "success");
            });
        } else {
            plan.add(() -> think("The operator wrote \u201c" + shorten(text) + "\u201d, which does not pick one of "
                    + "the two hotels.", null, null, null, null));
            plan.add(() -> answer(nodes.textNode("Sorry, I need a choice before I book: Hotel Gion (closer, "
                    + "$185/night) or Sakura Inn (cheaper, $140/night)?"), null));
        }
    }

    private void think(String reasoning, String content, String tool, String argName, String argValue) {
        ObjectNode data = nodes.objectNode();
        data.put("kind", "policy_event");
        data.put("reasoning_content", reasoning);
        data.put("content", content);
        ArrayNode tools = data.putArray("tool_reqs");
        if (tool != null) {
            ObjectNode req = tools.addObject();
            req.put("tool_name", tool);
            req.putObject("args").put(argName, argValue);
            req.put("id", "call_" + (events.size() + 1));
        }
        data.putArray("validation_errors");
        append("AgentEvent", data);
        step();
    }

    private void observe(String text, String pngBase64) {
        ObjectNode data = nodes.objectNode();
        data.put("kind", "observation_event");
        data.put("type", "screenshot");
        data.put("text", text);
        ObjectNode image = data.putObject("image");
        image.put("type", "base64");
        image.put("source", pngBase64);
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
            done.put("reason", "answered");
            append("AgentCompletionEvent", done);
        } else {
            idleSince = clock.get();
            setStatus("idle");
        }
    }

    private void step() {
        steps++;
        cost = cost.add(COST_PER_STEP);
        ObjectNode data = nodes.objectNode();
        data.set("metrics", metrics());
        append("MetricsUpdateEvent", data);
    }

    private ObjectNode metrics() {
        ObjectNode m = nodes.objectNode();
        m.put("steps", steps);
        m.putArray("cost_per_model");
        m.put("total_cost", cost);
        return m;
    }

    private void setStatus(String next) {
        if (next.equals(status)) {
            return;
        }
        status = next;
        if (next.equals("idle")) {
            idleSince = clock.get();
        }
        ObjectNode data = nodes.objectNode();
        data.put("status", next);
        append("AgentRunStatusChangeEvent", data);
    }

    private void append(String type, ObjectNode data) {
        ObjectNode event = nodes.objectNode();
        event.put("type", type);
        event.set("data", data);
        event.put("timestamp", clock.get().toString());
        events.add(event);
        notifyAll();
    }

    private static String shorten(String s) {
        String oneLine = s.replace('\n', ' ').strip();
        return oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine;
    }

    ObjectMapper json() {
        return json;
    }
}
