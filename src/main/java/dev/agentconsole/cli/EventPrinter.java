package dev.agentconsole.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

    /** The event's parts for a line: {@code kind}, {@code text} (everything, for people) and each part by name. */
    private static Map<String, Object> fields(AgentEvent event) {
        Map<String, Object> f = new LinkedHashMap<>();
        if (event instanceof AgentEvent.Thought t) {
            f.put("kind", "thought");
            List<String> text = new ArrayList<>();
            Stream.of(t.text(), t.content()).filter(s -> !s.isBlank()).forEach(text::add);
            t.actions().forEach(a -> text.add("→ " + a));
            t.validationErrors().forEach(v -> text.add("⚠ " + v));
            f.put("text", String.join("\n", text));
            f.put("reasoning", t.text());
            f.put("content", t.content());
            f.put("actions", t.actions());
            f.put("validation_errors", t.validationErrors());
        } else if (event instanceof AgentEvent.ToolResult r) {
            f.put("kind", "result");
            f.put("text", r.call() + "\n" + r.result() + (r.truncated() ? "\n(truncated)" : "")
                    + r.artifactPath().map(p -> "\nwhole output: " + p).orElse(""));
            f.put("call", r.call());
            f.put("result", r.result());
            f.put("truncated", r.truncated());
            r.artifactPath().ifPresent(p -> f.put("output_artifact_path", p));
        } else if (event instanceof AgentEvent.Step s) {
            f.put("kind", "step");
            f.put("text", withDetails(s.title(), s.details()));
            f.put("title", s.title());
            f.put("details", detailMap(s.details()));
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
            f.put("kind", a.asksTheOperator() ? "question" : "answer"); // as the window says
            f.put("text", a.text() + a.outcome().map(o -> "\n(outcome: " + o + ")").orElse(""));
            f.put("structured", a.structured());
            a.outcome().ifPresent(o -> f.put("outcome", o));
        } else if (event instanceof AgentEvent.Observation o) {
            f.put("kind", "observed");
            f.put("text", withDetails(o.text().orElse("") + o.image().map(i -> " [image, " + describeImage(i) + "]").orElse(""),
                    o.details()));
            f.put("details", detailMap(o.details()));
        } else if (event instanceof AgentEvent.StatusChange s) {
            f.put("kind", "status");
            String label = s.status() == AgentStatus.UNKNOWN ? s.rawStatus() : s.status().label();
            f.put("text", Stream.concat(Stream.of(label), s.details().stream().map(d -> "→ " + d)).collect(Collectors.joining("\n")));
            f.put("status", s.rawStatus());
            f.put("details", s.details());
        } else if (event instanceof AgentEvent.Failure e) {
            f.put("kind", "error");
            f.put("text", withDetails(e.message() + e.code().map(c -> " (" + c + ")").orElse(""), e.details()));
            e.code().ifPresent(c -> f.put("code", c));
            f.put("details", detailMap(e.details()));
        } else if (event instanceof AgentEvent.LiveView l) {
            f.put("kind", "live view");
            f.put("text", l.url());
        } else if (event instanceof AgentEvent.Metrics m) {
            f.put("kind", "metrics");
            // "1 step"; the cost with the digits the server wrote (the window rounds to four decimals)
            f.put("text", Stream.of(m.steps().map(s -> s + (s == 1 ? " step" : " steps")), m.costUsd().map(c -> "$" + c.toPlainString()))
                    .flatMap(Optional::stream).collect(Collectors.joining(", ")));
            m.steps().ifPresent(s -> f.put("steps", s));
            m.costUsd().ifPresent(c -> f.put("cost_usd", c));
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

    private static String withDetails(String head, List<AgentEvent.Detail> details) {
        return Stream.concat(Stream.of(head).filter(h -> !h.isBlank()), details.stream().map(d -> d.label() + ": " + d.text()))
                .collect(Collectors.joining("\n"));
    }

    private static Map<String, String> detailMap(List<AgentEvent.Detail> details) {
        Map<String, String> m = new LinkedHashMap<>();
        details.forEach(d -> m.merge(d.label(), d.text(), (a, b) -> a + "\n" + b));
        return m;
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
