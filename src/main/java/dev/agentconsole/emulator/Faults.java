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
     */
    public static Rule parse(String spec) {
        Map<String, String> kv = new java.util.LinkedHashMap<>();
        for (String part : spec.split(",")) {
            int eq = part.indexOf('=');
            String key = (eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            kv.put(key, eq < 0 ? "" : part.substring(eq + 1).strip());
        }
        Fault fault;
        try {
            if (kv.containsKey("status")) {
                int code = Integer.parseInt(kv.get("status"));
                if (code < 100 || code > 599) {
                    throw new IllegalArgumentException("status must be 100 to 599, got " + code);
                }
                fault = new Fault.Status(code, Optional.ofNullable(kv.get("retry-after")));
            } else if (kv.containsKey("delay-ms")) {
                fault = new Fault.Delay(Duration.ofMillis(Long.parseLong(kv.get("delay-ms"))));
            } else if (kv.containsKey("slow-body")) {
                fault = new Fault.SlowBody(8, Duration.ofMillis(kv.get("slow-body").isEmpty() ? 50 : Long.parseLong(kv.get("slow-body"))));
            } else if (kv.containsKey("drop")) {
                fault = new Fault.DropAfterRead();
            } else if (kv.containsKey("malformed-json")) {
                fault = new Fault.MalformedJson();
            } else if (kv.containsKey("unknown-event")) {
                fault = new Fault.UnknownEventType();
            } else if (kv.containsKey("every-event")) {
                fault = new Fault.EveryEventType();
            } else if (kv.containsKey("sse-close")) {
                fault = new Fault.SseCloseAfterEvent();
            } else if (kv.containsKey("eager")) {
                fault = new Fault.Eager();
            } else if (kv.containsKey("echo-key")) {
                fault = new Fault.EchoKey();
            } else {
                throw new IllegalArgumentException("no fault kind in '" + spec
                        + "': use status=N, delay-ms=N, slow-body[=MS], drop, malformed-json, unknown-event, every-event, sse-close, eager or echo-key");
            }
            int times = Integer.parseInt(kv.getOrDefault("times", "1"));
            return new Rule(kv.getOrDefault("route", "*"), Optional.ofNullable(kv.get("session")), fault, times);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a number in the fault '" + spec + "' is not a whole number: " + e.getMessage());
        }
    }
}
