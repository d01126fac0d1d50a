package dev.agentconsole.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Faults the emulator injects, per route and per session, scripted from tests or from the
 * {@code emulator --fault} option. Every injected fault is counted by kind, so a test can compare
 * what was injected with what the client reports.
 */
public final class Faults {

    /** What goes wrong. */
    public sealed interface Fault {
        /** Answer with this status (and optional Retry-After, seconds or HTTP date) without handling the request. */
        record Status(int code, Optional<String> retryAfter) implements Fault {}

        /** Wait this long before handling the request. */
        record Delay(Duration delay) implements Fault {}

        /** Handle the request, then send the body a few bytes at a time. */
        record SlowBody(int chunkBytes, Duration pause) implements Fault {}

        /** Read and handle the request, then close the connection without answering. */
        record DropAfterRead() implements Fault {}

        /** Handle the request, then answer 200 with JSON cut in half. */
        record MalformedJson() implements Fault {}

        /** Put an event of a type no client knows into the session's stream before answering a read. */
        record UnknownEventType() implements Fault {}

        /** Put one event of every type H's spec defines into the session's stream before answering a read (H only). */
        record EveryEventType() implements Fault {}

        /** Close the SSE stream after every event. */
        record SseCloseAfterEvent() implements Fault {}

        /**
         * Refuse the request with a 400 whose body echoes the caller's key back in the forms a careless
         * server might: JSON-escaped ({@code \/}, backslash-u), URL-encoded and inside base64. A client
         * must show none of them.
         */
        record EchoKey() implements Fault {}

        /**
         * Answer a long poll at once instead of waiting: H's {@code /changes} with an empty {@code 200}
         * when there is nothing new, which the spec allows and busy servers and proxies do.
         */
        record Eager() implements Fault {}

        default String kind() {
            return getClass().getSimpleName();
        }
    }

    /**
     * @param route   e.g. {@code "POST /api/v2/sessions/{id}/messages"}, or {@code "*"} for every route
     * @param session a session id, or empty for every session
     * @param times   how many requests it hits, or -1 for all of them
     */
    public record Rule(String route, Optional<String> session, Fault fault, int times) {
        public static Rule on(String route, Fault fault, int times) {
            return new Rule(route, Optional.empty(), fault, times);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Long> injected = new ConcurrentHashMap<>();

    public synchronized void add(Rule rule) {
        rules.add(rule);
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** Takes the first rule matching this request and counts it. */
    synchronized Optional<Fault> take(String route, String sessionId) {
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            boolean routeMatches = r.route().equals("*") || r.route().equalsIgnoreCase(route);
            boolean sessionMatches = r.session().map(s -> s.equalsIgnoreCase(sessionId)).orElse(true);
            if (routeMatches && sessionMatches) {
                if (r.times() > 0) {
                    if (r.times() == 1) {
                        rules.remove(i);
                    } else {
                        rules.set(i, new Rule(r.route(), r.session(), r.fault(), r.times() - 1));
                    }
                }
                injected.merge(r.fault().kind(), 1L, Long::sum);
                if (r.fault() instanceof Fault.Status status) {
                    injected.merge("Status" + status.code(), 1L, Long::sum);
                }
                return Optional.of(r.fault());
            }
        }
        return Optional.empty();
    }

    /** How many faults of this kind were injected. */
    public long injected(Class<? extends Fault> kind) {
        return injected.getOrDefault(kind.getSimpleName(), 0L);
    }

    /** How many injected status faults answered with {@code code}. */
    public long injectedStatus(int code) {
        return injected.getOrDefault("Status" + code, 0L);
    }

    /**
     * Parses the {@code --fault} option: comma-separated {@code key=value} pairs, e.g.
     * {@code status=503,retry-after=2,route=POST /v1/sessions/{id}/message,times=3} or
     * {@code drop,route=*,times=1}. Keys: one of status, delay-ms, slow-body, drop, malformed-json,
     * unknown-event, every-event, sse-close, eager, echo-key; plus retry-after, route (default *), session, times (default 1; -1 for all).
     * A value in double quotes may hold commas: {@code retry-after="Wed, 21 Oct 2026 07:28:00 GMT"}.
     */
    public static Rule parse(String spec) {
        Map<String, String> kv = new java.util.LinkedHashMap<>();
        for (String part : split(spec)) {
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' in '" + spec + "': use " + String.join(", ", KEYS));
            }
            kv.put(key, eq < 0 ? "" : unquote(part.substring(eq + 1).strip()));
        }
        try {
            Fault fault = fault(kv, spec);
            int times = Integer.parseInt(kv.getOrDefault("times", "1"));
            if (times == 0 || times < -1) {
                throw new IllegalArgumentException("times must be 1 or more, or -1 for every request, got " + times);
            }
            return new Rule(kv.getOrDefault("route", "*"), Optional.ofNullable(kv.get("session")), fault, times);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number in the fault '" + spec + "' is not a whole number: " + e.getMessage());
        }
    }

    private static final List<String> KEYS = List.of("status", "retry-after", "delay-ms", "slow-body", "drop", "malformed-json",
            "unknown-event", "every-event", "sse-close", "eager", "echo-key", "route", "session", "times");

    private static Fault fault(Map<String, String> kv, String spec) {
        if (kv.containsKey("status")) {
            int code = Integer.parseInt(kv.get("status"));
            if (code < 100 || code > 599) {
                throw new IllegalArgumentException("status must be 100 to 599, got " + code);
            }
            Optional<String> retryAfter = Optional.ofNullable(kv.get("retry-after"));
            retryAfter.filter(r -> !isRetryAfter(r)).ifPresent(r -> {
                throw new IllegalArgumentException("retry-after must be whole seconds (0 or more) or an HTTP date in quotes "
                        + "(retry-after=\"Wed, 21 Oct 2026 07:28:00 GMT\"), got '" + r + "'");
            });
            return new Fault.Status(code, retryAfter);
        }
        if (kv.containsKey("delay-ms")) {
            long ms = Long.parseLong(kv.get("delay-ms"));
            if (ms < 0) {
                throw new IllegalArgumentException("delay-ms must be 0 or more, got " + ms);
            }
            return new Fault.Delay(Duration.ofMillis(ms));
        }
        if (kv.containsKey("slow-body")) {
            long ms = kv.get("slow-body").isEmpty() ? 50 : Long.parseLong(kv.get("slow-body"));
            if (ms < 1) {
                throw new IllegalArgumentException("slow-body must be 1 ms or more, got " + ms);
            }
            return new Fault.SlowBody(8, Duration.ofMillis(ms));
        }
        if (kv.containsKey("drop")) {
            return new Fault.DropAfterRead();
        }
        if (kv.containsKey("malformed-json")) {
            return new Fault.MalformedJson();
        }
        if (kv.containsKey("unknown-event")) {
            return new Fault.UnknownEventType();
        }
        if (kv.containsKey("every-event")) {
            return new Fault.EveryEventType();
        }
        if (kv.containsKey("sse-close")) {
            return new Fault.SseCloseAfterEvent();
        }
        if (kv.containsKey("eager")) {
            return new Fault.Eager();
        }
        if (kv.containsKey("echo-key")) {
            return new Fault.EchoKey();
        }
        throw new IllegalArgumentException("no fault kind in '" + spec
                + "': use status=N, delay-ms=N, slow-body[=MS], drop, malformed-json, unknown-event, every-event, sse-close, eager or echo-key");
    }

    /** The parts between commas, a comma inside double quotes staying in its part. */
    private static List<String> split(String spec) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : spec.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("an unclosed quote in '" + spec + "'");
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** What a server may put in Retry-After: delay-seconds or an HTTP date (RFC 9110). */
    private static boolean isRetryAfter(String value) {
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        try {
            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
