package dev.agentconsole.app.instance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.agentconsole.agent.Provider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The socket's words: one line of JSON each way. A request is
 * {@code {"v":1,"provider":"agi","baseUrl":"https://...","session":"<uuid>","callerId":"...","profile":"..."}} (absent
 * fields left out); the reply is {@code {"v":1,"ok":true}} or {@code {"v":1,"ok":false,"error":"..."}}.
 * Jackson's streaming reader only (no data binding): every field is checked by name and type here,
 * and anything else, an unknown field (a key, say) included, refuses the whole request.
 */
final class Wire {

    static final int VERSION = 1;
    /** A line longer than this (without its newline) is refused unread. */
    static final int MAX_BYTES = 8 * 1024;
    /** Error replies are cut to this, so a reply always fits in a line the other side reads. */
    private static final int MAX_ERROR_CHARS = 500;

    /** In a holder: the sender's side never loads Jackson. */
    private static final class Json {
        static final JsonFactory FACTORY = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    /** The other side's answer. */
    record Reply(boolean ok, Optional<String> error) {}

    private Wire() {}

    /**
     * The request as one line, newline included. Written by hand, not by Jackson: a handed-over
     * launch ends sooner without loading it, and an {@link OpenRequest} holds no control character,
     * so a quote and a backslash are all there is to escape.
     */
    static byte[] encode(OpenRequest request) {
        StringBuilder json = new StringBuilder(128).append("{\"v\":").append(VERSION);
        request.provider().ifPresent(p -> field(json, "provider", p.cliName()));
        request.baseUrl().ifPresent(u -> field(json, "baseUrl", u));
        request.session().ifPresent(s -> field(json, "session", s));
        request.callerId().ifPresent(c -> field(json, "callerId", c));
        request.profile().ifPresent(n -> field(json, "profile", n));
        byte[] line = json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
        if (line.length - 1 > MAX_BYTES) {
            throw new IllegalArgumentException("the request is longer than " + MAX_BYTES + " bytes");
        }
        return line;
    }

    /**
     * A request line (without its newline), checked strictly.
     *
     * @throws IllegalArgumentException saying what is wrong, in words fit for the reply
     */
    static OpenRequest decode(byte[] line) {
        if (line.length > MAX_BYTES) {
            throw new IllegalArgumentException("the request is longer than " + MAX_BYTES + " bytes");
        }
        String text = strictUtf8(line);
        Integer version = null;
        String provider = null;
        String baseUrl = null;
        String session = null;
        String callerId = null;
        String profile = null;
        try (JsonParser p = Json.FACTORY.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the request is not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw new IllegalArgumentException("the request is cut short");
                }
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "v" -> version = integer(p, value);
                    case "provider" -> provider = string(p, value, name);
                    case "baseUrl" -> baseUrl = string(p, value, name);
                    case "session" -> session = string(p, value, name);
                    case "callerId" -> callerId = string(p, value, name);
                    case "profile" -> profile = string(p, value, name);
                    default -> throw new IllegalArgumentException("unknown field '" + shown(name) + "'");
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("the request has more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the request is not valid JSON: " + shown(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does no I/O
        }
        if (version == null) {
            throw new IllegalArgumentException("the request has no version field 'v'");
        }
        if (version != VERSION) {
            throw new IllegalArgumentException("request version " + version + " is not spoken here (this console speaks "
                    + VERSION + "): update the older of the two");
        }
        return new OpenRequest(Optional.ofNullable(provider).map(Wire::provider), Optional.ofNullable(baseUrl),
                Optional.ofNullable(session), Optional.ofNullable(callerId), Optional.ofNullable(profile));
    }

    private static final byte[] OK = ("{\"v\":" + VERSION + ",\"ok\":true}\n").getBytes(StandardCharsets.UTF_8);

    static byte[] ok() {
        return OK.clone();
    }

    static byte[] error(String message) {
        String cut = message.length() > MAX_ERROR_CHARS ? message.substring(0, MAX_ERROR_CHARS) + "..." : message;
        return write(g -> {
            g.writeNumberField("v", VERSION);
            g.writeBooleanField("ok", false);
            g.writeStringField("error", safe(cut));
        });
    }

    /** The running console's reply; anything not shaped like one is an {@link IllegalArgumentException}. */
    static Reply decodeReply(byte[] line) {
        if (Arrays.equals(line, 0, line.length, OK, 0, OK.length - 1)) {
            return new Reply(true, Optional.empty()); // the usual answer, read without loading Jackson
        }
        Boolean ok = null;
        String error = null;
        try (JsonParser p = Json.FACTORY.createParser(strictUtf8(line))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw new IllegalArgumentException("the reply is cut short");
                }
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "ok" -> ok = value == JsonToken.VALUE_TRUE ? Boolean.TRUE : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
                    case "error" -> error = string(p, value, name);
                    default -> p.skipChildren(); // "v" and whatever a later version adds
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the reply is not valid JSON");
        }
        if (ok == null) {
            throw new IllegalArgumentException("the reply says neither ok nor not");
        }
        return new Reply(ok, ok ? Optional.empty() : Optional.of(error == null ? "(no reason given)" : safe(error)));
    }

    private static Provider provider(String name) {
        for (Provider p : Provider.values()) {
            if (p.cliName().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + shown(name) + "': demo, hcompany or agi");
    }

    private static int integer(JsonParser p, JsonToken value) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw new IllegalArgumentException("the version field 'v' is not a small whole number");
        }
        return p.getIntValue();
    }

    private static String string(JsonParser p, JsonToken value, String name) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("the field '" + name + "' is not a string");
        }
        return p.getText();
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the request is not valid UTF-8");
        }
    }

    /** A piece of the other side's words, to echo in a sentence: cut short, and safe. */
    private static String shown(String text) {
        return text == null ? "" : safe(text.length() > 80 ? text.substring(0, 77) + "..." : text);
    }

    /** Control characters shown as '?': what is echoed never moves a terminal's cursor. */
    private static String safe(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return b.toString();
    }

    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(",\"").append(name).append("\":\"");
        value.codePoints().forEach(c -> (c == '"' || c == '\\' ? json.append('\\') : json).appendCodePoint(c));
        json.append('"');
    }

    private static byte[] write(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does no I/O
        }
        out.write('\n');
        return out.toByteArray();
    }
}
