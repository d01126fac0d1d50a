package dev.agentconsole.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One request as the emulated APIs see it: decoded path segments and query, its route key
 * (the path with the session id replaced by {@code {id}}) and the fault chosen for it, if any.
 */
record ApiRequest(HttpExchange exchange, String method, List<String> parts, Map<String, String> query,
                  String route, Optional<String> sessionId, Optional<Faults.Fault> fault) {

    static ApiRequest of(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        List<String> parts = segments(exchange.getRequestURI().getRawPath());
        Optional<String> session = Optional.empty();
        List<String> shape = new ArrayList<>(parts);
        int at = parts.indexOf("sessions");
        if (at >= 0 && at + 1 < parts.size() && !parts.get(at + 1).equals("quota")) {
            session = Optional.of(parts.get(at + 1));
            shape.set(at + 1, "{id}");
        }
        String route = method + " /" + String.join("/", shape);
        return new ApiRequest(exchange, method, parts, query(exchange.getRequestURI().getRawQuery()), route, session,
                Optional.empty());
    }

    ApiRequest withFault(Optional<Faults.Fault> chosen) {
        return new ApiRequest(exchange, method, parts, query, route, sessionId, chosen);
    }

    boolean hasFault(Class<? extends Faults.Fault> kind) {
        return fault.filter(kind::isInstance).isPresent();
    }

    private static List<String> segments(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                parts.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.putIfAbsent(k, v);
        }
        return q;
    }
}
