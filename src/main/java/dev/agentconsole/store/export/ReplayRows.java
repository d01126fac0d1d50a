package dev.agentconsole.store.export;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.store.Archive;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A session as rows a person reads, in order, the way the window shows it: the agent's events, and
 * the operator's messages matched to their echo in the stream (a message the agent never echoed,
 * failed or uncertain, is a row of its own at the time it was queued, with its state).
 */
final class ReplayRows {

    /**
     * One row.
     *
     * @param kind    you, message, thought, action, question, answer, observation, tool, step, status, error,
     *                note, metrics or other (the page styles each)
     * @param heading what the row is ("Thought", "You · seen by the agent")
     */
    record Row(Instant at, String kind, String heading, List<String> lines, List<String> details, boolean mono,
               List<ExportOptions.Picture> pictures) {}

    private ReplayRows() {}

    static List<Row> of(Archive archive, ExportOptions options, Redactor redact) {
        List<Archive.Delivery> unmatched = new ArrayList<>(archive.deliveries());
        // the operator's messages as the agent echoed them: caller + text -> the delivery that sent it
        Map<String, List<Archive.Delivery>> byEcho = new HashMap<>();
        for (Archive.Delivery d : archive.deliveries()) {
            for (OutgoingMessage m : d.outgoing().messages()) {
                byEcho.computeIfAbsent(m.callerId().orElse("user") + "\u0000" + m.text(), k -> new ArrayList<>()).add(d);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Archive.Event stored : archive.events()) {
            AgentEvent e = stored.event();
            Optional<Archive.Delivery> echoOf = Optional.empty();
            if (e instanceof AgentEvent.Message m) {
                List<Archive.Delivery> candidates = byEcho.getOrDefault(m.callerId() + "\u0000" + m.text(), List.of());
                if (!candidates.isEmpty()) {
                    echoOf = Optional.of(candidates.remove(0));
                    unmatched.remove(echoOf.get());
                }
            }
            Row row = row(e, echoOf, options, redact);
            if (row != null) {
                rows.add(row);
            }
        }
        for (Archive.Delivery d : unmatched) {
            Row row = delivery(d, options, redact);
            int at = 0;
            while (at < rows.size() && !rows.get(at).at().isAfter(d.createdAt())) {
                at++;
            }
            rows.add(at, row);
        }
        return rows;
    }

    private static Row delivery(Archive.Delivery d, ExportOptions options, Redactor r) {
        List<String> lines = d.outgoing().messages().stream().map(m -> r.text(m.text())).toList();
        List<String> details = new ArrayList<>();
        d.outgoing().messages().get(0).startUrl().ifPresent(u -> details.add("start URL: " + r.text(u)));
        d.cause().ifPresent(c -> details.add(r.text(c)));
        List<ExportOptions.Picture> pictures = d.outgoing().messages().stream().flatMap(m -> m.images().stream())
                .map(options.images()::picture).toList();
        return new Row(d.createdAt(), "you", "You · " + state(d.state()), lines, details, false, pictures);
    }

    /** The delivery state in the window's words. */
    static String state(String state) {
        return switch (state) {
            case "QUEUED" -> "queued";
            case "SENDING" -> "sending";
            case "ACCEPTED" -> "accepted";
            case "SEEN" -> "seen by the agent";
            case "FAILED" -> "failed";
            case "UNCERTAIN" -> "uncertain: may have arrived";
            case "DROPPED" -> "dropped";
            default -> state.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static List<String> details(List<AgentEvent.Detail> details, Redactor r) {
        return details.stream().map(d -> d.label() + ": " + r.text(d.text())).toList();
    }

    private static List<String> nonBlank(String... texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (t != null && !t.isBlank()) {
                out.add(t);
            }
        }
        return out;
    }

    private static Row row(AgentEvent e, Optional<Archive.Delivery> echoOf, ExportOptions options, Redactor r) {
        Instant at = e.at();
        if (e instanceof AgentEvent.Message m) {
            List<ExportOptions.Picture> pictures = m.images().stream().map(options.images()::picture).toList();
            if (m.fromOperator() || echoOf.isPresent()) {
                String heading = "You" + echoOf.map(d -> " · " + state(d.state())).orElse("");
                return new Row(at, "you", heading, nonBlank(r.text(m.text())), List.of(), false, pictures);
            }
            return new Row(at, "message", "Message from " + r.text(m.callerId()), nonBlank(r.text(m.text())), List.of(),
                    false, pictures);
        }
        if (e instanceof AgentEvent.Thought t) {
            List<String> details = new ArrayList<>();
            t.actions().forEach(a -> details.add("\u25b8 " + r.text(a)));
            t.validationErrors().forEach(v -> details.add("\u26a0 " + r.text(v)));
            return new Row(at, "thought", "Thought", nonBlank(r.text(t.text()), r.text(t.content())), details, false, List.of());
        }
        if (e instanceof AgentEvent.Action a) {
            return new Row(at, "action", "Action", List.of(r.text((a.tool() + " " + a.arguments()).strip())), List.of(), true,
                    List.of());
        }
        if (e instanceof AgentEvent.Question q) {
            return new Row(at, "question", "Question", nonBlank(r.text(q.text())), List.of(), false, List.of());
        }
        if (e instanceof AgentEvent.Answer a) {
            if (a.asksTheOperator()) {
                return new Row(at, "question", "Question", nonBlank(r.text(a.text())), List.of(), false, List.of());
            }
            return new Row(at, "answer", "Answer" + a.outcome().map(o -> " · " + o).orElse(""), nonBlank(r.text(a.text())),
                    List.of(), a.structured(), List.of());
        }
        if (e instanceof AgentEvent.Observation o) {
            List<ExportOptions.Picture> pictures = o.image().map(options.images()::picture).stream().toList();
            return new Row(at, "observation", "Observed", nonBlank(r.text(o.text().orElse(""))), details(o.details(), r),
                    false, pictures);
        }
        if (e instanceof AgentEvent.ToolResult t) {
            List<String> details = new ArrayList<>();
            if (t.truncated()) {
                details.add("truncated");
            }
            t.artifactPath().ifPresent(p -> details.add("whole output: " + r.text(p)));
            return new Row(at, "tool", "Tool result · " + r.text(t.call()), nonBlank(r.text(t.result())), details, true,
                    List.of());
        }
        if (e instanceof AgentEvent.Step s) {
            return new Row(at, "step", r.text(s.title()), List.of(), details(s.details(), r), false, List.of());
        }
        if (e instanceof AgentEvent.StatusChange s) {
            String label = s.status() == AgentStatus.UNKNOWN ? s.rawStatus() : s.status().label();
            List<String> parts = new ArrayList<>(List.of(label));
            s.details().forEach(d -> parts.add(r.text(d)));
            return new Row(at, "status", "Status", List.of(String.join(" \u00b7 ", parts)), List.of(), false, List.of());
        }
        if (e instanceof AgentEvent.Failure f) {
            return new Row(at, "error", "Error" + f.code().map(c -> " · " + c).orElse(""), nonBlank(r.text(f.message())),
                    details(f.details(), r), false, List.of());
        }
        if (e instanceof AgentEvent.LiveView l) {
            return new Row(at, "note", "Live view", List.of(r.url(l.url())), List.of(), false, List.of());
        }
        if (e instanceof AgentEvent.Metrics m) {
            List<String> parts = new ArrayList<>();
            m.steps().ifPresent(s -> parts.add(s + (s == 1 ? " step" : " steps")));
            m.costUsd().ifPresent(c -> parts.add("$" + c.toPlainString()));
            return parts.isEmpty() ? null
                    : new Row(at, "metrics", "Metrics", List.of(String.join(" \u00b7 ", parts)), List.of(), false, List.of());
        }
        if (e instanceof AgentEvent.Note n) {
            return new Row(at, "note", "Note", nonBlank(r.text(n.text())), List.of(), false, List.of());
        }
        if (e instanceof AgentEvent.Other o) {
            return new Row(at, "other", r.text(o.type()), List.of(r.text(o.rawJson())), List.of(), true, List.of());
        }
        return null;
    }
}
