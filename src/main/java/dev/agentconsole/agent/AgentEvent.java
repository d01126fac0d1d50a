package dev.agentconsole.agent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One thing the agent (or the server about the agent) reported, in a provider-neutral form.
 * {@code position} is where the event sits in the provider's stream (H: index in the change log;
 * AGI: message id), so a reader can resume after it and a store can be idempotent on it.
 */
public sealed interface AgentEvent {

    long position();

    Instant at();

    /**
     * The agent's reasoning, shown dim, with the actions it decided on in the same step
     * (each "tool {args}").
     */
    record Thought(long position, Instant at, String text, List<String> actions) implements AgentEvent {
        public Thought {
            actions = List.copyOf(actions);
        }
    }

    /** Something the agent does on the page (a tool request): name and arguments as text. */
    record Action(long position, Instant at, String tool, String arguments) implements AgentEvent {}

    /** A message in the conversation: the operator's echo ({@code fromOperator}) or another caller's. */
    record Message(long position, Instant at, String callerId, boolean fromOperator, String text,
                   List<String> images) implements AgentEvent {
        public Message {
            images = List.copyOf(images);
        }
    }

    /** The agent asks the operator and waits (AGI QUESTION). */
    record Question(long position, Instant at, String text) implements AgentEvent {}

    /**
     * The agent's answer. {@code structured} is true when the provider sent JSON rather than free
     * text; {@code text} then holds it pretty-printed.
     */
    record Answer(long position, Instant at, String text, boolean structured,
                  Optional<String> outcome) implements AgentEvent {}

    /** What the agent saw: text and/or an image (data URI or URL). */
    record Observation(long position, Instant at, Optional<String> text, Optional<String> image)
            implements AgentEvent {}

    /** The session moved to another state. */
    record StatusChange(long position, Instant at, AgentStatus status, String rawStatus)
            implements AgentEvent {}

    /** The agent or the platform reported a failure. */
    record Failure(long position, Instant at, String message, Optional<String> code)
            implements AgentEvent {}

    /** A URL where the operator can watch the agent's browser. */
    record LiveView(long position, Instant at, String url) implements AgentEvent {}

    /** Steps and cost so far. */
    record Metrics(long position, Instant at, Optional<Integer> steps,
                   Optional<java.math.BigDecimal> costUsd) implements AgentEvent {}

    /** A log line or bookkeeping event worth showing small. */
    record Note(long position, Instant at, String text) implements AgentEvent {}

    /**
     * An event type this version does not know: kept whole and shown generically, never dropped.
     *
     * @param rawJson the event exactly as received
     */
    record Other(long position, Instant at, String type, String rawJson) implements AgentEvent {}
}
