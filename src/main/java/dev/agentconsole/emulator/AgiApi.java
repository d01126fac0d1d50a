package dev.agentconsole.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * AGI Inc's Agent Sessions API v1 as the emulator serves it: real paths, FastAPI-style errors
 * ({@code {"detail": ...}}), the documented validation of {@code POST /message} (1 to 10,000 code
 * points of valid UTF-8, {@code start_url} http/https up to 2,000 characters, nothing else), and
 * an SSE stream with heartbeats that closes after {@code done} or {@code error}.
 */
final class AgiApi {

    static final int MAX_MESSAGE_CODE_POINTS = 10_000;
    static final int MAX_URL_CHARS = 2_000;
    private static final int MAX_BODY_BYTES = 1_000_000;

    private final Emulator emulator;
    private final ObjectMapper json;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    AgiApi(Emulator emulator, ObjectMapper json) {
        this.emulator = emulator;
        this.json = json;
    }

    Reply handle(ApiRequest request) throws IOException {
        List<String> parts = request.parts(); // v1, sessions, [id], [action]
        String method = request.method();
        if (parts.size() < 2 || !parts.get(1).equals("sessions") || parts.size() > 4) {
            return Reply.detail(404, "Not Found");
        }
        if (!emulator.authorized(request.exchange())) {
            return new Reply(401, Reply.detail(401, "Invalid or missing API key").body(), Map.of("WWW-Authenticate", "Bearer"));
        }
        if (parts.size() == 2) {
            return switch (method) {
                case "POST" -> create(request);
                case "GET" -> list();
                default -> Reply.detail(405, "Method Not Allowed");
            };
        }
        String action = parts.size() == 4 ? parts.get(3) : "";
        String expected = switch (action) {
            case "" -> method.equals("DELETE") ? "DELETE" : "GET";
            case "messages", "events", "status", "screenshot" -> "GET";
            case "message", "pause", "resume", "cancel", "navigate" -> "POST";
            default -> null;
        };
        if (expected == null) {
            return Reply.detail(404, "Not Found");
        }
        if (!expected.equals(method)) {
            return Reply.detail(405, "Method Not Allowed");
        }
        AgiSession session = emulator.agiSessions().get(parts.get(2).toLowerCase(Locale.ROOT));
        if (action.equals("message")) {
            return message(request, session);
        }
        if (action.equals("messages")) {
            return messages(request, session);
        }
        if (session == null) {
            return Reply.detail(404, "Session not found");
        }
        return switch (action) {
            case "" -> method.equals("DELETE") ? delete(session) : Reply.json(200, session.sessionBody());
            case "status" -> Reply.json(200, nodes.objectNode().put("status", session.executionStatus()));
            case "pause" -> {
                session.pause();
                yield success("Session paused");
            }
            case "resume" -> {
                session.resume();
                yield success("Session resumed");
            }
            case "cancel" -> {
                session.cancel();
                yield success("Task cancelled");
            }
            case "navigate" -> navigate(request, session);
            case "screenshot" -> Reply.json(200, session.screenshotBody());
            case "events" -> events(request, session);
            default -> Reply.detail(404, "Not Found");
        };
    }

    // ---- POST /message -------------------------------------------------------------------------

    private Reply message(ApiRequest request, AgiSession session) throws IOException {
        Optional<byte[]> raw = Emulator.readBody(request.exchange(), MAX_BODY_BYTES);
        if (raw.isEmpty()) {
            return Reply.detail(413, "Request body too large");
        }
        emulator.recordMessageBody(raw.get());
        JsonNode root;
        try {
            root = json.readTree(raw.get());
        } catch (IOException e) {
            return Reply.invalid("json_invalid", List.of("body", 0), "JSON decode error", nodes.objectNode());
        }
        if (root == null || root.isMissingNode()) {
            return Reply.invalid("missing", List.of("body"), "Field required", null);
        }
        if (!root.isObject()) {
            return Reply.invalid("model_attributes_type", List.of("body"), "Input should be a valid dictionary", root);
        }
        List<Reply.Problem> problems = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!Set.of("message", "start_url").contains(field)) {
                problems.add(new Reply.Problem("extra_forbidden", List.of("body", field), "Extra inputs are not permitted", root.get(field)));
            }
        }
        JsonNode message = root.get("message");
        if (message == null) {
            problems.add(new Reply.Problem("missing", List.of("body", "message"), "Field required", root));
        } else if (!message.isTextual()) {
            problems.add(new Reply.Problem("string_type", List.of("body", "message"), "Input should be a valid string", message));
        } else {
            String text = message.asText();
            int codePoints = text.codePointCount(0, text.length());
            if (hasLoneSurrogate(text)) {
                problems.add(new Reply.Problem("string_unicode", List.of("body", "message"),
                        "Input should be a valid string, unable to parse raw data as a unicode string", message));
            } else if (text.isEmpty()) {
                problems.add(new Reply.Problem("string_too_short", List.of("body", "message"),
                        "String should have at least 1 character", message));
            } else if (codePoints > MAX_MESSAGE_CODE_POINTS) {
                problems.add(new Reply.Problem("string_too_long", List.of("body", "message"),
                        "String should have at most 10000 characters", nodes.textNode(text.substring(0, 50) + "...")));
            }
        }
        JsonNode startUrl = root.get("start_url");
        if (startUrl != null && !startUrl.isNull()) {
            urlProblem(startUrl, List.of("body", "start_url")).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            return Reply.invalid(problems);
        }
        if (session == null) {
            return Reply.detail(404, "Session not found");
        }
        session.receive(message.asText(), startUrl == null || startUrl.isNull() ? null : startUrl.asText());
        return success("Message sent successfully");
    }

    private Optional<Reply.Problem> urlProblem(JsonNode url, List<Object> loc) {
        if (!url.isTextual()) {
            return Optional.of(new Reply.Problem("string_type", loc, "Input should be a valid string", url));
        }
        String u = url.asText();
        if (u.length() > MAX_URL_CHARS) {
            return Optional.of(new Reply.Problem("string_too_long", loc, "String should have at most 2000 characters",
                    nodes.textNode(u.substring(0, 50) + "...")));
        }
        try {
            URI parsed = new URI(u);
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of(new Reply.Problem("url_scheme", loc, "URL scheme should be 'http' or 'https'", url));
            }
            if (parsed.getHost() == null) {
                return Optional.of(new Reply.Problem("url_parsing", loc, "Input should be a valid URL, empty host", url));
            }
        } catch (URISyntaxException e) {
            return Optional.of(new Reply.Problem("url_parsing", loc, "Input should be a valid URL, " + e.getReason(), url));
        }
        return Optional.empty();
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    // ---- reads ------------------------------------------------------------------------------------

    private Reply messages(ApiRequest request, AgiSession session) {
        String raw = request.query().getOrDefault("after_id", "0");
        long after;
        try {
            after = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return Reply.invalid("int_parsing", List.of("query", "after_id"),
                    "Input should be a valid integer, unable to parse string as an integer", new TextNode(raw));
        }
        if (session == null) {
            return Reply.detail(404, "Session not found");
        }
        ObjectNode body = nodes.objectNode();
        ArrayNode list = body.putArray("messages");
        session.messagesAfter(after).forEach(list::add);
        body.put("status", session.executionStatus());
        body.put("has_agent", true);
        return Reply.json(200, body);
    }

    /** SSE: history (unless include_history=false), then live items, heartbeats while quiet; closes after done/error. */
    private Reply events(ApiRequest request, AgiSession session) throws IOException {
        HttpExchange exchange = request.exchange();
        boolean history = !"false".equalsIgnoreCase(request.query().getOrDefault("include_history", "true"));
        Set<String> types = Optional.ofNullable(request.query().get("event_types"))
                .map(t -> Set.of(t.toLowerCase(Locale.ROOT).split(","))).orElse(Set.of());
        boolean closeAfterEach = request.hasFault(Faults.Fault.SseCloseAfterEvent.class);
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        int next = history ? 0 : session.streamSize();
        try (OutputStream out = exchange.getResponseBody()) {
            while (true) {
                Optional<AgiSession.StreamItem> item = session.awaitStreamItem(next, emulator.heartbeat());
                if (item.isEmpty()) {
                    write(out, Optional.empty(), "heartbeat", "{\"timestamp\":\"" + emulator.now() + "\"}");
                    continue;
                }
                next++;
                AgiSession.StreamItem it = item.get();
                if (!types.isEmpty() && !types.contains(it.event())) {
                    continue;
                }
                write(out, it.id(), it.event(), json.writeValueAsString(it.data()));
                if (it.event().equals("done") || it.event().equals("error") || closeAfterEach) {
                    return Reply.STREAMED;
                }
            }
        } catch (IOException clientWentAway) {
            return Reply.STREAMED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.STREAMED;
        }
    }

    private static void write(OutputStream out, Optional<Long> id, String event, String data) throws IOException {
        StringBuilder s = new StringBuilder();
        id.ifPresent(i -> s.append("id: ").append(i).append('\n'));
        s.append("event: ").append(event).append('\n').append("data: ").append(data).append("\n\n");
        out.write(s.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // ---- sessions -----------------------------------------------------------------------------------

    private Reply create(ApiRequest request) throws IOException {
        Optional<byte[]> raw = Emulator.readBody(request.exchange(), MAX_BODY_BYTES);
        JsonNode root = nodes.objectNode();
        if (raw.isPresent() && raw.get().length > 0) {
            try {
                root = json.readTree(raw.get());
            } catch (IOException e) {
                return Reply.invalid("json_invalid", List.of("body", 0), "JSON decode error", nodes.objectNode());
            }
        }
        if (root == null || !root.isObject()) {
            return Reply.invalid("model_attributes_type", List.of("body"), "Input should be a valid dictionary", root);
        }
        JsonNode agent = root.path("agent_name");
        String agentName = agent.isMissingNode() || agent.isNull() ? "agi-0" : agent.asText();
        if (!agent.isMissingNode() && !agent.isNull() && !agent.isTextual()) {
            return Reply.invalid("string_type", List.of("body", "agent_name"), "Input should be a valid string", agent);
        }
        if (!Set.of("agi-0", "agi-0-fast").contains(agentName)) {
            return Reply.detail(400, "Unknown agent '" + agentName + "': use agi-0 or agi-0-fast");
        }
        return Reply.json(201, createSession(agentName).sessionBody());
    }

    AgiSession createSession(String agentName) {
        String id = UUID.randomUUID().toString();
        AgiSession session = new AgiSession(id, agentName, emulator.baseUrl() + "/vnc/" + id, emulator::now);
        emulator.agiSessions().put(id, session);
        return session;
    }

    private Reply list() {
        ArrayNode all = nodes.arrayNode();
        emulator.agiSessions().values().stream()
                .sorted(Comparator.comparing((AgiSession s) -> s.createdAt).reversed())
                .forEach(s -> {
                    ObjectNode row = s.sessionBody();
                    row.remove("vnc_url");
                    all.add(row);
                });
        return Reply.json(200, all);
    }

    private Reply navigate(ApiRequest request, AgiSession session) throws IOException {
        Optional<byte[]> raw = Emulator.readBody(request.exchange(), MAX_BODY_BYTES);
        JsonNode root;
        try {
            root = json.readTree(raw.orElse(new byte[0]));
        } catch (IOException e) {
            return Reply.invalid("json_invalid", List.of("body", 0), "JSON decode error", nodes.objectNode());
        }
        JsonNode url = root == null ? null : root.get("url");
        if (url == null) {
            return Reply.invalid("missing", List.of("body", "url"), "Field required", root);
        }
        Optional<Reply.Problem> problem = urlProblem(url, List.of("body", "url"));
        if (problem.isPresent()) {
            return Reply.invalid(List.of(problem.get()));
        }
        session.navigate(url.asText());
        return Reply.json(200, nodes.objectNode().put("current_url", session.currentUrl()));
    }

    private Reply delete(AgiSession session) {
        emulator.agiSessions().remove(session.id);
        ObjectNode body = nodes.objectNode();
        body.put("success", true);
        body.put("deleted", true);
        body.put("message", "Session deleted");
        return Reply.json(200, body);
    }

    private Reply success(String message) {
        ObjectNode body = nodes.objectNode();
        body.put("success", true);
        body.put("message", message);
        return Reply.json(200, body);
    }
}
