package dev.agentconsole.agent.hcompany;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.http.HttpStack;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every event type H's OpenAPI spec defines, shaped as the spec says, becomes a known event that
 * keeps every part of what the server sent (the record's text holds all of it).
 */
class HEventMapperTest {

    private static final String AT = "\"timestamp\":\"2026-11-23T10:00:00Z\"";

    final HttpStack http = new HttpStack(Duration.ofSeconds(2), Duration.ofSeconds(2));
    final ObjectMapper json = http.json();
    final HEventMapper mapper = new HEventMapper(json);

    @AfterEach
    void close() {
        http.close();
    }

    private AgentEvent map(String event) throws Exception {
        return mapper.map(4, json.readTree(event));
    }

    private static String agent(String data) {
        return "{\"type\":\"AgentEvent\"," + AT + ",\"data\":" + data + "}";
    }

    private static String session(String type, String data) {
        return "{\"type\":\"" + type + "\"," + AT + ",\"data\":" + data + "}";
    }

    /** A spec-shaped sample, and the parts of it a reader must find in what it becomes. */
    static Stream<Arguments> everySpecEvent() {
        return Stream.of(
                Arguments.of("policy_event, four tools and no text", agent("""
                        {"kind":"policy_event","reasoning_content":null,"content":null,"tool_reqs":[
                          {"tool_name":"click","args":{"x":10},"id":"call_1"},
                          {"tool_name":"type","args":{"text":"Kyoto"},"id":"call_2"},
                          {"tool_name":"scroll","args":{"dy":300}},
                          {"tool_name":"wait","args":{}}],"validation_errors":[]}"""),
                        List.of("click", "\"x\":10", "call_1", "type", "Kyoto", "call_2", "scroll", "300", "wait")),
                Arguments.of("policy_event, reasoning and content", agent("""
                        {"kind":"policy_event","reasoning_content":"The cheapest is second","content":"I pick the second hotel",
                         "tool_reqs":[{"tool_name":"click","args":{"index":2}}],"validation_errors":[]}"""),
                        List.of("The cheapest is second", "I pick the second hotel", "click", "\"index\":2")),
                Arguments.of("policy_event, validation errors", agent("""
                        {"kind":"policy_event","content":"Clicking","tool_reqs":[],
                         "validation_errors":["unknown tool 'tap'","args.x must be a number"]}"""),
                        List.of("Clicking", "unknown tool 'tap'", "args.x must be a number")),
                Arguments.of("tool_result", agent("""
                        {"kind":"tool_result","tool_req":{"tool_name":"read_page","args":{"url":"https://a.example"},"id":"call_9"},
                         "result":{"title":"Hotels in Kyoto","count":3},"truncated":true,"output_artifact_path":"/out/page.html"}"""),
                        List.of("read_page", "https://a.example", "call_9", "Hotels in Kyoto", "\"count\" : 3", "truncated=true",
                                "/out/page.html")),
                Arguments.of("tool_result with a text result", agent("""
                        {"kind":"tool_result","tool_req":{"tool_name":"echo"},"result":"done: 3 rows"}"""),
                        List.of("echo", "done: 3 rows")),
                Arguments.of("error_event", agent("""
                        {"kind":"error_event","error":"element not found","origin":"executor",
                         "tool_req":{"tool_name":"click","args":{"selector":"#buy"},"id":"call_3"}}"""),
                        List.of("element not found", "executor", "click", "#buy", "call_3")),
                Arguments.of("flow_event", agent("""
                        {"kind":"flow_event","flow":"pause","origin":"user"}"""), List.of("pause", "user")),
                Arguments.of("message_event", agent("""
                        {"kind":"message_event","caller_id":"planner","content":["look at row 2",
                         {"source":"https://img.example/a.png","type":"url","media_type":"image/png"}]}"""),
                        List.of("planner", "look at row 2", "https://img.example/a.png")),
                Arguments.of("answer_event", agent("""
                        {"kind":"answer_event","answer":{"hotel":"Kyo Inn","price":80520750.98346955},"outcome":"success"}"""),
                        List.of("Kyo Inn", "80520750.98346955", "success")),
                Arguments.of("observation_event", agent("""
                        {"kind":"observation_event","type":"screenshot","text":"the results page",
                         "image":{"source":"iVBORw0KGgo=","type":"base64","media_type":"image/png"},
                         "metadata":{"url":"https://a.example/list","tab":1}}"""),
                        List.of("screenshot", "the results page", "data:image/png;base64,iVBORw0KGgo=",
                                "https://a.example/list", "\"tab\":1")),
                Arguments.of("AgentStartedEvent", session("AgentStartedEvent", "{}"), List.of("started")),
                Arguments.of("AgentCompletionEvent", session("AgentCompletionEvent", "{\"reason\":\"timed_out\"}"),
                        List.of("timed_out")),
                Arguments.of("AgentErrorEvent", session("AgentErrorEvent", """
                        {"error":"browser crashed","trace":"Traceback: line 12 in run","info":{"exit_code":137}}"""),
                        List.of("browser crashed", "Traceback: line 12 in run", "exit_code", "137")),
                Arguments.of("AgentRunStatusChangeEvent", session("AgentRunStatusChangeEvent", "{\"status\":\"paused\"}"),
                        List.of("paused")),
                Arguments.of("ActiveStateChangeEvent", session("ActiveStateChangeEvent", """
                        {"state":"awaiting_tool_results","pending_tool_calls":[{"tool_name":"lookup_crm","args":{"id":7},"id":"call_5"}]}"""),
                        List.of("awaiting_tool_results", "lookup_crm", "\"id\":7", "call_5")),
                Arguments.of("LiveViewUrlEvent", session("LiveViewUrlEvent", "{\"live_view_url\":\"https://live.example/v/1\"}"),
                        List.of("https://live.example/v/1")),
                Arguments.of("RequestStartEvent", session("RequestStartEvent", "{}"), List.of("start requested")),
                Arguments.of("RequestStartDispatchedEvent", session("RequestStartDispatchedEvent", "{\"status\":\"dispatched\"}"),
                        List.of("start", "dispatched")),
                Arguments.of("FileTransferEvent", session("FileTransferEvent", """
                        {"direction":"download","path":"/home/agent/report.pdf","size_bytes":48213}"""),
                        List.of("download", "/home/agent/report.pdf", "48213")),
                Arguments.of("MetricsUpdateEvent", session("MetricsUpdateEvent", """
                        {"metrics":{"steps":12,"cost_per_model":[],"total_cost":80520750.98346955}}"""),
                        List.of("12", "80520750.98346955")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everySpecEvent")
    void everySpecEventKeepsEveryPart(String name, String event, List<String> parts) throws Exception {
        AgentEvent mapped = map(event);
        assertFalse(mapped instanceof AgentEvent.Other, name + " is a known type, not raw JSON: " + mapped);
        String shown = mapped.toString();
        for (String part : parts) {
            assertTrue(shown.contains(part), name + " keeps '" + part + "': " + shown);
        }
    }

    @Test
    void aPolicyEventWithFourToolsAndNoTextIsOneStepWithFourActions() throws Exception {
        AgentEvent mapped = map(agent("""
                {"kind":"policy_event","tool_reqs":[{"tool_name":"a"},{"tool_name":"b"},{"tool_name":"c"},{"tool_name":"d"}]}"""));
        AgentEvent.Thought thought = assertInstanceOf(AgentEvent.Thought.class, mapped);
        assertEquals(List.of("a", "b", "c", "d"), thought.actions());
    }

    @Test
    void numbersInArgumentsKeepTheDigitsTheServerWrote() throws Exception {
        AgentEvent.Thought thought = assertInstanceOf(AgentEvent.Thought.class, map(agent("""
                {"kind":"policy_event","tool_reqs":[{"tool_name":"scroll","args":{"to":80520750.98346955,"by":1.50,"n":12345678901234567890}}]}""")));
        assertEquals(List.of("scroll {\"to\":80520750.98346955,\"by\":1.50,\"n\":12345678901234567890}"), thought.actions());
    }

    @Test
    void aMetricsCostKeepsTheDigitsTheServerWrote() throws Exception {
        AgentEvent.Metrics metrics = assertInstanceOf(AgentEvent.Metrics.class, map(session("MetricsUpdateEvent",
                "{\"metrics\":{\"steps\":1,\"cost_per_model\":[],\"total_cost\":80520750.983469551234567}}")));
        assertEquals("80520750.983469551234567", metrics.costUsd().orElseThrow().toPlainString());
    }

    @Test
    void anUnknownTypeOrKindIsKeptWhole() throws Exception {
        String raw = "{\"type\":\"FutureEvent\"," + AT + ",\"data\":{\"x\":1}}";
        AgentEvent.Other other = assertInstanceOf(AgentEvent.Other.class, map(raw));
        assertEquals(json.readTree(raw), json.readTree(other.rawJson()));
        assertInstanceOf(AgentEvent.Other.class, map(agent("{\"kind\":\"dream_event\",\"dream\":\"sheep\"}")));
    }
}
