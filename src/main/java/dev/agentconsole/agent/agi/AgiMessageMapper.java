package dev.agentconsole.agent.agi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.http.WireJson;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * AGI messages ({@code {id, type, content, timestamp, metadata}}) to neutral events; the message id
 * is the position. A type it does not know becomes {@link AgentEvent.Other}, kept whole.
 */
final class AgiMessageMapper {

    private final ObjectMapper json;

    AgiMessageMapper(ObjectMapper json) {
        this.json = json;
    }

    AgentEvent map(JsonNode m) {
        long id = m.path("id").asLong(0);
        Instant at = WireJson.instant(m.path("timestamp"));
        String type = m.path("type").asText("");
        JsonNode content = m.path("content");
        String text = text(content);
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "THOUGHT" -> new AgentEvent.Thought(id, at, text, List.of());
            case "QUESTION" -> new AgentEvent.Question(id, at, text);
            case "USER" -> new AgentEvent.Message(id, at, "user", true, text, List.of());
            case "DONE" -> new AgentEvent.Answer(id, at, text, content.isContainerNode(),
                    Optional.ofNullable(m.path("metadata").path("outcome").textValue()));
            case "ERROR" -> new AgentEvent.Failure(id, at, text.isEmpty() ? "the agent reported an error" : text,
                    Optional.ofNullable(m.path("metadata").path("code").textValue()));
            case "LOG" -> new AgentEvent.Note(id, at, text);
            default -> new AgentEvent.Other(id, at, type.isEmpty() ? "(no type)" : type, m.toString());
        };
    }

    private String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isMissingNode() || content.isNull()) {
            return "";
        }
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(content);
        } catch (JsonProcessingException e) {
            return content.toString();
        }
    }
}
