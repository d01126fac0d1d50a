package dev.agentconsole.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on a loopback port speaking H's Agent Platform v2 at its real paths, with
 * scripted agents, for demos and tests with no account. It parses JSON generically and shares
 * no wire classes with the clients, so a wrong field name in a client cannot pass its tests.
 */
public final class Emulator implements AutoCloseable {

    /** The task a demo session starts with. */
    public static final String DEMO_TASK = "Book a hotel in Kyoto near Kiyomizu-dera for June 15-20, under $200 a night.";

    /** Largest request body H accepts (reference section 3). */
    static final int MAX_BODY_BYTES = 5_000_000;

    private final HttpServer server;
    private final ExecutorService workers;
    private final ScriptClock clock;
    private final String token;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, HSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Long> requestCounts = new ConcurrentHashMap<>();
    private final AtomicLong requestTotal = new AtomicLong();
    private final HApi hApi;
    private final Storage storage;
    private final AgiApi agiApi;
    private final Map<String, AgiSession> agiSessions = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();
    private final List<String> messageBodies = new java.util.ArrayList<>();
    private volatile Duration heartbeat = Duration.ofSeconds(30);

    private Emulator(int port, String token, ScriptClock clock) throws IOException {
        this.token = token;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        // Long polls hold a thread each for up to 25 s: a pool, never the server's single thread.
        this.workers = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "emulator-http-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // The JDK server writes an answer's headers and body apart; with Nagle on, each answer then
        // waits ~40 ms for the client's delayed ACK. Read once, when the JVM's first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.storage = new Storage(server.getAddress().getPort(), id -> Optional.ofNullable(sessions.get(id)));
        this.hApi = new HApi(this, json);
        this.agiApi = new AgiApi(this, json);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
        clock.start(this::tickAll);
    }

    /** Starts on {@code port} (0 = any free port) with a token of its own. */
    public static Emulator start(int port, ScriptClock clock) {
        return start(port, newToken(), clock);
    }

    public static Emulator start(int port, String token, ScriptClock clock) {
        try {
            return new Emulator(port, token, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** A demo token in H's key format; only this emulator knows it. */
    public static String newToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "hk-demo-" + HexFormat.of().formatHex(bytes);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The bearer token this emulator requires. */
    public String token() {
        return token;
    }

    public ScriptClock clock() {
        return clock;
    }

    /** Creates a session with the demo task, as a POST /api/v2/sessions would. */
    public String createDemoSession() {
        return hApi.createSession("demo-web-agent", HApi.DEMO_TASK, Duration.ofHours(1).toSeconds()).id;
    }

    /**
     * Creates a session the H session {@code parentId} delegated to (it appears in the parent's
     * {@code subagent_session_ids}); returns the child's id.
     */
    public String createSubagentSession(String parentId) {
        HSession parent = Optional.ofNullable(sessions.get(parentId))
                .orElseThrow(() -> new IllegalArgumentException("no H session " + parentId));
        String child = hApi.createSession("demo-price-checker", "Check the price of the chosen hotel", null).id;
        parent.addSubagent(child);
        return child;
    }

    /** Creates an AGI session and gives it the demo task, as POST /v1/sessions and /message would. */
    public String createAgiDemoSession() {
        AgiSession session = agiApi.createSession("agi-0");
        session.receive(DEMO_TASK, null);
        return session.id;
    }

    /** Creates an AGI session with no task yet (status ready). */
    public String createAgiSession() {
        return agiApi.createSession("agi-0").id;
    }

    /** Every message this session (H or AGI) received, in order, exactly as it arrived. */
    public List<ReceivedMessage> receivedMessages(String sessionId) {
        HSession h = sessions.get(sessionId);
        if (h != null) {
            return h.received();
        }
        return Optional.ofNullable(agiSessions.get(sessionId)).map(AgiSession::received).orElse(List.of());
    }

    /**
     * Messages that arrived more than once with the same text and caller in one session: what a
     * client that re-sends without saying so would cause.
     */
    public long duplicateCount() {
        long duplicates = 0;
        for (String id : allSessionIds()) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (ReceivedMessage m : receivedMessages(id)) {
                if (!seen.add(m.callerId() + "\u0000" + m.text())) {
                    duplicates++;
                }
            }
        }
        return duplicates;
    }

    private List<String> allSessionIds() {
        List<String> ids = new java.util.ArrayList<>(sessions.keySet());
        ids.addAll(agiSessions.keySet());
        return ids;
    }

    /** The session's status as the emulator holds it (AGI: execution status), or empty when it does not exist. */
    public Optional<String> sessionStatus(String sessionId) {
        HSession h = sessions.get(sessionId);
        if (h != null) {
            return Optional.of(h.status());
        }
        return Optional.ofNullable(agiSessions.get(sessionId)).map(AgiSession::executionStatus);
    }

    /** The raw bodies of every message request, in arrival order, exactly as they came over the wire. */
    public List<String> messageBodies() {
        synchronized (messageBodies) {
            return List.copyOf(messageBodies);
        }
    }

    void recordMessageBody(byte[] body) {
        synchronized (messageBodies) {
            messageBodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The faults to inject; add rules at any time. */
    public Faults faults() {
        return faults;
    }

    /** How often an idle SSE stream sends a heartbeat (AGI sends one about every 30 s). */
    public void heartbeatEvery(Duration interval) {
        this.heartbeat = interval;
    }

    Duration heartbeat() {
        return heartbeat;
    }

    Map<String, AgiSession> agiSessions() {
        return agiSessions;
    }

    /** How many requests reached a route, e.g. {@code "POST /api/v2/sessions/{id}/messages"}. */
    public long requestCount(String route) {
        return requestCounts.getOrDefault(route, 0L);
    }

    public long requestCount() {
        return requestTotal.get();
    }

    Storage storage() {
        return storage;
    }

    /** Requests H's presigned screenshot URLs got, and how many of them carried an Authorization header (a leaked key). */
    public long storageRequests() {
        return storage.requests();
    }

    public long storageRequestsWithAuthorization() {
        return storage.requestsWithAuthorization();
    }

    Map<String, HSession> sessions() {
        return sessions;
    }

    java.time.Instant now() {
        return clock.now();
    }

    private void tickAll() {
        List<Runnable> ticks = new java.util.ArrayList<>();
        sessions.values().forEach(s -> ticks.add(s::tick));
        agiSessions.values().forEach(s -> ticks.add(s::tick));
        for (Runnable tick : ticks) {
            try {
                tick.run();
            } catch (RuntimeException e) {
                System.getLogger("emulator").log(System.Logger.Level.WARNING, "scripted agent failed a step", e);
            }
        }
    }

    private void count(String route) {
        requestCounts.merge(route, 1L, Long::sum);
        requestTotal.incrementAndGet();
    }

    boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.equals("Bearer " + token);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ApiRequest request = ApiRequest.of(exchange);
            count(request.route());
            Optional<Faults.Fault> fault = faults.take(request.route(), request.sessionId().orElse(""));
            request = request.withFault(fault);
            if (fault.isPresent() && fault.get() instanceof Faults.Fault.Status status) {
                Reply injected = Reply.message(status.code(), "injected fault: HTTP " + status.code());
                send(exchange, status.retryAfter().map(r -> new Reply(injected.status(), injected.body(), Map.of("Retry-After", r)))
                        .orElse(injected), null);
                return;
            }
            if (fault.isPresent() && fault.get() instanceof Faults.Fault.EchoKey) {
                echoKey(exchange);
                return;
            }
            if (fault.isPresent() && fault.get() instanceof Faults.Fault.Delay delay) {
                Thread.sleep(delay.delay().toMillis());
            }
            if (!request.parts().isEmpty() && request.parts().get(0).equals(Storage.PREFIX)) {
                storage.handle(exchange, request.parts(), request.query());
                return;
            }
            if (request.hasFault(Faults.Fault.UnknownEventType.class)) {
                request.sessionId().map(sessions::get).ifPresent(HSession::appendUnknownEvent);
                request.sessionId().map(agiSessions::get).ifPresent(AgiSession::appendUnknownMessage);
            }
            if (request.hasFault(Faults.Fault.EveryEventType.class)) {
                request.sessionId().map(sessions::get).ifPresent(HSession::appendEveryEventType);
            }
            Reply reply;
            try {
                reply = api(request).handle(request);
            } catch (RuntimeException e) {
                System.getLogger("emulator").log(System.Logger.Level.WARNING, "emulator handler failed", e);
                reply = Reply.message(500, "Internal Server Error");
            }
            if (reply == Reply.STREAMED) {
                return;
            }
            if (reply == null || request.hasFault(Faults.Fault.DropAfterRead.class)) {
                return; // closing the exchange unanswered drops the connection
            }
            send(exchange, reply, fault.orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Api api(ApiRequest request) {
        List<String> parts = request.parts();
        if (parts.size() >= 2 && parts.get(0).equals("api") && parts.get(1).equals("v2")) {
            return hApi::handle;
        }
        if (!parts.isEmpty() && parts.get(0).equals("v1")) {
            return agiApi::handle;
        }
        return r -> Reply.detail(404, "Not Found");
    }

    /** One emulated API. */
    @FunctionalInterface
    interface Api {
        Reply handle(ApiRequest request) throws IOException;
    }

    private void send(HttpExchange exchange, Reply reply, Faults.Fault fault) throws IOException, InterruptedException {
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = json.writeValueAsBytes(reply.body());
        if (fault instanceof Faults.Fault.MalformedJson) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (fault instanceof Faults.Fault.SlowBody slow) {
                for (int i = 0; i < bytes.length; i += slow.chunkBytes()) {
                    out.write(bytes, i, Math.min(slow.chunkBytes(), bytes.length - i));
                    out.flush();
                    Thread.sleep(slow.pause().toMillis());
                }
            } else {
                out.write(bytes);
            }
        }
    }

    /** The {@code echo-key} fault: a 400 echoing the caller's key escaped, URL-encoded and in base64, written raw. */
    private static void echoKey(HttpExchange exchange) throws IOException {
        String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
        String key = auth.startsWith("Bearer ") ? auth.substring(7) : auth;
        StringBuilder unicode = new StringBuilder();
        key.chars().forEach(c -> unicode.append(String.format("\\u%04x", c)));
        String body = "{\"message\":\"invalid key " + key.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/")
                + "\",\"detail\":[{\"msg\":\"key " + unicode + "\",\"loc\":[\"header\",\"Authorization\"],"
                + "\"type\":\"value_error\",\"input\":\"" + java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)
                + "\"},{\"msg\":\"as sent: " + java.util.Base64.getEncoder().encodeToString(auth.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\",\"loc\":[\"header\"],\"type\":\"value_error\"}]}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(400, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Reads at most {@code limit} bytes; empty when the body is larger. */
    static Optional<byte[]> readBody(HttpExchange exchange, int limit) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                // Drain so the client, still uploading, gets to read the 413.
                in.transferTo(OutputStream.nullOutputStream());
                return Optional.empty();
            }
            return Optional.of(bytes);
        }
    }

    ObjectNode newObject() {
        return json.createObjectNode();
    }

    @Override
    public void close() {
        clock.close();
        server.stop(0);
        workers.shutdownNow();
    }
}
