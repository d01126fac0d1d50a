package dev.agentconsole.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One event of every type H's OpenAPI spec defines ({@code SessionEvent}'s members and every
 * {@code AgentEvent} kind), each with every field its schema has, so a test or a demo can show a
 * row of every kind. Shaped by the spec alone: the emulator shares no classes with the client.
 */
final class HEveryEvent {

    /** An event's {@code type} and {@code data}; the session adds the timestamp. */
    record Event(String type, ObjectNode data) {}

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /**
     * @param runStatus the session's run status to report (running or paused), so the script does not mislead
     * @param active    the state to settle on after the pending tool calls (running or idle)
     */
    List<Event> script(String runStatus, String active, String liveViewUrl, ObjectNode metrics) {
        List<Event> events = new ArrayList<>();
        events.add(new Event("RequestStartEvent", nodes.objectNode()));
        events.add(new Event("RequestStartDispatchedEvent", nodes.objectNode().put("status", "dispatched")));
        events.add(new Event("AgentStartedEvent", nodes.objectNode()));
        events.add(new Event("AgentRunStatusChangeEvent", nodes.objectNode().put("status", runStatus)));
        events.add(new Event("LiveViewUrlEvent", nodes.objectNode().put("live_view_url", liveViewUrl)));
        ObjectNode awaiting = nodes.objectNode().put("state", "awaiting_tool_results");
        awaiting.putArray("pending_tool_calls").add(toolRequest("lookup_booking", "reference", "KY-2291", "call_ev_1"));
        events.add(new Event("ActiveStateChangeEvent", awaiting));
        events.add(new Event("ActiveStateChangeEvent", nodes.objectNode().put("state", active)));

        ObjectNode policy = kind("policy_event");
        policy.put("reasoning_content", "Two listings match; the second is cheaper per night.");
        policy.put("content", "I open the second listing and note its price.");
        ArrayNode tools = policy.putArray("tool_reqs");
        tools.add(toolRequest("click", "selector", "#listing-2", "call_ev_2"));
        tools.add(toolRequest("read_page", "url", "https://booking.example/listing/2", "call_ev_3"));
        policy.putArray("validation_errors").add("scroll: 'dy' must be a number");
        events.add(agent(policy));

        ObjectNode result = kind("tool_result");
        result.set("tool_req", toolRequest("read_page", "url", "https://booking.example/listing/2", "call_ev_3"));
        result.putObject("result").put("title", "Sakura Inn").put("price_per_night", new java.math.BigDecimal("80520750.98346955"));
        result.put("truncated", true);
        result.put("output_artifact_path", "/artifacts/listing-2.html");
        events.add(agent(result));

        ObjectNode observation = kind("observation_event");
        observation.put("type", "page_text");
        observation.put("text", "Sakura Inn, 2 nights, free cancellation");
        observation.putObject("metadata").put("url", "https://booking.example/listing/2").put("tab", 1);
        events.add(agent(observation));

        ObjectNode message = kind("message_event");
        message.put("caller_id", "subagent:pricing");
        message.putArray("content").add("The second listing is 12% below the area's average.");
        events.add(agent(message));

        ObjectNode error = kind("error_event");
        error.put("error", "the element '#book-now' is not on the page");
        error.put("origin", "browser");
        error.set("tool_req", toolRequest("click", "selector", "#book-now", "call_ev_4"));
        events.add(agent(error));

        events.add(agent(kind("flow_event").put("flow", "pause").put("origin", "user")));
        events.add(agent(kind("flow_event").put("flow", "resume").put("origin", "user")));

        ObjectNode file = nodes.objectNode().put("direction", "download").put("path", "/downloads/booking-KY-2291.pdf");
        file.put("size_bytes", 48213);
        events.add(new Event("FileTransferEvent", file));
        events.add(new Event("MetricsUpdateEvent", nodes.objectNode().set("metrics", metrics)));

        ObjectNode answer = kind("answer_event");
        answer.putObject("answer").put("hotel", "Sakura Inn").put("nights", 2);
        answer.put("outcome", "success");
        events.add(agent(answer));

        ObjectNode agentError = nodes.objectNode().put("error", "the browser stopped responding");
        agentError.put("trace", "Traceback (most recent call last):\n  File \"runner.py\", line 12, in step\nTimeoutError");
        agentError.putObject("info").put("exit_code", 137);
        events.add(new Event("AgentErrorEvent", agentError));
        events.add(new Event("AgentCompletionEvent", nodes.objectNode().put("reason", "finished")));
        return events;
    }

    private ObjectNode kind(String kind) {
        return nodes.objectNode().put("kind", kind);
    }

    private Event agent(ObjectNode data) {
        return new Event("AgentEvent", data);
    }

    private ObjectNode toolRequest(String tool, String arg, String value, String id) {
        ObjectNode req = nodes.objectNode().put("tool_name", tool);
        req.putObject("args").put(arg, value);
        req.put("id", id);
        return req;
    }
}
