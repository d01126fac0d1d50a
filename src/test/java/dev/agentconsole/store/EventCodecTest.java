package dev.agentconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The store's JSON per kind: every component comes back, and rows written before a component existed still read. */
class EventCodecTest {

    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");

    private static AgentEvent roundTrip(AgentEvent e) {
        return EventCodec.decode(EventCodec.kind(e), e.position(), EventCodec.encode(e));
    }

    @Test
    void everyComponentOfEveryKindComesBack() {
        List<AgentEvent> events = List.of(
                new AgentEvent.Thought(1, AT, "the second is cheaper", "I pick the second",
                        List.of("click {\"i\":2} (id call_1)", "type {\"text\":\"Kyoto\"}"), List.of("unknown tool 'tap'")),
                new AgentEvent.ToolResult(2, AT, "read_page {\"url\":\"https://a.example\"} (id call_9)", "{\n  \"n\" : 3\n}",
                        true, Optional.of("/out/page.html")),
                new AgentEvent.ToolResult(3, AT, "echo", "done", false, Optional.empty()),
                new AgentEvent.Step(4, AT, "file download", List.of(new AgentEvent.Detail("path", "/r.pdf"),
                        new AgentEvent.Detail("size bytes", "48213"))),
                new AgentEvent.Failure(5, AT, "browser crashed", Optional.of("E1"),
                        List.of(new AgentEvent.Detail("trace", "Traceback: line 12"), new AgentEvent.Detail("info", "{\"exit_code\":137}"))),
                new AgentEvent.Observation(6, AT, Optional.of("page"), Optional.of("https://img.example/a.png"),
                        List.of(new AgentEvent.Detail("type", "screenshot"))),
                new AgentEvent.StatusChange(7, AT, AgentStatus.AWAITING_TOOL_RESULTS, "awaiting_tool_results",
                        List.of("lookup_crm {\"id\":7} (id call_5)")),
                new AgentEvent.Metrics(8, AT, Optional.of(3), Optional.of(new BigDecimal("80520750.983469551234567"))));
        for (AgentEvent e : events) {
            assertEquals(e, roundTrip(e));
        }
    }

    @Test
    void aCostKeepsItsDigitsAndNoExponent() {
        AgentEvent.Metrics back = (AgentEvent.Metrics) roundTrip(
                new AgentEvent.Metrics(1, AT, Optional.empty(), Optional.of(new BigDecimal("80520750.983469551234567"))));
        assertEquals("80520750.983469551234567", back.costUsd().orElseThrow().toString());
    }

    @Test
    void rowsStoredBeforeTheNewFieldsStillRead() {
        long at = AT.toEpochMilli();
        assertEquals(new AgentEvent.Thought(1, AT, "old", List.of("click")),
                EventCodec.decode("Thought", 1, "{\"at\":" + at + ",\"text\":\"old\",\"actions\":[\"click\"]}"));
        assertEquals(new AgentEvent.Failure(2, AT, "boom", Optional.of("E42")),
                EventCodec.decode("Failure", 2, "{\"at\":" + at + ",\"message\":\"boom\",\"code\":\"E42\"}"));
        assertEquals(new AgentEvent.Observation(3, AT, Optional.of("saw"), Optional.empty()),
                EventCodec.decode("Observation", 3, "{\"at\":" + at + ",\"text\":\"saw\"}"));
        assertEquals(new AgentEvent.StatusChange(4, AT, AgentStatus.PAUSED, "paused"),
                EventCodec.decode("StatusChange", 4, "{\"at\":" + at + ",\"status\":\"PAUSED\",\"raw\":\"paused\"}"));
    }
}
