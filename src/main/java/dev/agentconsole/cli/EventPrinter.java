package dev.agentconsole.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentEvent;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints events as aligned human lines, or as one JSON object per line ({@code --json}). */
final class EventPrinter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final PrintWriter out;
    private final boolean asJson;
    private final ObjectMapper json;

    EventPrinter(PrintWriter out, boolean asJson, ObjectMapper json) {
        this.out = out;
        this.asJson = asJson;
        this.json = json;
    }

    void print(AgentEvent event) {
        Map<String, Object> fields = fields(event);
        if (asJson) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("position", event.position());
            line.put("at", event.at().toString());
            line.putAll(fields);
            try {
                out.println(json.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            String kind = (String) fields.get("kind");
            String text = String.valueOf(fields.getOrDefault("text", ""));
            String indent = " ".repeat(20);
            out.printf(Locale.ROOT, "%s  %-10s %s%n", TIME.format(event.at()), kind,
                    text.strip().replace("\n", "\n" + indent));
        }
        out.flush();
    }

    private static Map<String, Object> fields(AgentEvent event) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (event instanceof AgentEvent.Thought t) {
            f.put("kind", "thought");
            StringBuilder text = new StringBuilder(t.text());
            t.actions().forEach(a -> text.append(text.length() == 0 ? "" : "\n").append("→ ").append(a));
            f.put("text", text.toString());
            f.put("actions", t.actions());
        } else if (event instanceof AgentEvent.Action a) {
            f.put("kind", "action");
            f.put("text", (a.tool() + " " + a.arguments()).strip());
        } else if (event instanceof AgentEvent.Message m) {
            f.put("kind", m.fromOperator() ? "you" : "message");
            f.put("caller_id", m.callerId());
            f.put("text", m.text() + (m.images().isEmpty() ? "" : " [" + m.images().size() + " image(s)]"));
            f.put("images", m.images().size());
        } else if (event instanceof AgentEvent.Question q) {
            f.put("kind", "question");
            f.put("text", q.text());
        } else if (event instanceof AgentEvent.Answer a) {
            f.put("kind", "answer");
            f.put("text", a.text() + a.outcome().map(o -> "\n(outcome: " + o + ")").orElse(""));
            f.put("structured", a.structured());
            a.outcome().ifPresent(o -> f.put("outcome", o));
        } else if (event instanceof AgentEvent.Observation o) {
            f.put("kind", "observed");
            f.put("text", o.text().orElse("") + o.image().map(i -> " [image, " + describeImage(i) + "]").orElse(""));
        } else if (event instanceof AgentEvent.StatusChange s) {
            f.put("kind", "status");
            f.put("text", s.status() == dev.agentconsole.agent.AgentStatus.UNKNOWN ? s.rawStatus() : s.status().label());
        } else if (event instanceof AgentEvent.Failure e) {
            f.put("kind", "error");
            f.put("text", e.message() + e.code().map(c -> " (" + c + ")").orElse(""));
        } else if (event instanceof AgentEvent.LiveView l) {
            f.put("kind", "live view");
            f.put("text", l.url());
        } else if (event instanceof AgentEvent.Metrics m) {
            f.put("kind", "metrics");
            f.put("text", m.steps().map(s -> s + " steps").orElse("")
                    + m.costUsd().map(c -> ", $" + c.toPlainString()).orElse(""));
        } else if (event instanceof AgentEvent.Note n) {
            f.put("kind", "note");
            f.put("text", n.text());
        } else if (event instanceof AgentEvent.Other o) {
            f.put("kind", "event");
            f.put("type", o.type());
            f.put("text", o.type() + " " + o.rawJson());
        }
        return f;
    }

    private static String describeImage(String uri) {
        if (uri.startsWith("data:")) {
            int semi = uri.indexOf(';');
            long bytes = (uri.length() - uri.indexOf(',') - 1) * 3L / 4;
            return (semi > 5 ? uri.substring(5, semi) : "image") + ", " + (bytes / 1024) + " KiB";
        }
        return uri;
    }
}
