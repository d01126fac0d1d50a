package dev.agentconsole.store.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.store.Archive;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

/**
 * The whole session as JSON, losing nothing: every stored event exactly as stored (its JSON
 * inlined unchanged, with its position, place and kind) and every outbox row (state, cause,
 * attempts, times, the message with its images as data URIs). With ids hidden, the session id and
 * the server's host are replaced in every string, and nothing else changes.
 */
final class JsonExport {

    static final String FORMAT = "agent-console session";
    static final int VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonExport() {}

    static void write(Archive archive, Redactor r, Instant now, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeStringField("exportedAt", now.toString());
            g.writeBooleanField("idsHidden", r.on());
            g.writeObjectFieldStart("session");
            g.writeStringField("provider", archive.key().provider());
            g.writeStringField("sessionId", r.on() ? Redactor.SESSION : archive.key().sessionId());
            g.writeStringField("baseUrl", r.on() && !archive.baseUrl().isEmpty() ? Redactor.URL : archive.baseUrl());
            g.writeNumberField("nextPosition", archive.nextPosition());
            g.writeStringField("openedAt", archive.openedAt().toString());
            g.writeEndObject();
            g.writeArrayFieldStart("events");
            for (Archive.Event e : archive.events()) {
                g.writeStartObject();
                g.writeNumberField("position", e.position());
                g.writeNumberField("ordinal", e.ordinal());
                g.writeStringField("kind", e.kind());
                g.writeFieldName("stored");
                g.writeRawValue(r.text(e.body())); // exactly as stored: the store's own JSON
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("deliveries");
            for (Archive.Delivery d : archive.deliveries()) {
                g.writeStartObject();
                g.writeNumberField("id", d.id());
                g.writeStringField("state", d.state());
                if (d.cause().isPresent()) {
                    g.writeStringField("cause", r.text(d.cause().get()));
                }
                g.writeNumberField("attempts", d.attempts());
                g.writeNumberField("sentAfter", d.sentAfter());
                g.writeStringField("createdAt", d.createdAt().toString());
                g.writeStringField("updatedAt", d.updatedAt().toString());
                g.writeBooleanField("batch", d.outgoing() instanceof Outgoing.Batch);
                g.writeArrayFieldStart("messages");
                for (OutgoingMessage m : d.outgoing().messages()) {
                    g.writeStartObject();
                    g.writeStringField("text", r.text(m.text()));
                    if (m.callerId().isPresent()) {
                        g.writeStringField("callerId", r.text(m.callerId().get()));
                    }
                    if (m.startUrl().isPresent()) {
                        g.writeStringField("startUrl", r.text(m.startUrl().get()));
                    }
                    g.writeArrayFieldStart("images");
                    for (String image : m.images()) {
                        g.writeString(image);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }
}
