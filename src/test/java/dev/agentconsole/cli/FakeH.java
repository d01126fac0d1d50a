package dev.agentconsole.cli;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An H server that says exactly what a test scripts, for answers the emulator does not give
 * (control characters in its words, odd bodies): one session whose events and status are set
 * here, and per route a queue of answers that go first ({@code "GET changes"}, {@code "GET status"},
 * {@code "POST messages"}).
 */
final class FakeH extends Dispatcher implements AutoCloseable {

    static final String SESSION = "3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b";

    private final MockWebServer server = new MockWebServer();
    private final List<String> events = new ArrayList<>();
    private final Map<String, Deque<MockResponse>> scripted = new ConcurrentHashMap<>();
    private final AtomicLong messages = new AtomicLong();
    private volatile String status = "idle";
    private volatile String error;

    FakeH() {
        server.setDispatcher(this);
        try {
            server.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String baseUrl() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** Adds an event, raw H JSON ({@code {type, data, timestamp}}). */
    synchronized FakeH event(String json) {
        events.add(json);
        return this;
    }

    /** A thought, as an H {@code policy_event} with this reasoning. */
    FakeH thought(String reasoningJsonString) {
        return event("{\"type\":\"AgentEvent\",\"timestamp\":\"2026-11-23T07:00:00Z\",\"data\":{\"kind\":\"policy_event\","
                + "\"reasoning_content\":" + reasoningJsonString + "}}");
    }

    FakeH status(String status, String errorJsonString) {
        this.status = status;
        this.error = errorJsonString;
        return this;
    }

    /** These answers go first, in order, on {@code route} (e.g. {@code "POST messages"}). */
    FakeH answer(String route, MockResponse... answers) {
        scripted.computeIfAbsent(route, r -> new ArrayDeque<>()).addAll(List.of(answers));
        return this;
    }

    /** Requests to send a message that the server took (answered 2xx). */
    long messagesAccepted() {
        return messages.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String route = request.getMethod() + " " + (last.equals(SESSION) ? "session" : last);
        MockResponse answer = answerTo(route, request);
        if (route.equals("POST messages") && answer.getCode() / 100 == 2) {
            messages.incrementAndGet();
        }
        return answer;
    }

    private MockResponse answerTo(String route, RecordedRequest request) {
        Deque<MockResponse> queue = scripted.get(route);
        synchronized (this) {
            if (queue != null && !queue.isEmpty()) {
                return queue.poll();
            }
        }
        return switch (route) {
            case "GET changes" -> json(changes(Integer.parseInt(request.getUrl().queryParameter("from_index"))));
            case "GET status" -> json("{\"status\":\"" + status + "\"" + (error == null ? "" : ",\"error\":" + error) + "}");
            case "POST messages" -> new MockResponse.Builder().code(202).build();
            default -> new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build();
        };
    }

    private synchronized String changes(int from) {
        List<String> fresh = from < events.size() ? events.subList(from, events.size()) : List.of();
        return "{\"status\":\"" + status + "\"" + (error == null ? "" : ",\"error\":" + error)
                + ",\"new_events\":[" + String.join(",", fresh) + "]}";
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse status(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
