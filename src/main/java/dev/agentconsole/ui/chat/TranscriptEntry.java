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
                    Optional<String> startUrl, Optional<String> callerId, DeliveryState state, Optional<String> cause)
            implements TranscriptEntry {
        public Operator {
            lines = List.copyOf(lines);
            images = List.copyOf(images);
        }

        public String copyText() {
            return String.join("\n", lines);
        }

        public boolean batch() {
            return lines.size() > 1;
        }
    }

    /** The agent's reasoning (dim, collapsible) and the actions it chose. */
    record Thought(String key, Instant at, String text, List<String> actions) implements TranscriptEntry {
        public Thought {
            actions = List.copyOf(actions);
        }

        public String copyText() {
            return actions.isEmpty() ? text : text + "\n" + String.join("\n", actions);
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

    /** What the agent saw. */
    record Observation(String key, Instant at, Optional<String> text, Optional<String> image) implements TranscriptEntry {
        public String copyText() {
            return text.orElse("(image)");
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

    /** Something failed; {@code retryDelivery} names the delivery a Retry would resend. */
    record Error(String key, Instant at, String message, Optional<Long> retryDelivery) implements TranscriptEntry {
        public String copyText() {
            return message;
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
}
