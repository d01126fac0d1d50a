package dev.agentconsole.agent.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
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
import okhttp3.OkHttpClient;
import okhttp3.Request;

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
            return parse(answer, type);
        } catch (CutShortAnswer e) {
            throw new AgentException(new AgentError.Unexpected(answer.code(),
                    "the answer is not the JSON " + provider + " documents: " + e.getMessage()));
        }
    }

    /** A read through {@code caller}, as {@code type}: an answer cut short is asked for again. */
    public <T> T read(HttpCaller caller, OkHttpClient client, Request request, Class<T> type) {
        return caller.read(client, request, answer -> parse(answer, type));
    }

    /**
     * The answer's body as {@code type}. JSON that breaks off (or is not JSON at all) is
     * {@link CutShortAnswer}: a read may be asked again. Whole JSON of the wrong shape would only
     * come back the same, so it is an {@link AgentError.Unexpected} at once. Every string is redacted
     * once decoded (a key echoed with JSON escapes is only the key after decoding).
     */
    public <T> T parse(HttpCaller.Answer answer, Class<T> type) throws CutShortAnswer {
        return parse(answer, json.getTypeFactory().constructType(type));
    }

    /** As {@link #parse(HttpCaller.Answer, Class)}, for a generic type such as a list. */
    public <T> T parse(HttpCaller.Answer answer, com.fasterxml.jackson.databind.JavaType type) throws CutShortAnswer {
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
            Optional<StreamReadException> broken = syntaxError(e);
            if (broken.isPresent()) {
                throw cutShort(broken.get(), answer.body().length);
            }
            throw new AgentException(new AgentError.Unexpected(answer.code(),
                    "the answer is not the JSON " + provider + " documents: " + redaction.apply(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new AgentException(new AgentError.Unexpected(answer.code(), "the answer could not be read"));
        }
    }

    /**
     * Where the body broke, never what it said there (the parser's own message quotes the body,
     * and a server may have put anything in it, a key included).
     */
    private static CutShortAnswer cutShort(StreamReadException e, int length) {
        long at = e.getLocation() == null ? -1 : e.getLocation().getByteOffset();
        if (at < 0 || at >= length) {
            return new CutShortAnswer("the answer was cut short (" + length + " bytes, ending mid-JSON)");
        }
        return new CutShortAnswer("the answer is not JSON (it stops being JSON at byte " + at + " of " + length + ")");
    }

    /** A syntax error, itself or wrapped (a record's deserializer wraps the one it met in a field). */
    private static Optional<StreamReadException> syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StreamReadException s) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The answer's body as {@code type} (a generic one, such as a list), redacted as {@link #read(HttpCaller.Answer, Class)} does. */
    public <T> T read(HttpCaller.Answer answer, com.fasterxml.jackson.databind.JavaType type) {
        try {
            return parse(answer, type);
        } catch (CutShortAnswer e) {
            throw new AgentException(new AgentError.Unexpected(answer.code(),
                    "the answer is not the JSON " + provider + " documents: " + e.getMessage()));
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
