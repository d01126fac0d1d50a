package dev.agentconsole.ui.chat;

import dev.agentconsole.session.DeliveryState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one row of the transcript shows, immutable: a change (a delivery moving on) replaces the
 * entry of its {@link TranscriptRow}.
 * {@code key} is stable for the row's life, so the view can keep per-row state (expanded, image).
 */
public sealed interface TranscriptEntry {

    String key();

    Instant at();

    /** What "Copy" puts on the clipboard. */
    String copyText();

    /** What the operator sent, with where it stands. */
    record Operator(String key, Instant at, long deliveryId, List<String> lines, List<String> images,
                    Optional<String> startUrl, Optional<String> callerId, DeliveryState state, Optional<String> cause,
                    boolean unsaved)
            implements TranscriptEntry {
        public Operator {
            lines = List.copyOf(lines);
            images = List.copyOf(images);
        }

        public Operator(String key, Instant at, long deliveryId, List<String> lines, List<String> images,
                        Optional<String> startUrl, Optional<String> callerId, DeliveryState state, Optional<String> cause) {
            this(key, at, deliveryId, lines, images, startUrl, callerId, state, cause, false);
        }

        public String copyText() {
            return String.join("\n", lines);
        }

        public boolean batch() {
            return lines.size() > 1;
        }
    }

    /**
     * A step of the agent: its reasoning (dim, collapsible), what it said, the actions it chose and
     * what the platform found wrong with them.
     */
    record Thought(String key, Instant at, String text, String content, List<String> actions,
                   List<String> problems) implements TranscriptEntry {
        public Thought {
            actions = List.copyOf(actions);
            problems = List.copyOf(problems);
        }

        public Thought(String key, Instant at, String text, List<String> actions) {
            this(key, at, text, "", actions, List.of());
        }

        public String copyText() {
            return joined(List.of(text, content), actions, problems);
        }
    }

    /** What a tool returned to the agent, for the call it names. */
    record ToolResult(String key, Instant at, String call, String result, boolean truncated,
                      Optional<String> artifactPath) implements TranscriptEntry {
        public String copyText() {
            return joined(List.of(call, result), truncated ? List.of("(truncated)") : List.of(),
                    artifactPath.map(p -> "whole output: " + p).stream().toList());
        }
    }

    /** A step of the run (a flow change, a file moved, a start request) with its details ("label: text"). */
    record Step(String key, Instant at, String title, List<String> details) implements TranscriptEntry {
        public Step {
            details = List.copyOf(details);
        }

        public String copyText() {
            return joined(List.of(title), details);
        }
    }

    /** The agent asks and waits for the operator. */
    record Question(String key, Instant at, String text) implements TranscriptEntry {
        public String copyText() {
            return text;
        }
    }

    /** The agent's answer; structured answers are pretty JSON. */
    record Answer(String key, Instant at, String text, boolean structured, Optional<String> outcome,
                  Optional<String> errorCode) implements TranscriptEntry {
        public String copyText() {
            return text;
        }
    }

    /** What the agent saw, and what came with it ("label: text"). */
    record Observation(String key, Instant at, Optional<String> text, Optional<String> image, List<String> details)
            implements TranscriptEntry {
        public Observation {
            details = List.copyOf(details);
        }

        public Observation(String key, Instant at, Optional<String> text, Optional<String> image) {
            this(key, at, text, image, List.of());
        }

        public String copyText() {
            return joined(List.of(text.orElse(image.isPresent() ? "(image)" : "")), details);
        }
    }

    /** A message from someone else in the conversation (another caller, or the operator elsewhere). */
    record Message(String key, Instant at, String callerId, String text, List<String> images) implements TranscriptEntry {
        public Message {
            images = List.copyOf(images);
        }

        public String copyText() {
            return text;
        }
    }

    /** A status change, shown as a thin separator. */
    record Status(String key, Instant at, String label) implements TranscriptEntry {
        public String copyText() {
            return label;
        }
    }

    /** Something failed, with its details ("label: text"); {@code retryDelivery} names the delivery a Retry would resend. */
    record Error(String key, Instant at, String message, List<String> details, Optional<Long> retryDelivery)
            implements TranscriptEntry {
        public Error {
            details = List.copyOf(details);
        }

        public Error(String key, Instant at, String message, Optional<Long> retryDelivery) {
            this(key, at, message, List.of(), retryDelivery);
        }

        public String copyText() {
            return joined(List.of(message), details);
        }
    }

    /** A log line or bookkeeping note. */
    record Note(String key, Instant at, String text) implements TranscriptEntry {
        public String copyText() {
            return text;
        }
    }

    /** An event of a type this version does not know, shown as it came. */
    record Other(String key, Instant at, String type, String raw) implements TranscriptEntry {
        public String copyText() {
            return type + " " + raw;
        }
    }

    /** The non-blank parts, one per line. */
    private static String joined(List<String> first, List<String> second) {
        return joined(first, second, List.of());
    }

    private static String joined(List<String> first, List<String> second, List<String> third) {
        return java.util.stream.Stream.of(first, second, third).flatMap(List::stream).filter(s -> !s.isBlank())
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
