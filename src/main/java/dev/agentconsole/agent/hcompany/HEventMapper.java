package dev.agentconsole.agent.hcompany;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.http.WireJson;
import dev.agentconsole.agent.AgentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * H's {@code SessionEvent}s ({@code {type, data, timestamp}}) to provider-neutral events. Any
 * type, kind or shape it does not know becomes {@link AgentEvent.Other} with the raw JSON:
 * shown, never dropped, never an exception.
 */
final class HEventMapper {

    private final ObjectMapper json;

    HEventMapper(ObjectMapper json) {
        this.json = json;
    }

    AgentEvent map(long position, JsonNode event) {
        Instant at = WireJson.instant(event.path("timestamp"));
        String type = event.path("type").asText("");
        JsonNode data = event.path("data");
        try {
            AgentEvent mapped = switch (type) {
                case "AgentEvent" -> agentEvent(position, at, data);
                case "AgentRunStatusChangeEvent" -> status(position, at, data.path("status"), List.of());
                case "ActiveStateChangeEvent" -> status(position, at, data.path("state"), calls(data.path("pending_tool_calls")));
                case "AgentStartedEvent" -> new AgentEvent.Note(position, at, "agent started");
                case "AgentCompletionEvent" -> new AgentEvent.Note(position, at,
                        "agent finished" + reason(data.path("reason")));
                case "AgentErrorEvent" -> new AgentEvent.Failure(position, at,
                        data.path("error").asText("the agent failed"), Optional.empty(), details(data, "error"));
                case "LiveViewUrlEvent" -> data.path("live_view_url").isTextual()
                        ? new AgentEvent.LiveView(position, at, data.path("live_view_url").asText()) : null;
                case "MetricsUpdateEvent" -> metrics(position, at, data.path("metrics"));
                case "RequestStartEvent" -> new AgentEvent.Step(position, at, "start requested", details(data));
                case "RequestStartDispatchedEvent" -> new AgentEvent.Step(position, at, "start dispatched", details(data));
                case "FileTransferEvent" -> data.path("path").isTextual()
                        ? new AgentEvent.Step(position, at, "file " + data.path("direction").asText("transfer"),
                                details(data, "direction")) : null;
                default -> null;
            };
            return mapped != null ? mapped : other(position, at, type, event);
        } catch (RuntimeException malformed) {
            return other(position, at, type, event);
        }
    }

    private AgentEvent agentEvent(long position, Instant at, JsonNode data) {
        return switch (data.path("kind").asText("")) {
            case "policy_event" -> policy(position, at, data);
            case "message_event" -> message(position, at, data);
            case "answer_event" -> answer(position, at, data);
            case "error_event" -> new AgentEvent.Failure(position, at,
                    data.path("error").asText("error"), Optional.empty(), details(data, "kind", "error"));
            case "observation_event" -> observation(position, at, data);
            case "tool_result" -> new AgentEvent.ToolResult(position, at, call(data.path("tool_req")),
                    result(data.path("result")), data.path("truncated").asBoolean(false),
                    text(data.path("output_artifact_path")));
            case "flow_event" -> data.path("flow").isTextual()
                    ? new AgentEvent.Step(position, at, "flow " + data.path("flow").asText(), details(data, "kind", "flow"))
                    : null;
            default -> null;
        };
    }

    private AgentEvent policy(long position, Instant at, JsonNode data) {
        List<String> problems = new ArrayList<>();
        data.path("validation_errors").forEach(v -> problems.add(v.isTextual() ? v.asText() : compact(v)));
        return new AgentEvent.Thought(position, at, text(data.path("reasoning_content")).orElse(""),
                text(data.path("content")).orElse(""), calls(data.path("tool_reqs")), problems);
    }

    /** Each {@code ToolRequest} as "tool {args}", with its id when it has one (a result names it). */
    private List<String> calls(JsonNode requests) {
        List<String> calls = new ArrayList<>();
        requests.forEach(r -> calls.add(call(r)));
        return calls;
    }

    private String call(JsonNode request) {
        String args = request.path("args").isEmpty() ? "" : compact(request.path("args"));
        String id = text(request.path("id")).map(i -> " (id " + i + ")").orElse("");
        return (request.path("tool_name").asText("tool") + " " + args).strip() + id;
    }

    /** A tool's {@code JsonValue}: a string as it is, anything else as JSON. */
    private String result(JsonNode result) {
        if (result.isMissingNode() || result.isNull()) {
            return "";
        }
        return result.isTextual() ? result.asText() : pretty(result);
    }

    /**
     * The payload's fields beside those already shown ({@code shown}), each labelled by its name:
     * strings as they are, anything else as JSON, empty ones left out.
     */
    private List<AgentEvent.Detail> details(JsonNode data, String... shown) {
        List<AgentEvent.Detail> details = new ArrayList<>();
        List<String> skip = List.of(shown);
        data.properties().forEach(f -> {
            JsonNode v = f.getValue();
            boolean empty = v.isNull() || (v.isTextual() && v.asText().isBlank()) || (v.isContainerNode() && v.isEmpty());
            if (!skip.contains(f.getKey()) && !empty) {
                String text = f.getKey().equals("tool_req") ? call(v) : v.isTextual() ? v.asText() : compact(v);
                details.add(new AgentEvent.Detail(f.getKey().replace('_', ' '), text));
            }
        });
        return details;
    }

    private AgentEvent message(long position, Instant at, JsonNode data) {
        String caller = data.path("caller_id").asText("");
        List<String> texts = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (JsonNode part : data.path("content")) {
            if (part.isTextual()) {
                texts.add(part.asText());
            } else {
                image(part).ifPresent(images::add);
            }
        }
        return new AgentEvent.Message(position, at, caller, caller.equals("user"), String.join("\n", texts), images);
    }

    private AgentEvent answer(long position, Instant at, JsonNode data) {
        JsonNode answer = data.path("answer");
        Optional<String> outcome = text(data.path("outcome"));
        if (answer.isContainerNode()) {
            return new AgentEvent.Answer(position, at, pretty(answer), true, outcome);
        }
        return new AgentEvent.Answer(position, at, answer.asText(""), false, outcome);
    }

    private AgentEvent observation(long position, Instant at, JsonNode data) {
        return new AgentEvent.Observation(position, at, text(data.path("text")), image(data.path("image")),
                details(data, "kind", "text", "image"));
    }

    private static AgentEvent status(long position, Instant at, JsonNode value, List<String> details) {
        String raw = value.asText("");
        return new AgentEvent.StatusChange(position, at, AgentStatus.fromWire(raw), raw, details);
    }

    private static AgentEvent metrics(long position, Instant at, JsonNode m) {
        Optional<Integer> steps = m.path("steps").canConvertToInt() ? Optional.of(m.path("steps").asInt()) : Optional.empty();
        Optional<BigDecimal> cost = m.path("total_cost").isNumber()
                ? Optional.of(m.path("total_cost").decimalValue()) : Optional.empty();
        return new AgentEvent.Metrics(position, at, steps, cost);
    }

    /** {@code ImageContent}: a URL, or base64 made into a data URI. */
    static Optional<String> image(JsonNode image) {
        if (image == null || !image.isObject() || !image.path("source").isTextual()) {
            return Optional.empty();
        }
        String source = image.path("source").asText();
        if ("base64".equals(image.path("type").asText()) && !source.startsWith("data:")) {
            return Optional.of("data:" + image.path("media_type").asText("image/png") + ";base64," + source);
        }
        return Optional.of(source);
    }

    private AgentEvent other(long position, Instant at, String type, JsonNode raw) {
        return new AgentEvent.Other(position, at, type.isEmpty() ? "(no type)" : type, raw.toString());
    }

    private static Optional<String> text(JsonNode n) {
        return n != null && n.isTextual() && !n.asText().isBlank() ? Optional.of(n.asText()) : Optional.empty();
    }

    private static String reason(JsonNode n) {
        return n.isTextual() ? ": " + n.asText() : "";
    }

    /** One-line JSON written by the shared mapper, so numbers keep the server's digits. */
    private String compact(JsonNode n) {
        if (n.isMissingNode() || n.isNull()) {
            return "";
        }
        try {
            return json.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            return n.toString();
        }
    }

    String pretty(JsonNode n) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            return n.toString();
        }
    }
}
