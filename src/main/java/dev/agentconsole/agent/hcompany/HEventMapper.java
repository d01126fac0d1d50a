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
                case "AgentRunStatusChangeEvent" -> status(position, at, data.path("status"));
                case "ActiveStateChangeEvent" -> status(position, at, data.path("state"));
                case "AgentStartedEvent" -> new AgentEvent.Note(position, at, "agent started");
                case "AgentCompletionEvent" -> new AgentEvent.Note(position, at,
                        "agent finished" + reason(data.path("reason")));
                case "AgentErrorEvent" -> new AgentEvent.Failure(position, at,
                        data.path("error").asText("the agent failed"), Optional.empty());
                case "LiveViewUrlEvent" -> data.path("live_view_url").isTextual()
                        ? new AgentEvent.LiveView(position, at, data.path("live_view_url").asText()) : null;
                case "MetricsUpdateEvent" -> metrics(position, at, data.path("metrics"));
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
                    data.path("error").asText("error"), text(data.path("origin")).map(o -> "origin: " + o));
            case "observation_event" -> observation(position, at, data);
            case "tool_result" -> new AgentEvent.Note(position, at, "result of "
                    + data.path("tool_req").path("tool_name").asText("a tool")
                    + (data.path("truncated").asBoolean(false) ? " (truncated)" : ""));
            default -> null;
        };
    }

    private AgentEvent policy(long position, Instant at, JsonNode data) {
        JsonNode tools = data.path("tool_reqs");
        String thought = text(data.path("reasoning_content")).or(() -> text(data.path("content"))).orElse("");
        if (tools.isArray() && !tools.isEmpty() && thought.isEmpty()) {
            JsonNode first = tools.get(0);
            return new AgentEvent.Action(position, at, first.path("tool_name").asText("tool"), compact(first.path("args")));
        }
        List<String> actions = new ArrayList<>();
        tools.forEach(t -> actions.add((t.path("tool_name").asText("tool") + " " + compact(t.path("args"))).strip()));
        return new AgentEvent.Thought(position, at, thought, actions);
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
        return new AgentEvent.Observation(position, at, text(data.path("text")), image(data.path("image")));
    }

    private static AgentEvent status(long position, Instant at, JsonNode value) {
        String raw = value.asText("");
        return new AgentEvent.StatusChange(position, at, AgentStatus.fromWire(raw), raw);
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

    private String compact(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.toString();
    }

    String pretty(JsonNode n) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (JsonProcessingException e) {
            return n.toString();
        }
    }
}
