package dev.agentconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One emulated AGI session: lifecycle and execution status, the message log (integer ids from
 * 1), the SSE stream's items, and the shared {@link DemoAgent} rendered as AGI messages. The agent
 * asks a QUESTION and waits in {@code waiting_for_input}; cancel stops the task and keeps the
 * session. All methods are synchronized; SSE writers and pollers wait on the session.
 */
final class AgiSession {

    /** One SSE item: a message (with its id) or a bare event such as {@code paused}. */
    record StreamItem(Optional<Long> id, String event, JsonNode data) {}

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Supplier<Instant> clock;
    final String id;
    final String agentName;
    final String vncUrl;
    final Instant createdAt;

    private String lifecycle = "ready";
    private String execution = "finished";
    private String lifecycleBeforePause = "running";
    private final DemoAgent script = new DemoAgent();
    private final List<ObjectNode> messages = new ArrayList<>();
    private final List<StreamItem> stream = new ArrayList<>();
    private final List<ReceivedMessage> received = new ArrayList<>();
    private String currentUrl = "about:blank";
    private DemoPicture currentPicture = DemoPicture.BLANK;

    AgiSession(String id, String agentName, String vncUrl, Supplier<Instant> clock) {
        this.id = id;
        this.agentName = agentName;
        this.vncUrl = vncUrl;
        this.clock = clock;
        this.createdAt = clock.get();
    }

    synchronized String executionStatus() {
        return execution;
    }

    synchronized String lifecycleStatus() {
        return lifecycle;
    }

    synchronized List<ReceivedMessage> received() {
        return List.copyOf(received);
    }

    synchronized List<ObjectNode> messagesAfter(long afterId) {
        return messages.stream().filter(m -> m.path("id").asLong() > afterId).toList();
    }

    synchronized int streamSize() {
        return stream.size();
    }

    /** Waits until the stream has an item at {@code index}, or the time is up. */
    synchronized Optional<StreamItem> awaitStreamItem(int index, Duration wait) throws InterruptedException {
        return Monitors.awaitUntil(this, () -> stream.size() > index, wait) ? Optional.of(stream.get(index)) : Optional.empty();
    }

    synchronized ObjectNode sessionBody() {
        ObjectNode s = nodes.objectNode();
        s.put("session_id", id);
        s.put("vnc_url", vncUrl);
        s.put("agent_name", agentName);
        s.put("status", lifecycle);
        s.put("created_at", createdAt.toString());
        return s;
    }

    synchronized ObjectNode screenshotBody() {
        ObjectNode s = nodes.objectNode();
        s.put("screenshot", "data:image/jpeg;base64," + currentPicture.jpegBase64());
        s.put("url", currentUrl);
        s.put("title", currentUrl.equals("about:blank") ? "New Tab" : "booking.example");
        return s;
    }

    // ---- what the operator does ------------------------------------------------------------

    /** A message: echoed as USER at once; starts a task, answers the question, or steers. */
    synchronized void receive(String text, String startUrl) {
        received.add(new ReceivedMessage(text, "user", List.of(), clock.get()));
        ObjectNode metadata = nodes.objectNode();
        if (startUrl != null) {
            metadata.put("start_url", startUrl);
            currentUrl = startUrl;
        }
        add("USER", nodes.textNode(text), metadata);
        if (!script.hasTask() || execution.equals("finished") || execution.equals("error")) {
            script.task(text);
        } else {
            script.reply(text, 0);
        }
        execution = "running";
        if (!lifecycle.equals("paused")) {
            lifecycle = "running";
        }
        notifyAll();
    }

    synchronized void pause() {
        if (!lifecycle.equals("paused")) {
            lifecycleBeforePause = lifecycle;
            lifecycle = "paused";
            streamEvent("paused");
        }
    }

    synchronized void resume() {
        if (lifecycle.equals("paused")) {
            lifecycle = lifecycleBeforePause;
            streamEvent("resumed");
        }
    }

    /** Stops the current task; the session lives on and takes the next message as a new task. */
    synchronized void cancel() {
        script.clear();
        if (!execution.equals("finished")) {
            execution = "finished";
            lifecycle = "ready";
            add("LOG", nodes.textNode("Task cancelled by the operator."), nodes.objectNode());
        }
    }

    synchronized void navigate(String url) {
        currentUrl = url;
        add("LOG", nodes.textNode("Navigated to " + url), nodes.objectNode());
    }

    synchronized String currentUrl() {
        return currentUrl;
    }

    /** Fault injection: a message of a type no client knows. */
    synchronized void appendUnknownMessage() {
        add("MYSTERY", nodes.textNode("injected by the emulator"), nodes.objectNode());
    }

    // ---- the clock ----------------------------------------------------------------------------

    synchronized void tick() {
        if (lifecycle.equals("paused") || !execution.equals("running")) {
            return;
        }
        script.next().ifPresent(this::render);
    }

    private void render(DemoAgent.Beat beat) {
        if (beat instanceof DemoAgent.Beat.Start) {
            add("LOG", nodes.textNode("Browser ready; live view at " + vncUrl), nodes.objectNode());
        } else if (beat instanceof DemoAgent.Beat.Think t) {
            add("THOUGHT", nodes.textNode(t.reasoning()), nodes.objectNode());
            t.action().ifPresent(a -> {
                if (a.tool().equals("navigate")) {
                    currentUrl = a.argValue();
                }
                add("LOG", nodes.textNode(a.tool() + " " + a.argName() + "=" + a.argValue()), nodes.objectNode());
            });
        } else if (beat instanceof DemoAgent.Beat.Observe o) {
            currentPicture = o.picture();
            add("LOG", nodes.textNode("Looked at the page: " + o.text()), nodes.objectNode());
        } else if (beat instanceof DemoAgent.Beat.Ask a) {
            execution = "waiting_for_input";
            add("QUESTION", nodes.textNode(a.question()), nodes.objectNode());
        } else if (beat instanceof DemoAgent.Beat.Finish f) {
            execution = "finished";
            lifecycle = "completed";
            ObjectNode metadata = nodes.objectNode();
            metadata.put("outcome", f.outcome());
            add("DONE", f.answer(), metadata);
        }
    }

    private void add(String type, JsonNode content, ObjectNode metadata) {
        long messageId = messages.size() + 1;
        ObjectNode m = nodes.objectNode();
        m.put("id", messageId);
        m.put("type", type);
        m.set("content", content);
        m.put("timestamp", clock.get().toString());
        m.set("metadata", metadata);
        messages.add(m);
        stream.add(new StreamItem(Optional.of(messageId), type.toLowerCase(java.util.Locale.ROOT), m));
        notifyAll();
    }

    private void streamEvent(String event) {
        ObjectNode data = nodes.objectNode();
        data.put("status", lifecycle);
        data.put("timestamp", clock.get().toString());
        stream.add(new StreamItem(Optional.empty(), event, data));
        notifyAll();
    }
}
