package dev.agentconsole.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Events and outgoing messages as JSON for the store: explicit fields per kind, so a stored
 * history stays readable when a record gains a component (a missing field reads as empty).
 */
final class EventCodec {

    /** Costs keep their digits: decimals are read exact and written without an exponent. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private EventCodec() {}

    static String kind(AgentEvent e) {
        return e.getClass().getSimpleName();
    }

    static String encode(AgentEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("at", e.at().toEpochMilli());
        if (e instanceof AgentEvent.Thought t) {
            o.put("text", t.text()).put("content", t.content());
            strings(o.putArray("actions"), t.actions());
            strings(o.putArray("validationErrors"), t.validationErrors());
        } else if (e instanceof AgentEvent.ToolResult r) {
            o.put("call", r.call()).put("result", r.result()).put("truncated", r.truncated());
            r.artifactPath().ifPresent(v -> o.put("artifactPath", v));
        } else if (e instanceof AgentEvent.Step s) {
            o.put("title", s.title());
            details(o.putArray("details"), s.details());
        } else if (e instanceof AgentEvent.Action a) {
            o.put("tool", a.tool()).put("arguments", a.arguments());
        } else if (e instanceof AgentEvent.Message m) {
            o.put("callerId", m.callerId()).put("fromOperator", m.fromOperator()).put("text", m.text());
            strings(o.putArray("images"), m.images());
        } else if (e instanceof AgentEvent.Question q) {
            o.put("text", q.text());
        } else if (e instanceof AgentEvent.Answer a) {
            o.put("text", a.text()).put("structured", a.structured());
            a.outcome().ifPresent(v -> o.put("outcome", v));
        } else if (e instanceof AgentEvent.Observation ob) {
            ob.text().ifPresent(v -> o.put("text", v));
            ob.image().ifPresent(v -> o.put("image", v));
            details(o.putArray("details"), ob.details());
        } else if (e instanceof AgentEvent.StatusChange s) {
            o.put("status", s.status().name()).put("raw", s.rawStatus());
            strings(o.putArray("details"), s.details());
        } else if (e instanceof AgentEvent.Failure f) {
            o.put("message", f.message());
            f.code().ifPresent(v -> o.put("code", v));
            details(o.putArray("details"), f.details());
        } else if (e instanceof AgentEvent.LiveView l) {
            o.put("url", l.url());
        } else if (e instanceof AgentEvent.Metrics m) {
            m.steps().ifPresent(v -> o.put("steps", v));
            m.costUsd().ifPresent(v -> o.put("costUsd", v));
        } else if (e instanceof AgentEvent.Note n) {
            o.put("text", n.text());
        } else if (e instanceof AgentEvent.Other other) {
            o.put("type", other.type()).put("raw", other.rawJson());
        }
        return o.toString();
    }

    static AgentEvent decode(String kind, long position, String body) {
        JsonNode o = tree(body);
        Instant at = Instant.ofEpochMilli(o.path("at").asLong());
        return switch (kind) {
            case "Thought" -> new AgentEvent.Thought(position, at, text(o, "text"), text(o, "content"),
                    strings(o.path("actions")), strings(o.path("validationErrors")));
            case "ToolResult" -> new AgentEvent.ToolResult(position, at, text(o, "call"), text(o, "result"),
                    o.path("truncated").asBoolean(), optional(o, "artifactPath"));
            case "Step" -> new AgentEvent.Step(position, at, text(o, "title"), details(o.path("details")));
            case "Action" -> new AgentEvent.Action(position, at, text(o, "tool"), text(o, "arguments"));
            case "Message" -> new AgentEvent.Message(position, at, text(o, "callerId"), o.path("fromOperator").asBoolean(),
                    text(o, "text"), strings(o.path("images")));
            case "Question" -> new AgentEvent.Question(position, at, text(o, "text"));
            case "Answer" -> new AgentEvent.Answer(position, at, text(o, "text"), o.path("structured").asBoolean(),
                    optional(o, "outcome"));
            case "Observation" -> new AgentEvent.Observation(position, at, optional(o, "text"), optional(o, "image"),
                    details(o.path("details")));
            case "StatusChange" -> new AgentEvent.StatusChange(position, at, status(text(o, "status")), text(o, "raw"),
                    strings(o.path("details")));
            case "Failure" -> new AgentEvent.Failure(position, at, text(o, "message"), optional(o, "code"),
                    details(o.path("details")));
            case "LiveView" -> new AgentEvent.LiveView(position, at, text(o, "url"));
            case "Metrics" -> new AgentEvent.Metrics(position, at,
                    o.has("steps") ? Optional.of(o.get("steps").asInt()) : Optional.empty(),
                    o.has("costUsd") ? Optional.of(o.get("costUsd").decimalValue()) : Optional.empty());
            case "Note" -> new AgentEvent.Note(position, at, text(o, "text"));
            default -> new AgentEvent.Other(position, at, o.has("type") ? text(o, "type") : kind,
                    o.has("raw") ? text(o, "raw") : body);
        };
    }

    /** An outgoing message with each image replaced by {@code hashOf(image)}. */
    static String encode(Outgoing outgoing, Function<String, String> hashOf) {
        ObjectNode o = JSON.createObjectNode();
        o.put("batch", outgoing instanceof Outgoing.Batch);
        ArrayNode messages = o.putArray("messages");
        for (OutgoingMessage m : outgoing.messages()) {
            ObjectNode n = messages.addObject();
            n.put("text", m.text());
            m.callerId().ifPresent(v -> n.put("callerId", v));
            m.startUrl().ifPresent(v -> n.put("startUrl", v));
            ArrayNode images = n.putArray("images");
            m.images().forEach(uri -> images.add(hashOf.apply(uri)));
        }
        return o.toString();
    }

    /** The outgoing message back, each image hash replaced by {@code imageOf(hash)}. */
    static Outgoing decodeOutgoing(String body, Function<String, String> imageOf) {
        JsonNode o = tree(body);
        List<OutgoingMessage> messages = new ArrayList<>();
        for (JsonNode n : o.path("messages")) {
            List<String> images = strings(n.path("images")).stream().map(imageOf).toList();
            messages.add(new OutgoingMessage(text(n, "text"), images, optional(n, "callerId"), optional(n, "startUrl")));
        }
        return o.path("batch").asBoolean() ? new Outgoing.Batch(messages) : new Outgoing.Single(messages.get(0));
    }

    static String encodeLines(List<String> lines) {
        ArrayNode a = JSON.createArrayNode();
        lines.forEach(a::add);
        return a.toString();
    }

    static List<String> decodeLines(String json) {
        return json == null || json.isEmpty() ? List.of() : strings(tree(json));
    }

    private static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored record is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void details(ArrayNode into, List<AgentEvent.Detail> details) {
        details.forEach(d -> into.addObject().put("label", d.label()).put("text", d.text()));
    }

    private static List<AgentEvent.Detail> details(JsonNode array) {
        List<AgentEvent.Detail> out = new ArrayList<>();
        array.forEach(n -> out.add(new AgentEvent.Detail(text(n, "label"), text(n, "text"))));
        return out;
    }

    private static String text(JsonNode o, String field) {
        return o.path(field).asText("");
    }

    private static Optional<String> optional(JsonNode o, String field) {
        JsonNode n = o.get(field);
        return n == null || n.isNull() ? Optional.empty() : Optional.of(n.asText());
    }

    private static AgentStatus status(String name) {
        try {
            return AgentStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            return AgentStatus.UNKNOWN;
        }
    }
}
