package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search} and {@code export} read the window's data folder (given by --data-dir, before or after the command). */
class CliSearchExportTest {

    private static final SessionKey KYOTO = new SessionKey("hcompany", "6f1c1a52-3c7e-4a39-9d55-2b1f0f0e6a11");
    private static final SessionKey OSAKA = new SessionKey("agi", "0b6f3c7e-2a41-4d55-9c3e-8f1a2b3c4d5e");
    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");
    private static final Map<String, String> ENV = Map.of();

    @TempDir
    Path data;

    @BeforeEach
    void storeTwoSessions() {
        try (Store store = Store.open(data)) {
            store.touch(KYOTO, "https://agp.eu.hcompany.ai").join();
            store.append(KYOTO, List.of(new AgentEvent.Message(0, AT, "user", true, "Find a hotel in Kyoto", List.of()),
                    new AgentEvent.Question(1, AT, "What is your budget per night?")), 2).join();
            store.touch(OSAKA, "https://api.agi.tech").join();
            store.append(OSAKA, List.of(new AgentEvent.Answer(1, AT, "The budget hotel is booked", false,
                    java.util.Optional.of("success"))), 2).join();
        }
    }

    @Test
    void searchPrintsEachHitWithItsSessionAndAMarkedSnippet() {
        CliRun run = CliRun.of(ENV, "search", "budget", "--data-dir", data.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("hcompany 6f1c1a52  Find a hotel in Kyoto"), run.out());
        assertTrue(run.out().contains("question #1: What is your [budget] per night?"), run.out());
        assertTrue(run.out().contains("agi 0b6f3c7e"), run.out());
    }

    @Test
    void searchInOneSessionAsJsonLines() throws Exception {
        CliRun run = CliRun.of(ENV, "--data-dir", data.toString(), "search", "budg", "--session", OSAKA.sessionId(), "--json");
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(1, lines.size(), run.out());
        JsonNode hit = new ObjectMapper().readTree(lines.get(0));
        assertEquals("agi", hit.get("provider").asText());
        assertEquals("Answer", hit.get("kind").asText());
        assertEquals("The budget hotel is booked", hit.get("snippet").asText());
        assertEquals(List.of(4, 10), List.of(hit.get("marks").get(0).get(0).asInt(), hit.get("marks").get(0).get(1).asInt()));
    }

    @Test
    void searchSaysSoWhenNothingMatchesAndRefusesNothingToSearchFor() {
        CliRun none = CliRun.of(ENV, "search", "zeppelin", "--data-dir", data.toString());
        assertEquals(0, none.code());
        assertEquals("", none.out());
        assertTrue(none.err().contains("no match for zeppelin"), none.err());
        CliRun punctuation = CliRun.of(ENV, "search", "\"*\"", "--data-dir", data.toString());
        assertEquals(2, punctuation.code());
        assertTrue(punctuation.err().contains("nothing to search for"), punctuation.err());
        CliRun unknown = CliRun.of(ENV, "search", "budget", "--session", "nope", "--data-dir", data.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no session nope is stored"), unknown.err());
    }

    @Test
    void exportWritesEachFormatChosenByOptionOrExtension() throws Exception {
        Path md = data.resolve("kyoto.md");
        CliRun run = CliRun.of(ENV, "export", "--session", KYOTO.sessionId(), "--out", md.toString(), "--data-dir", data.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.readString(md).startsWith("# H Agent Platform session 6f1c1a52"));
        assertTrue(run.err().contains("wrote " + md + " (2 events, 0 messages sent)"), run.err());

        Path json = data.resolve("kyoto.data");
        assertEquals(0, CliRun.of(ENV, "export", "--session", KYOTO.sessionId(), "--format", "json", "--out", json.toString(),
                "--data-dir", data.toString()).code());
        assertEquals(2, new ObjectMapper().readTree(json.toFile()).get("events").size());

        Path html = data.resolve("kyoto.html");
        assertEquals(0, CliRun.of(ENV, "export", "--session", KYOTO.sessionId(), "--out", html.toString(), "--hide-ids",
                "--data-dir", data.toString()).code());
        String page = Files.readString(html);
        assertTrue(page.contains("default-src 'none'"));
        assertTrue(!page.contains(KYOTO.sessionId()) && !page.contains("agp.eu.hcompany.ai"), "ids and hosts hidden");
    }

    @Test
    void exportRefusesAnUnknownFormatOrSession() {
        CliRun format = CliRun.of(ENV, "export", "--session", KYOTO.sessionId(), "--out", data.resolve("x.pdf").toString(),
                "--data-dir", data.toString());
        assertEquals(2, format.code());
        assertTrue(format.err().contains("unknown export format 'pdf'"), format.err());
        CliRun session = CliRun.of(ENV, "export", "--session", "0b6f3c7e-0000-4d55-9c3e-8f1a2b3c4d5e", "--out",
                data.resolve("x.md").toString(), "--data-dir", data.toString());
        assertEquals(2, session.code());
        assertTrue(session.err().contains("is stored in " + data), session.err());
    }
}
