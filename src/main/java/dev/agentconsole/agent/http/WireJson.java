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
    private final Redaction redaction;

    /** @param redaction what to take out of every answer once decoded (the key, in any form a server echoes it) */
    public WireJson(ObjectMapper json, String provider, Redaction redaction) {
        this.json = json;
        this.provider = provider;
        this.redaction = redaction;
    }

    /**
     * The answer's body as {@code type}, with the key taken out of every string once decoded; an
     * answer that is not that JSON is an {@link AgentError.Unexpected}.
     */
    public <T> T read(HttpCaller.Answer answer, Class<T> type) {
        try {
            JsonNode tree = json.readTree(answer.body());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new AgentException(new AgentError.Unexpected(answer.code(), "the answer was empty"));
            }
            T value = json.treeToValue(redaction.apply(tree), type);
            if (value == null) {
                throw new AgentException(new AgentError.Unexpected(answer.code(), "the answer was empty"));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new AgentException(new AgentError.Unexpected(answer.code(),
                    "the answer is not the JSON " + provider + " documents: " + redaction.apply(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new AgentException(new AgentError.Unexpected(answer.code(), "the answer could not be read"));
        }
    }

    /** The answer's body as {@code type} (a generic one, such as a list), redacted as {@link #read(HttpCaller.Answer, Class)} does. */
    public <T> T read(HttpCaller.Answer answer, com.fasterxml.jackson.databind.JavaType type) {
        try {
            JsonNode tree = json.readTree(answer.body());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new AgentException(new AgentError.Unexpected(answer.code(), "the answer was empty"));
            }
            return json.treeToValue(redaction.apply(tree), type);
        } catch (JsonProcessingException e) {
            throw new AgentException(new AgentError.Unexpected(answer.code(),
                    "the answer is not the JSON " + provider + " documents: " + redaction.apply(e.getOriginalMessage())));
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
