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

    /** One labelled part of an event (an origin, a trace, a path): nothing the server sent is left out. */
    record Detail(String label, String text) {}

    /**
     * One step of the agent: its reasoning ({@code text}, shown dim), what it said ({@code content},
     * H's {@code content} beside {@code reasoning_content}), every action it decided on (each
     * "tool {args}", with its call id when there is one) and the problems the platform found in it
     * ({@code validationErrors}).
     */
    record Thought(long position, Instant at, String text, String content, List<String> actions,
                   List<String> validationErrors) implements AgentEvent {
        public Thought {
            actions = List.copyOf(actions);
            validationErrors = List.copyOf(validationErrors);
        }

        /** Reasoning and actions only (AGI, and H steps with no content or problems). */
        public Thought(long position, Instant at, String text, List<String> actions) {
            this(position, at, text, "", actions, List.of());
        }
    }

    /**
     * What a tool returned: the call it answers ("tool {args}", with its id), the result as text
     * (JSON when it was not a string), whether the platform cut it, and where it saved the whole output.
     */
    record ToolResult(long position, Instant at, String call, String result, boolean truncated,
                      Optional<String> artifactPath) implements AgentEvent {}

    /** A step of the run the operator may want to know about (a flow change, a file moved, a start request). */
    record Step(long position, Instant at, String title, List<Detail> details) implements AgentEvent {
        public Step {
            details = List.copyOf(details);
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
                  Optional<String> outcome) implements AgentEvent {
        /** H has no question type: a text answer without an outcome is the agent asking and waiting. */
        public boolean asksTheOperator() {
            return !structured && outcome.isEmpty();
        }
    }

    /** What the agent saw: text and/or an image (data URI or URL), and what else came with it (kind, metadata). */
    record Observation(long position, Instant at, Optional<String> text, Optional<String> image,
                       List<Detail> details) implements AgentEvent {
        public Observation {
            details = List.copyOf(details);
        }

        public Observation(long position, Instant at, Optional<String> text, Optional<String> image) {
            this(position, at, text, image, List.of());
        }
    }

    /** The session moved to another state; {@code details} say what it waits for (H's pending tool calls). */
    record StatusChange(long position, Instant at, AgentStatus status, String rawStatus, List<String> details)
            implements AgentEvent {
        public StatusChange {
            details = List.copyOf(details);
        }

        public StatusChange(long position, Instant at, AgentStatus status, String rawStatus) {
            this(position, at, status, rawStatus, List.of());
        }
    }

    /** The agent or the platform reported a failure: its code, and every other part (origin, tool, trace, info). */
    record Failure(long position, Instant at, String message, Optional<String> code, List<Detail> details)
            implements AgentEvent {
        public Failure {
            details = List.copyOf(details);
        }

        public Failure(long position, Instant at, String message, Optional<String> code) {
            this(position, at, message, code, List.of());
        }
    }

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
