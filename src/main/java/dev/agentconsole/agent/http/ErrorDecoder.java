package dev.agentconsole.agent.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns an unsuccessful answer into an {@link AgentError}, reading the body tolerantly
 * (reference section 3): {@code message} may be missing; {@code detail} may be a string, a list
 * of {@code {loc,msg,type}} or {@code {type,message}} objects or plain strings, or an object
 * (a 402 carries {@code limit}, {@code used}, {@code window_end}). A body that is not JSON is
 * shown as text.
 */
public final class ErrorDecoder {

    private static final int MAX_SHOWN = 500;

    private final ObjectMapper json;

    public ErrorDecoder(ObjectMapper json) {
        this.json = json;
    }

    public AgentError decode(int status, byte[] body, Optional<Duration> retryAfter) {
        return decode(status, body, retryAfter, Redaction.NONE);
    }

    /** As above, with {@code redaction} applied to the body once decoded (JSON escapes, URL encoding, base64). */
    public AgentError decode(int status, byte[] body, Optional<Duration> retryAfter, Redaction redaction) {
        Parsed p = parse(body, redaction);
        return switch (status) {
            case 400, 413, 422 -> new AgentError.Invalid(status, p.message, p.details);
            case 401 -> new AgentError.Unauthorized(p.text());
            case 402 -> new AgentError.BudgetExhausted(p.longField("limit"), p.longField("used"),
                    p.textField("window_end"), p.text());
            case 403 -> new AgentError.Forbidden(p.text());
            case 404 -> new AgentError.NotFound(p.text());
            case 409 -> new AgentError.Conflict(p.text());
            case 429 -> new AgentError.RateLimited(retryAfter, p.text());
            default -> RetryPolicy.isRetryableStatus(status)
                    ? new AgentError.Unavailable(status, retryAfter, p.text())
                    : new AgentError.Unexpected(status, p.text());
        };
    }

    private Parsed parse(byte[] body, Redaction redaction) {
        if (body == null || body.length == 0) {
            return new Parsed("", List.of(), null);
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException notJson) {
            return new Parsed(shorten(redaction.apply(new String(body, StandardCharsets.UTF_8).strip())), List.of(), null);
        }
        redaction.apply(root);
        if (root == null || !root.isObject()) {
            return new Parsed(root == null ? "" : shorten(root.isTextual() ? redaction.apply(root.asText()) : root.toString()),
                    List.of(), null);
        }
        String message = root.path("message").isTextual() ? root.path("message").asText() : "";
        if (message.isEmpty() && root.path("error").isTextual()) {
            message = root.path("error").asText();
        }
        JsonNode detail = root.path("detail");
        List<String> details = new ArrayList<>();
        JsonNode detailObject = null;
        if (detail.isTextual()) {
            details.add(detail.asText());
        } else if (detail.isArray()) {
            for (JsonNode d : detail) {
                details.add(describeDetail(d));
            }
        } else if (detail.isObject()) {
            detailObject = detail;
            if (detail.path("message").isTextual()) {
                details.add(detail.path("message").asText());
            } else if (detail.path("msg").isTextual()) {
                details.add(detail.path("msg").asText());
            }
        }
        return new Parsed(shorten(message), details.stream().map(ErrorDecoder::shorten).toList(), detailObject);
    }

    private static String describeDetail(JsonNode d) {
        if (d.isTextual()) {
            return d.asText();
        }
        if (!d.isObject()) {
            return d.toString();
        }
        String msg = d.path("msg").isTextual() ? d.path("msg").asText()
                : d.path("message").isTextual() ? d.path("message").asText()
                : d.path("type").asText(d.toString());
        JsonNode loc = d.path("loc");
        if (loc.isArray() && !loc.isEmpty()) {
            List<String> parts = new ArrayList<>();
            loc.forEach(part -> parts.add(part.asText()));
            return String.join(".", parts) + ": " + msg;
        }
        return msg;
    }

    private static String shorten(String s) {
        return s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN - 3) + "..." : s;
    }

    private record Parsed(String message, List<String> details, JsonNode detailObject) {

        String text() {
            if (details.isEmpty()) {
                return message;
            }
            String joined = String.join("; ", details);
            return message.isEmpty() || joined.equals(message) ? joined : message + " (" + joined + ")";
        }

        Optional<Long> longField(String name) {
            JsonNode n = detailObject == null ? null : detailObject.get(name);
            return n != null && n.canConvertToLong() ? Optional.of(n.asLong()) : Optional.empty();
        }

        Optional<String> textField(String name) {
            JsonNode n = detailObject == null ? null : detailObject.get(name);
            return n != null && !n.isNull() ? Optional.of(n.asText()) : Optional.empty();
        }
    }
}
