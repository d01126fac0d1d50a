package dev.agentconsole.agent.agi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.LiveEvents;
import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.http.Calls;
import dev.agentconsole.agent.http.ErrorDecoder;
import dev.agentconsole.agent.http.KeyWithheldException;
import dev.agentconsole.agent.http.Redaction;
import dev.agentconsole.agent.http.RetryPolicy;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * Reads AGI's SSE stream on its own daemon thread. Each connection asks for no history and, once
 * subscribed, fills the gap since the last message it delivered from {@code /messages?after_id=}
 * (the documented, resumable reader), so a drop loses nothing and needs no Last-Event-ID; messages
 * are deduplicated by id. Heartbeats are passed on. After {@code done} or {@code error} the
 * stream ends without reconnecting; other drops reconnect with backoff, a bounded number of times
 * in a row, and any event received resets that count.
 */
public final class AgiEventStream implements LiveEvents.Subscription {

    static final int MAX_FAILURES_IN_A_ROW = 5;

    private final OkHttpClient client;
    private final Request request;
    private final AgiMessageMapper mapper;
    private final ObjectMapper json;
    private final ErrorDecoder errors;
    private final Redaction redaction;
    private final LiveEvents.Listener listener;
    private final RetryPolicy backoff;
    private final java.util.function.LongFunction<java.util.List<AgentEvent>> catchUp;
    private final Thread thread;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger duplicatesSkipped = new AtomicInteger();
    private volatile long maxSeen;
    private volatile boolean closed;
    private volatile Call current;
    /** Set once a DONE or ERROR message was delivered, whichever way it came. */
    private volatile String endedBy;

    AgiEventStream(OkHttpClient client, Request request, long afterPosition, ObjectMapper json, ErrorDecoder errors,
                   Redaction redaction, RetryPolicy backoff, java.util.function.LongFunction<java.util.List<AgentEvent>> catchUp,
                   LiveEvents.Listener listener) {
        this.client = client;
        this.catchUp = catchUp;
        this.request = request;
        this.maxSeen = afterPosition;
        this.json = json;
        this.mapper = new AgiMessageMapper(json);
        this.errors = errors;
        this.redaction = redaction;
        this.backoff = backoff;
        this.listener = listener;
        this.thread = new Thread(this::run, "agi-sse-" + request.url().pathSegments().get(2));
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** How many times the stream connected (1 + reconnects). */
    public int connections() {
        return connections.get();
    }

    /** Messages a reconnect replayed that were already delivered. */
    public int duplicatesSkipped() {
        return duplicatesSkipped.get();
    }

    /** The largest message id delivered: where a poller would resume. */
    public long position() {
        return maxSeen;
    }

    @Override
    public void close() {
        closed = true;
        Call c = current;
        if (c != null) {
            c.cancel();
        }
        thread.interrupt();
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            Handler handler = new Handler();
            Call call = client.newCall(request);
            current = call;
            connections.incrementAndGet();
            try (Response response = Calls.execute(call)) {
                if (!response.isSuccessful()) {
                    AgentError error = errors.decode(response.code(), response.peekBody(64 * 1024).bytes(),
                            RetryPolicy.parseRetryAfter(response.header("Retry-After"), Instant.now()), redaction);
                    if (!RetryPolicy.isRetryableStatus(response.code())) {
                        listener.onFailure(error);
                        return;
                    }
                    failures++;
                } else {
                    for (AgentEvent missed : catchUp.apply(maxSeen)) {
                        deliver(missed);
                    }
                    if (endedBy == null) {
                        EventSources.processResponse(response, handler);
                    }
                    if (endedBy != null) {
                        listener.onEnded(endedBy);
                        return;
                    }
                    failures = handler.received ? 0 : failures + 1;
                }
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                AgentError withheld = e instanceof KeyWithheldException k ? k.error()
                        : e instanceof AgentException a && a.error() instanceof AgentError.KeyWithheld ? a.error() : null;
                if (withheld != null) {
                    // the key would leave the profile's hosts (the stream, or its catch-up read, redirected
                    // elsewhere): every try would be refused the same way
                    listener.onFailure(withheld);
                    return;
                }
                failures++;
            }
            if (closed) {
                break;
            }
            if (failures >= MAX_FAILURES_IN_A_ROW) {
                listener.onFailure(new AgentError.Network("the event stream dropped " + failures + " times in a row"));
                return;
            }
            try {
                Thread.sleep(backoff.backoff(Math.max(1, failures), RandomGenerator.getDefault()).toMillis());
            } catch (InterruptedException e) {
                break;
            }
        }
        listener.onEnded("closed");
    }

    private void deliver(AgentEvent event) {
        if (event.position() <= maxSeen) {
            duplicatesSkipped.incrementAndGet();
            return;
        }
        maxSeen = event.position();
        listener.onEvent(event);
        if (event instanceof AgentEvent.Answer) {
            endedBy = "done";
        } else if (event instanceof AgentEvent.Failure) {
            endedBy = "error";
        }
    }

    /** The message type an SSE event name stands for ({@code thought} is a THOUGHT); other names are kept as they are. */
    static String typeOf(String eventName) {
        return eventName.toUpperCase(java.util.Locale.ROOT);
    }

    /** Handles one connection's events. */
    private final class Handler extends EventSourceListener {
        private boolean received;

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            received = true;
            String event = type == null ? "message" : type;
            switch (event) {
                case "heartbeat" -> listener.onHeartbeat(Instant.now());
                case "paused", "resumed" -> {
                    AgentStatus status = event.equals("paused") ? AgentStatus.PAUSED : AgentStatus.RUNNING;
                    listener.onEvent(new AgentEvent.StatusChange(maxSeen, Instant.now(), status, event));
                }
                default -> message(source, id, event, data);
            }
        }

        private void message(EventSource source, String id, String event, String data) {
            JsonNode m;
            try {
                m = json.readTree(data);
            } catch (IOException e) {
                return; // a broken line is skipped; the poller is the primary reader and will have it
            }
            if (!m.isObject()) {
                return; // not a message: the poller is the primary reader and will have it
            }
            ObjectNode message = (ObjectNode) redaction.apply(m);
            if (!message.has("id") && id != null && id.matches("\\d+")) {
                message.put("id", Long.parseLong(id));
            }
            if (!message.path("type").isTextual()) {
                // the stream names the kind in its "event:" line; the data may not repeat it
                message.put("type", typeOf(event));
            }
            deliver(mapper.map(m));
            if (endedBy != null) {
                source.cancel(); // done or error: the server closes, and we do not wait for it to
            }
        }
    }
}
