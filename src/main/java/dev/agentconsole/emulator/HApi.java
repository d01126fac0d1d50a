package dev.agentconsole.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * H Agent Platform v2 as the emulator serves it: the paths, status codes, error bodies and
 * validation of the official OpenAPI spec (FastAPI + pydantic: 422 with {@code detail} entries),
 * H's own {@code {"message"}} errors for 401/404/400/413.
 */
final class HApi {

    static final String DEMO_TASK = Emulator.DEMO_TASK;
    /** The demo organisation's daily token budget. */
    static final long TOKEN_BUDGET = 5_000_000;

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    private static final Pattern DATA_URI = Pattern.compile("data:image/[a-zA-Z0-9.+-]+;base64,([A-Za-z0-9+/=\\s]*)", Pattern.DOTALL);

    private final Emulator emulator;
    private final ObjectMapper json;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final Map<String, String> idempotencyKeys = new ConcurrentHashMap<>();

    HApi(Emulator emulator, ObjectMapper json) {
        this.emulator = emulator;
        this.json = json;
    }

    Reply handle(ApiRequest request) throws IOException {
        HttpExchange exchange = request.exchange();
        String method = request.method();
        Map<String, String> query = request.query();
        List<String> parts = request.parts();
        boolean tokenQuota = parts.size() == 4 && parts.get(2).equals("quota") && parts.get(3).equals("tokens");
        if (!tokenQuota && (parts.size() < 3 || !parts.get(2).equals("sessions"))) {
            return Reply.detail(404, "Not Found");
        }
        if (!emulator.authorized(exchange)) {
            return new Reply(401, Reply.message(401, "Invalid or missing API key").body(),
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        if (tokenQuota) {
            return method.equals("GET") ? tokenQuota() : Reply.detail(405, "Method Not Allowed");
        }
        // parts: api, v2, sessions, [id | quota], [action]
        if (parts.size() == 3) {
            return switch (method) {
                case "POST" -> create(exchange);
                case "GET" -> list(query, repeated(exchange, "status"));
                default -> Reply.detail(405, "Method Not Allowed");
            };
        }
        if (parts.size() == 4 && parts.get(3).equals("quota")) {
            return method.equals("GET") ? quota() : Reply.detail(405, "Method Not Allowed");
        }
        if (parts.size() == 7 && parts.get(4).equals("resources")) {
            return method.equals("GET") ? resource(parts.get(3), parts.get(5), parts.get(6)) : Reply.detail(405, "Method Not Allowed");
        }
        if (parts.size() > 5) {
            return Reply.detail(404, "Not Found");
        }
        String action = parts.size() == 5 ? parts.get(4) : "";
        String expected = switch (action) {
            case "" -> method.equals("DELETE") ? "DELETE" : "GET";
            case "status", "changes", "events" -> "GET";
            case "messages", "pause", "resume", "force_answer" -> "POST";
            default -> null;
        };
        if (expected == null) {
            return Reply.detail(404, "Not Found");
        }
        if (!expected.equals(method)) {
            return Reply.detail(405, "Method Not Allowed");
        }
        String rawId = parts.get(3);
        if (!UUID_FORM.matcher(rawId).matches()) {
            return Reply.invalid("uuid_parsing", List.of("path", "id"),
                    "Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` "
                            + "followed by [0-9a-fA-F-], found `" + firstBadChar(rawId) + "`",
                    new TextNode(rawId));
        }
        String id = canonical(rawId);
        HSession session = emulator.sessions().get(id);
        if (action.equals("messages")) {
            // The body is validated before the session is looked up, as FastAPI does.
            Optional<byte[]> body = Emulator.readBody(exchange, Emulator.MAX_BODY_BYTES);
            if (body.isEmpty()) {
                return Reply.message(413, "Request body too large: at most " + Emulator.MAX_BODY_BYTES + " bytes");
            }
            emulator.recordMessageBody(body.get());
            List<ReceivedMessage> messages = new ArrayList<>();
            Reply invalid = parseMessages(body.get(), messages);
            if (invalid != null) {
                return invalid;
            }
            if (session == null) {
                return notFound();
            }
            session.receive(messages);
            return Reply.empty(202);
        }
        if (action.equals("changes")) {
            return changes(session, query, request.hasFault(Faults.Fault.Eager.class));
        }
        if (action.equals("events")) {
            return events(session, query);
        }
        if (session == null) {
            return notFound();
        }
        return switch (action) {
            case "" -> method.equals("DELETE") ? cancel(session) : Reply.json(200, session.sessionBody());
            case "status" -> Reply.json(200, session.statusBody());
            case "pause" -> session.pause() ? Reply.empty(202) : cannot(session, "paused");
            case "resume" -> session.resume() ? Reply.empty(202) : cannot(session, "resumed");
            case "force_answer" -> session.forceAnswer() ? Reply.empty(202) : cannot(session, "forced to answer");
            default -> Reply.detail(404, "Not Found");
        };
    }

    /** {@code GET /resources/{bucket}/{key}}: 302 to a presigned URL on the storage host, as the platform does. */
    private Reply resource(String rawId, String bucket, String key) {
        if (!UUID_FORM.matcher(rawId).matches()) {
            return Reply.invalid("uuid_parsing", List.of("path", "id"), "Input should be a valid UUID", new TextNode(rawId));
        }
        HSession session = emulator.sessions().get(canonical(rawId));
        if (session == null) {
            return notFound();
        }
        if (session.screenshot(bucket, key).isEmpty()) {
            return Reply.message(404, "Resource not found");
        }
        return new Reply(302, null, Map.of("Location", emulator.storage().presign(session.id, bucket, key)));
    }

    private Reply cancel(HSession session) {
        session.cancel();
        return Reply.empty(204);
    }

    private static Reply notFound() {
        return Reply.message(404, "Session not found");
    }

    private static Reply cannot(HSession session, String what) {
        return Reply.message(400, "Session cannot be " + what + ": it is " + session.status());
    }

    // ---- POST /messages -------------------------------------------------------------------

    /** Validates a UserMessageEvent | UserMessageBatch body; fills {@code out} or returns the 422. */
    private Reply parseMessages(byte[] body, List<ReceivedMessage> out) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            return jsonInvalid(e);
        }
        if (root == null || root.isMissingNode()) {
            return Reply.invalid("missing", List.of("body"), "Field required", null);
        }
        if (!root.isObject()) {
            return Reply.invalid("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", root);
        }
        JsonNode tag = root.get("type");
        if (tag == null) {
            return Reply.invalid("union_tag_not_found", List.of("body"),
                    "Unable to extract tag using discriminator 'type'", root);
        }
        if (!tag.isTextual() || !(tag.asText().equals("user_message") || tag.asText().equals("batch"))) {
            return Reply.invalid("union_tag_invalid", List.of("body"),
                    "Input tag '" + tag.asText() + "' found using 'type' does not match any of the expected tags: "
                            + "'user_message', 'batch'", root);
        }
        List<Reply.Problem> problems = new ArrayList<>();
        if (tag.asText().equals("user_message")) {
            userMessage(root, List.of("body", "user_message"), problems, out);
        } else {
            List<Object> at = List.of("body", "batch");
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!field.equals("type") && !field.equals("messages")) {
                    problems.add(new Reply.Problem("extra_forbidden", with(at, field), "Extra inputs are not permitted", root.get(field)));
                }
            }
            JsonNode messages = root.get("messages");
            if (messages == null) {
                problems.add(new Reply.Problem("missing", with(at, "messages"), "Field required", root));
            } else if (!messages.isArray()) {
                problems.add(new Reply.Problem("list_type", with(at, "messages"), "Input should be a valid list", messages));
            } else if (messages.isEmpty()) {
                problems.add(new Reply.Problem("too_short", with(at, "messages"),
                        "List should have at least 1 item after validation, not 0", messages));
            } else {
                for (int i = 0; i < messages.size(); i++) {
                    JsonNode m = messages.get(i);
                    List<Object> where = with(with(at, "messages"), i);
                    if (!m.isObject()) {
                        problems.add(new Reply.Problem("model_type", where,
                                "Input should be a valid dictionary or instance of UserMessageEvent", m));
                    } else if (m.has("type") && !"user_message".equals(m.get("type").asText(null))) {
                        problems.add(new Reply.Problem("literal_error", with(where, "type"),
                                "Input should be 'user_message'", m.get("type")));
                    } else {
                        userMessage(m, where, problems, out);
                    }
                }
            }
        }
        return problems.isEmpty() ? null : Reply.invalid(problems);
    }

    private void userMessage(JsonNode m, List<Object> at, List<Reply.Problem> problems, List<ReceivedMessage> out) {
        int before = problems.size();
        JsonNode message = m.get("message");
        if (message == null) {
            problems.add(new Reply.Problem("missing", with(at, "message"), "Field required", m));
        } else if (!message.isTextual()) {
            problems.add(new Reply.Problem("string_type", with(at, "message"), "Input should be a valid string", message));
        }
        JsonNode caller = m.get("caller_id");
        if (caller != null && !caller.isTextual()) {
            problems.add(new Reply.Problem("string_type", with(at, "caller_id"), "Input should be a valid string", caller));
        }
        List<String> images = new ArrayList<>();
        JsonNode imgs = m.get("images");
        if (imgs != null && !imgs.isNull()) {
            if (!imgs.isArray()) {
                problems.add(new Reply.Problem("list_type", with(at, "images"), "Input should be a valid list", imgs));
            } else {
                for (int i = 0; i < imgs.size(); i++) {
                    JsonNode img = imgs.get(i);
                    List<Object> where = with(with(at, "images"), i);
                    if (!img.isTextual()) {
                        problems.add(new Reply.Problem("string_type", where, "Input should be a valid string", img));
                    } else if (!isImageDataUri(img.asText())) {
                        problems.add(new Reply.Problem("value_error", where,
                                "Value error, images must be base64 data URIs (data:image/...;base64,...)", img));
                    } else {
                        images.add(img.asText());
                    }
                }
            }
        }
        if (problems.size() == before) {
            out.add(new ReceivedMessage(message.asText(), caller == null ? "user" : caller.asText(), images, emulator.now()));
        }
    }

    private static boolean isImageDataUri(String s) {
        var matcher = DATA_URI.matcher(s);
        if (!matcher.matches() || matcher.group(1).isBlank()) {
            return false;
        }
        try {
            Base64.getMimeDecoder().decode(matcher.group(1));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- GET /changes, /events ------------------------------------------------------------------

    /** @param eager answer at once, with an empty 200 when nothing is new (the {@code eager} fault) */
    private Reply changes(HSession session, Map<String, String> query, boolean eager) {
        List<Reply.Problem> problems = new ArrayList<>();
        int from = intParam(query, "from_index", 0, 0, Integer.MAX_VALUE, problems);
        int limit = intParam(query, "limit", Integer.MAX_VALUE, 0, Integer.MAX_VALUE, problems);
        int wait = intParam(query, "wait_for_seconds", 0, 0, 25, problems);
        boolean includeEvents = boolParam(query, "include_events", true, problems);
        if (!problems.isEmpty()) {
            return Reply.invalid(problems);
        }
        if (session == null) {
            return notFound();
        }
        if (!includeEvents) {
            return Reply.json(200, session.changesBody(List.of()));
        }
        try {
            if (!session.awaitEvents(from, eager ? Duration.ZERO : Duration.ofSeconds(wait))) {
                return eager ? Reply.json(200, session.changesBody(List.of())) : Reply.empty(204);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return Reply.json(200, session.changesBody(session.events(from, limit)));
    }

    private Reply events(HSession session, Map<String, String> query) {
        List<Reply.Problem> problems = new ArrayList<>();
        int page = intParam(query, "page", 1, 1, Integer.MAX_VALUE, problems);
        int size = intParam(query, "size", 50, 1, 200, problems);
        String sort = query.getOrDefault("sort", "timestamp");
        if (!sort.equals("timestamp") && !sort.equals("-timestamp")) {
            problems.add(new Reply.Problem("enum", List.of("query", "sort"), "Input should be 'timestamp' or '-timestamp'",
                    new TextNode(sort)));
        }
        if (!problems.isEmpty()) {
            return Reply.invalid(problems);
        }
        if (session == null) {
            return notFound();
        }
        List<ObjectNode> all = new ArrayList<>(session.allEvents());
        String type = query.get("type");
        if (type != null) {
            all.removeIf(e -> !type.equals(e.path("type").asText()));
        }
        if (sort.startsWith("-")) {
            java.util.Collections.reverse(all);
        }
        ObjectNode body = nodes.objectNode();
        ArrayNode items = body.putArray("items");
        int start = (int) Math.min(all.size(), (long) (page - 1) * size);
        all.subList(start, Math.min(all.size(), start + size)).forEach(items::add);
        body.put("total", all.size());
        body.put("page", page);
        return Reply.json(200, body);
    }

    // ---- POST/GET /sessions, quota ---------------------------------------------------------------

    private Reply create(HttpExchange exchange) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null && (key.isEmpty() || key.length() > 255)) {
            return Reply.invalid("string_too_long", List.of("header", "Idempotency-Key"),
                    "String should have at most 255 characters", new TextNode(key));
        }
        Optional<byte[]> raw = Emulator.readBody(exchange, Emulator.MAX_BODY_BYTES);
        if (raw.isEmpty()) {
            return Reply.message(413, "Request body too large: at most " + Emulator.MAX_BODY_BYTES + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(raw.get());
        } catch (IOException e) {
            return jsonInvalid(e);
        }
        if (root == null || !root.isObject()) {
            return Reply.invalid("model_attributes_type", List.of("body"),
                    "Input should be a valid dictionary or object to extract fields from", root);
        }
        List<Reply.Problem> problems = new ArrayList<>();
        JsonNode agent = root.get("agent");
        if (agent == null) {
            problems.add(new Reply.Problem("missing", List.of("body", "agent"), "Field required", root));
        } else if (!agent.isTextual() && !agent.isObject()) {
            problems.add(new Reply.Problem("string_type", List.of("body", "agent", "str"), "Input should be a valid string", agent));
        }
        Long idle = positiveLong(root, "idle_timeout_s", problems);
        positiveLong(root, "max_steps", problems);
        List<ReceivedMessage> first = new ArrayList<>();
        JsonNode messages = root.get("messages");
        if (messages != null && !messages.isNull()) {
            if (messages.isTextual()) {
                first.add(new ReceivedMessage(messages.asText(), "user", List.of(), emulator.now()));
            } else if (messages.isObject()) {
                userMessage(messages, List.of("body", "messages"), problems, first);
            } else if (messages.isArray()) {
                for (int i = 0; i < messages.size(); i++) {
                    userMessage(messages.get(i), List.of("body", "messages", i), problems, first);
                }
            } else {
                problems.add(new Reply.Problem("string_type", List.of("body", "messages"), "Input should be a valid string", messages));
            }
        }
        if (!problems.isEmpty()) {
            return Reply.invalid(problems);
        }
        if (key != null) {
            String existing = idempotencyKeys.get(key);
            if (existing != null) {
                return Reply.json(201, emulator.sessions().get(existing).sessionBody());
            }
        }
        String agentName = agent.isTextual() ? agent.asText() : agent.path("name").asText("inline-agent");
        HSession session = newSession(agentName, (ObjectNode) root, first.isEmpty() ? null : first.get(0).text(), idle);
        if (key != null) {
            idempotencyKeys.put(key, session.id);
        }
        return Reply.json(201, session.sessionBody());
    }

    HSession createSession(String agent, String task, Long idleTimeoutSeconds) {
        ObjectNode request = nodes.objectNode();
        request.put("agent", agent);
        request.put("messages", task);
        request.put("idle_timeout_s", idleTimeoutSeconds);
        return newSession(agent, request, task, idleTimeoutSeconds);
    }

    private HSession newSession(String agent, ObjectNode request, String task, Long idle) {
        String id = UUID.randomUUID().toString();
        HSession session = new HSession(id, agent, request, task, idle,
                emulator.baseUrl() + "/live/" + id, emulator.baseUrl() + "/api/v2/sessions/" + id + "/resources",
                emulator::now);
        emulator.sessions().put(id, session);
        return session;
    }

    /** @param statuses the spec's {@code status} is a list: {@code ?status=idle&status=paused} */
    private Reply list(Map<String, String> query, List<String> statuses) {
        List<Reply.Problem> problems = new ArrayList<>();
        int page = intParam(query, "page", 1, 1, Integer.MAX_VALUE, problems);
        int size = intParam(query, "size", 10, 1, 100, problems);
        if (!problems.isEmpty()) {
            return Reply.invalid(problems);
        }
        String search = query.get("search");
        List<HSession> all = new ArrayList<>(emulator.sessions().values());
        all.removeIf(s -> !statuses.isEmpty() && !statuses.contains(s.status()));
        all.removeIf(s -> search != null && !(s.id + " " + s.request).contains(search));
        Comparator<HSession> byCreated = Comparator.comparing(s -> s.createdAt);
        all.sort("created_at".equals(query.get("sort")) ? byCreated : byCreated.reversed());
        ObjectNode body = nodes.objectNode();
        ArrayNode items = body.putArray("items");
        int start = (int) Math.min(all.size(), (long) (page - 1) * size);
        all.subList(start, Math.min(all.size(), start + size)).forEach(s -> items.add(s.summaryBody()));
        body.put("total", all.size());
        body.put("page", page);
        return Reply.json(200, body);
    }

    private Reply quota() {
        long active = emulator.sessions().values().stream().filter(s -> !s.isTerminal()).count();
        ObjectNode body = nodes.objectNode();
        body.put("scope", "user");
        body.put("limit", 100);
        body.put("active", active);
        body.put("available", Math.max(0, 100 - active));
        return Reply.json(200, body);
    }

    /** {@code TokenQuotaStatus}: the tokens every session used today (UTC) against a daily budget. */
    private Reply tokenQuota() {
        long used = emulator.sessions().values().stream().mapToLong(HSession::tokensUsed).sum();
        java.time.Instant start = emulator.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        ObjectNode body = nodes.objectNode();
        body.put("limit", TOKEN_BUDGET);
        body.put("used", used);
        body.put("remaining", Math.max(0, TOKEN_BUDGET - used));
        body.put("window_start", start.toString());
        body.put("window_end", start.plus(Duration.ofDays(1)).toString());
        return Reply.json(200, body);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static Reply jsonInvalid(IOException e) {
        long offset = e instanceof JsonProcessingException j && j.getLocation() != null
                ? Math.max(0, j.getLocation().getCharOffset()) : 0;
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        return Reply.invalid("json_invalid", List.of("body", (int) offset), "JSON decode error", input);
    }

    private static int intParam(Map<String, String> query, String name, int fallback, int min, int max,
                                List<Reply.Problem> problems) {
        String v = query.get(name);
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            problems.add(new Reply.Problem("int_parsing", List.of("query", name),
                    "Input should be a valid integer, unable to parse string as an integer", new TextNode(v)));
            return fallback;
        }
        if (n < min) {
            problems.add(new Reply.Problem("greater_than_equal", List.of("query", name),
                    "Input should be greater than or equal to " + min, new TextNode(v)));
        } else if (n > max) {
            problems.add(new Reply.Problem("less_than_equal", List.of("query", name),
                    "Input should be less than or equal to " + max, new TextNode(v)));
        }
        return n;
    }

    private static boolean boolParam(Map<String, String> query, String name, boolean fallback, List<Reply.Problem> problems) {
        String v = query.get(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n" -> false;
            default -> {
                problems.add(new Reply.Problem("bool_parsing", List.of("query", name),
                        "Input should be a valid boolean, unable to interpret input", new TextNode(v)));
                yield fallback;
            }
        };
    }

    /** Every value of a query parameter that may repeat (ApiRequest keeps only the first). */
    private static List<String> repeated(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        List<String> values = new ArrayList<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && java.net.URLDecoder.decode(pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8).equals(name)) {
                values.add(java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static Long positiveLong(JsonNode root, String field, List<Reply.Problem> problems) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.canConvertToExactIntegral()) {
            problems.add(new Reply.Problem("int_type", List.of("body", field), "Input should be a valid integer", n));
            return null;
        }
        if (n.asLong() <= 0) {
            problems.add(new Reply.Problem("greater_than", List.of("body", field), "Input should be greater than 0", n));
            return null;
        }
        return n.asLong();
    }

    private static List<Object> with(List<Object> base, Object part) {
        List<Object> l = new ArrayList<>(base);
        l.add(part);
        return l;
    }

    private static String canonical(String uuid) {
        String hex = uuid.replace("-", "").toLowerCase(java.util.Locale.ROOT);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String firstBadChar(String s) {
        for (char c : s.toCharArray()) {
            if (Character.digit(c, 16) < 0 && c != '-') {
                return String.valueOf(c);
            }
        }
        return s.isEmpty() ? "" : s.substring(0, 1);
    }
}
