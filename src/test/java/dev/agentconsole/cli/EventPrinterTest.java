package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.http.HttpStack;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lines of {@code watch}: every part of every kind of event, human or {@code --json}. */
class EventPrinterTest {

    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");

    final HttpStack http = new HttpStack(Duration.ofSeconds(2), Duration.ofSeconds(2));

    @AfterEach
    void close() {
        http.close();
    }

    /** Each event with the parts its line must show. */
    static final Map<AgentEvent, List<String>> EVENTS = Map.ofEntries(
            Map.entry(new AgentEvent.Thought(1, AT, "the second is cheaper", "I pick the second",
                            List.of("click {\"i\":2} (id call_1)", "type {\"text\":\"Kyoto\"}"), List.of("unknown tool 'tap'")),
                    List.of("the second is cheaper", "I pick the second", "click {\"i\":2} (id call_1)", "Kyoto", "unknown tool 'tap'")),
            Map.entry(new AgentEvent.ToolResult(2, AT, "read_page {\"url\":\"https://a.example\"}", "Hotels in Kyoto: 3",
                            true, Optional.of("/out/page.html")),
                    List.of("read_page", "https://a.example", "Hotels in Kyoto: 3", "truncated", "/out/page.html")),
            Map.entry(new AgentEvent.Step(3, AT, "file download", List.of(new AgentEvent.Detail("path", "/r.pdf"),
                            new AgentEvent.Detail("size bytes", "48213"))),
                    List.of("file download", "path: /r.pdf", "size bytes: 48213")),
            Map.entry(new AgentEvent.Failure(4, AT, "browser crashed", Optional.of("E1"),
                            List.of(new AgentEvent.Detail("trace", "Traceback: line 12"))),
                    List.of("browser crashed", "E1", "trace: Traceback: line 12")),
            Map.entry(new AgentEvent.Observation(5, AT, Optional.of("the list"), Optional.of("https://img.example/a.png"),
                            List.of(new AgentEvent.Detail("type", "screenshot"))),
                    List.of("the list", "https://img.example/a.png", "type: screenshot")),
            Map.entry(new AgentEvent.StatusChange(6, AT, AgentStatus.AWAITING_TOOL_RESULTS, "awaiting_tool_results",
                            List.of("lookup_crm {\"id\":7} (id call_5)")),
                    List.of("lookup_crm {\"id\":7} (id call_5)")),
            Map.entry(new AgentEvent.Metrics(7, AT, Optional.of(12), Optional.of(new BigDecimal("80520750.983469551234567"))),
                    List.of("12 steps", "80520750.983469551234567")),
            Map.entry(new AgentEvent.Other(8, AT, "FutureEvent", "{\"type\":\"FutureEvent\",\"x\":1}"),
                    List.of("FutureEvent", "\"x\":1")));

    private String print(AgentEvent e, boolean asJson) {
        StringWriter out = new StringWriter();
        new EventPrinter(new PrintWriter(out), asJson, http.json()).print(e);
        return out.toString();
    }

    @Test
    void everyPartOfEveryKindIsOnItsHumanLine() {
        EVENTS.forEach((event, parts) -> {
            String line = print(event, false);
            for (String part : parts) {
                assertTrue(line.contains(part), event.getClass().getSimpleName() + " shows '" + part + "': " + line);
            }
        });
    }

    @Test
    void everyPartOfEveryKindIsInItsJsonLine() throws Exception {
        for (var entry : EVENTS.entrySet()) {
            String line = print(entry.getKey(), true);
            JsonNode node = http.json().readTree(line);
            assertEquals(entry.getKey().position(), node.path("position").asLong());
            String text = node.path("text").asText();
            for (String part : entry.getValue()) {
                assertTrue(text.contains(part), entry.getKey().getClass().getSimpleName() + " text has '" + part + "': " + line);
            }
        }
    }

    @Test
    void aCostIsWrittenWithTheServersDigitsAndNoExponent() throws Exception {
        AgentEvent metrics = new AgentEvent.Metrics(1, AT, Optional.of(1), Optional.of(new BigDecimal("80520750.983469551234567")));
        String json = print(metrics, true);
        assertTrue(json.contains("\"cost_usd\":80520750.983469551234567"), json);
        assertFalse(json.contains("E7"), json);
    }
}
