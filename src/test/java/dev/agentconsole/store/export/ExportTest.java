package dev.agentconsole.store.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import dev.agentconsole.store.Archive;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final SessionKey KEY = new SessionKey("hcompany", "6f1c1a52-3c7e-4a39-9d55-2b1f0f0e6a11");
    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");
    private static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8Dw"
            + "HwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

    @TempDir
    Path dir;

    /** A session with every kind of event, a failed message with a picture, and text that tries to be markup. */
    private Archive sample(Store store) {
        store.touch(KEY, "https://agp.eu.hcompany.ai").join();
        store.append(KEY, List.of(
                new AgentEvent.Message(0, AT, "user", true, "Find a hotel in Kyoto", List.of()),
                new AgentEvent.Thought(1, AT.plusSeconds(2), "thinking </script><script>alert(1)</script>", "said",
                        List.of("click {\"x\":1}"), List.of("bad arg")),
                new AgentEvent.Observation(2, AT.plusSeconds(3), Optional.of("saw <img src=http://127.0.0.1:9/x>"),
                        Optional.of(PNG)),
                new AgentEvent.Question(3, AT.plusSeconds(4), "Which one? ``` fenced"),
                new AgentEvent.Answer(4, AT.plusSeconds(5), "{\n  \"hotel\" : \"Sakura\"\n}", true, Optional.of("success")),
                new AgentEvent.Metrics(5, AT.plusSeconds(5), Optional.of(3), Optional.of(new BigDecimal("0.00012300"))),
                new AgentEvent.LiveView(6, AT.plusSeconds(6), "https://agp.eu.hcompany.ai/live/" + KEY.sessionId()),
                new AgentEvent.Other(7, AT.plusSeconds(7), "future_event", "{\"type\":\"future_event\",\"n\":1.50}")), 8).join();
        long id = store.newDeliveryId();
        store.enqueue(id, KEY, new Outgoing.Single(new OutgoingMessage("the cheaper one", List.of(PNG), Optional.of("ops"),
                Optional.empty())), "QUEUED", 3).join();
        store.update(id, "FAILED", Optional.of("refused: 422 too long"), 2).join();
        return store.archive(KEY).orElseThrow();
    }

    private static String export(Archive archive, Export.Format format, ExportOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Export.write(archive, format, options, AT, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonHoldsEveryStoredEventExactlyAndEveryDeliveryWhole() throws Exception {
        try (Store store = Store.open(dir)) {
            Archive archive = sample(store);
            JsonNode doc = JSON.readTree(export(archive, Export.Format.JSON, ExportOptions.plain()));
            assertEquals(archive.events().size(), doc.get("events").size());
            for (int i = 0; i < archive.events().size(); i++) {
                Archive.Event e = archive.events().get(i);
                JsonNode n = doc.get("events").get(i);
                assertEquals(e.position(), n.get("position").asLong());
                assertEquals(e.ordinal(), n.get("ordinal").asInt());
                assertEquals(e.kind(), n.get("kind").asText());
                assertEquals(JSON.readTree(e.body()), n.get("stored"), "as stored, digits and all: " + e.kind());
            }
            JsonNode d = doc.get("deliveries").get(0);
            assertEquals("FAILED", d.get("state").asText());
            assertEquals("refused: 422 too long", d.get("cause").asText());
            assertEquals(2, d.get("attempts").asInt());
            assertEquals(3, d.get("sentAfter").asInt());
            assertEquals("ops", d.get("messages").get(0).get("callerId").asText());
            assertEquals(PNG, d.get("messages").get(0).get("images").get(0).asText(), "the picture itself, not its hash");
            assertEquals(KEY.sessionId(), doc.get("session").get("sessionId").asText());
            assertEquals("https://agp.eu.hcompany.ai", doc.get("session").get("baseUrl").asText());
            assertEquals(8, doc.get("session").get("nextPosition").asInt());
        }
    }

    @Test
    void markdownReadsAsTheConversationWithCodeFencedAndPicturesNoted() throws Exception {
        try (Store store = Store.open(dir)) {
            String md = export(sample(store), Export.Format.MARKDOWN, ExportOptions.plain());
            assertTrue(md.startsWith("# H Agent Platform session 6f1c1a52 · 2026-11-23\n"), md);
            assertTrue(md.contains("### 07:00:04 · Question\n\nWhich one? ``` fenced"), md);
            assertTrue(md.contains("### 07:00:05 · Answer · success\n\n```\n{\n  \"hotel\" : \"Sakura\"\n}\n```"), md);
            assertTrue(md.contains("- ▸ click {\"x\":1}"), md);
            assertTrue(md.contains("You · failed"), "a message the agent never saw is a row with its state: " + md);
            assertTrue(md.contains("_(screenshot, "), md);
        }
    }

    @Test
    void theReplayIsOnePageWhoseCspAllowsOnlyItsOwnStyleScriptAndDataImages() throws Exception {
        try (Store store = Store.open(dir)) {
            String html = export(sample(store), Export.Format.HTML, ExportOptions.plain());
            String csp = between(html, "http-equiv=\"Content-Security-Policy\" content=\"", "\"");
            assertTrue(csp.startsWith("default-src 'none'; img-src data:;"), csp);
            assertTrue(csp.contains("'" + sha256(between(html, "<script>", "</script>")) + "'"), "the script's hash: " + csp);
            assertTrue(csp.contains("'" + sha256(between(html, "<style>", "</style>")) + "'"), "the style's hash: " + csp);
            assertFalse(html.contains("</script><script>alert"), "an event cannot close the data block");
            assertFalse(html.contains("<img src=http"), "an event's text is data, never markup");
            assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "nothing refers to the network");
            JsonNode data = JSON.readTree(between(html, "id=\"replay-data\">", "</script>"));
            assertEquals(9, data.get("rows").size(), "eight events (metrics as a line) and the failed message");
            assertEquals(1, data.get("images").size(), "the same picture twice is stored once");
            assertEquals(PNG, data.get("images").get(0).asText());
        }
    }

    @Test
    void aScreenshotNamedByUrlIsFetchedThroughTheBoundSessionAndTheKeyAppearsNowhere() throws Exception {
        try (Store store = Store.open(dir); DemoRun run = new DemoRun(store, "the one near the temple")) {
            Archive archive = store.archive(run.key).orElseThrow();
            String url = archive.events().stream().map(Archive.Event::event).filter(e -> e instanceof AgentEvent.Observation)
                    .map(e -> ((AgentEvent.Observation) e).image().orElseThrow()).findFirst().orElseThrow();
            assertTrue(url.startsWith("http"), "the emulator names screenshots by URL, as H does: " + url);
            AtomicInteger fetches = new AtomicInteger();
            ExportOptions bound = new ExportOptions(false, ExportOptions.fetchingWith(u -> {
                fetches.incrementAndGet();
                var image = run.backend.image(u);
                return new ExportOptions.Fetched(image.bytes(), image.mediaType());
            }));
            for (Export.Format format : Export.Format.values()) {
                Path file = dir.resolve("export." + format.extension());
                Export.write(archive, format, bound, file);
                String written = Files.readString(file);
                assertFalse(written.contains(run.token()), "no key in the " + format + " export");
            }
            String html = Files.readString(dir.resolve("export.html"));
            JsonNode data = JSON.readTree(between(html, "id=\"replay-data\">", "</script>"));
            assertTrue(data.get("images").get(0).asText().startsWith("data:image/png;base64,iVBORw0KGgo"), "inline, as PNG");
            assertTrue(fetches.get() >= 1, "fetched through the session's client");
            assertTrue(html.contains("You · seen by the agent"), "the reply is matched to its echo, with its state");

            String unbound = export(archive, Export.Format.HTML, ExportOptions.plain());
            assertTrue(unbound.contains("export it from there to include them"), "a placeholder says why");
            assertFalse(unbound.contains("data:image/png"), "nothing was fetched without a session");
        }
    }

    @Test
    void aPictureThatCannotBeFetchedSaysWhy() {
        ExportOptions.Images images = ExportOptions.fetchingWith(u -> {
            throw new IllegalStateException("404 not found");
        });
        assertEquals(new ExportOptions.Picture.Missing("it could not be fetched (404 not found)"),
                images.picture("https://agp.eu.hcompany.ai/api/v2/sessions/x/resources/a.png"));
        assertEquals(new ExportOptions.Picture.Inline(PNG), images.picture(PNG));
    }

    @Test
    void hidingIdsLeavesNeitherTheSessionIdNorTheHostInAnyFormat() throws Exception {
        try (Store store = Store.open(dir)) {
            Archive archive = sample(store);
            List<String> leaks = new ArrayList<>();
            for (Export.Format format : Export.Format.values()) {
                String shown = export(archive, format, ExportOptions.plain());
                assertTrue(shown.contains(KEY.sessionId()) && shown.contains("agp.eu.hcompany.ai"), "shown by default: " + format);
                String hidden = export(archive, format, new ExportOptions(true, ExportOptions.plain().images()));
                if (hidden.toLowerCase().contains(KEY.sessionId()) || hidden.contains("agp.eu.hcompany.ai")) {
                    leaks.add(format.name());
                }
                assertTrue(hidden.contains("hidden"), format + " says what it hid");
            }
            assertEquals(List.of(), leaks);
        }
    }

    @Test
    void anExportIsWrittenWholeOrNotAtAll() throws Exception {
        try (Store store = Store.open(dir)) {
            Archive archive = sample(store);
            Path file = dir.resolve("out/session.json");
            Export.write(archive, Export.Format.JSON, ExportOptions.plain(), file);
            assertTrue(JSON.readTree(file.toFile()).has("events"));
            try (var files = Files.list(file.getParent())) {
                assertEquals(List.of("session.json"), files.map(p -> p.getFileName().toString()).toList(), "no partial file left");
            }
        }
    }

    private static String between(String s, String open, String close) {
        int start = s.indexOf(open) + open.length();
        return s.substring(start, s.indexOf(close, start));
    }

    private static String sha256(String s) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
