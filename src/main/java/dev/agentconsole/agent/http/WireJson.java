package dev.agentconsole.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentError;
import dev.agentconsole.agent.AgentException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading and writing one provider's JSON bodies, with its name in every complaint. */
public final class WireJson {

    private final ObjectMapper json;
    private final String provider;

    public WireJson(ObjectMapper json, String provider) {
        this.json = json;
        this.provider = provider;
    }

    /** The answer's body as {@code type}; an answer that is not that JSON is an {@link AgentError.Unexpected}. */
    public <T> T read(HttpCaller.Answer answer, Class<T> type) {
        try {
            T value = json.readValue(answer.body(), type);
            if (value == null) {
                throw new AgentException(new AgentError.Unexpected(answer.code(), "the answer was empty"));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new AgentException(new AgentError.Unexpected(answer.code(),
                    "the answer is not the JSON " + provider + " documents: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new AgentException(new AgentError.Unexpected(answer.code(), "the answer could not be read"));
        }
    }

    public byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a request as JSON", e);
        }
    }

    /** An ISO-8601 timestamp, with or without an offset (UTC assumed); now when unreadable, so no event is lost over it. */
    public static Instant instant(JsonNode n) {
        if (n != null && n.isTextual()) {
            return parseInstant(n.asText()).orElseGet(Instant::now);
        }
        return Instant.now();
    }

    public static Optional<Instant> parseInstant(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
