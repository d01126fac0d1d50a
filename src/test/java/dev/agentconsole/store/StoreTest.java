package dev.agentconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Outgoing;
import dev.agentconsole.agent.OutgoingMessage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {

    private static final SessionKey KEY = new SessionKey("hcompany", "6f1c1a52-3c7e-4a39-9d55-2b1f0f0e6a11");
    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aNewFolderGetsAFreshDatabaseThatSaves() {
        try (Store store = Store.open(dir.resolve("nested/data"))) {
            assertEquals(Store.Mode.SAVING, store.mode());
            assertTrue(store.notice().isEmpty());
        }
        assertTrue(Files.exists(dir.resolve("nested/data").resolve(Store.FILE_NAME)));
    }

    @Test
    void everyKindOfEventComesBackAsItWasStored() {
        List<AgentEvent> events = List.of(
                new AgentEvent.Thought(1, AT, "thinking", List.of("click {\"x\":1}")),
                new AgentEvent.Action(2, AT, "navigate", "{\"url\":\"https://example.com\"}"),
                new AgentEvent.Message(3, AT, "user", true, "hello", List.of("data:image/png;base64,AAAA")),
                new AgentEvent.Question(4, AT, "which one?"),
                new AgentEvent.Answer(5, AT, "{\n  \"a\" : 1\n}", true, Optional.of("success")),
                new AgentEvent.Observation(6, AT, Optional.of("saw"), Optional.empty()),
                new AgentEvent.StatusChange(7, AT, AgentStatus.PAUSED, "paused"),
                new AgentEvent.Failure(8, AT, "boom", Optional.of("E42")),
                new AgentEvent.LiveView(9, AT, "https://live.example/1"),
                new AgentEvent.Metrics(10, AT, Optional.of(3), Optional.of(new BigDecimal("0.0123"))),
                new AgentEvent.Note(11, AT, "a note"),
                new AgentEvent.Other(12, AT, "future_type", "{\"type\":\"future_type\"}"));
        try (Store store = Store.open(dir)) {
            store.append(KEY, events, 13).join();
            assertEquals(events, store.history(KEY));
            assertEquals(13, store.position(KEY));
        }
        try (Store again = Store.open(dir)) {
            assertEquals(events, again.history(KEY), "survives closing and opening");
        }
    }

    @Test
    void storingTheSamePageTwiceKeepsOneCopyAndThePositionNeverGoesBack() {
        List<AgentEvent> page = List.of(new AgentEvent.Note(5, AT, "a"), new AgentEvent.Note(5, AT, "b"),
                new AgentEvent.Note(6, AT, "c"));
        try (Store store = Store.open(dir)) {
            store.append(KEY, page, 7).join();
            store.append(KEY, page, 7).join();
            store.append(KEY, List.of(), 3).join();
            assertEquals(page, store.history(KEY));
            assertEquals(7, store.position(KEY));
            assertEquals(List.of(page.get(2)), store.historyAfter(KEY, 5));
        }
    }

    @Test
    void theOutboxKeepsMessagesWithStartUrlCallerIdAndBatchesAndStoresAnImageOnce() {
        String image = "data:image/png;base64,iVBORw0KGgo=";
        Outgoing single = new Outgoing.Single(new OutgoingMessage("look", List.of(image), Optional.of("ops"),
                Optional.of("https://example.com")));
        Outgoing batch = new Outgoing.Batch(List.of(OutgoingMessage.text("one"), OutgoingMessage.text("two").withImages(List.of(image))));
        try (Store store = Store.open(dir)) {
            long a = store.newDeliveryId();
            long b = store.newDeliveryId();
            store.enqueue(a, KEY, single, "QUEUED", 4).join();
            store.enqueue(b, KEY, batch, "QUEUED", 4).join();
            store.update(a, "UNCERTAIN", Optional.of("no answer"), 2).join();
            assertEquals(1, store.attachmentCount(), "the same image twice is stored once");
        }
        try (Store again = Store.open(dir)) {
            List<OutboxRow> rows = again.outbox(KEY, List.of("QUEUED", "UNCERTAIN"));
            assertEquals(2, rows.size());
            assertEquals(single, rows.get(0).outgoing());
            assertEquals("UNCERTAIN", rows.get(0).state());
            assertEquals(Optional.of("no answer"), rows.get(0).cause());
            assertEquals(2, rows.get(0).attempts());
            assertEquals(4, rows.get(0).sentAfter());
            assertEquals(batch, rows.get(1).outgoing());
            assertTrue(again.newDeliveryId() > rows.get(1).id(), "ids are never reused after a restart");
        }
    }

    @Test
    void aVersionOneFileIsMigratedAndKeepsItsDrafts() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            for (String sql : Schema.V1) {
                s.execute(sql);
            }
            s.execute("INSERT INTO drafts VALUES ('hcompany', '" + KEY.sessionId() + "', 'from v1', '', '', '[]', 0)");
            s.execute("PRAGMA user_version = 1");
        }
        try (Store store = Store.open(dir)) {
            assertEquals(Store.Mode.SAVING, store.mode());
            assertEquals(Optional.of(new Draft("from v1", "", "", List.of(), List.of())), store.draft(KEY));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
             Statement s = c.createStatement(); var r = s.executeQuery("PRAGMA user_version")) {
            assertEquals(Store.SCHEMA_VERSION, r.getInt(1));
        }
    }

    @Test
    void draftImagesAreStoredOnceAndForgottenWhenNoLongerUsed() {
        String image = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==";
        try (Store store = Store.open(dir)) {
            store.saveDraft(KEY, new Draft("look", "", "", List.of(), List.of(image)));
            store.saveDraft(new SessionKey("hcompany", "other"), new Draft("same picture", "", "", List.of(), List.of(image)));
        }
        try (Store store = Store.open(dir)) {
            assertEquals(List.of(image), store.draft(KEY).orElseThrow().images());
            assertEquals(1, store.attachmentCount());
            store.saveDraft(KEY, Draft.EMPTY);
            store.saveDraft(new SessionKey("hcompany", "other"), Draft.EMPTY);
        }
        try (Store store = Store.open(dir)) {
            assertEquals(0, store.attachmentCount(), "an image nothing refers to is deleted on open");
        }
    }

    @Test
    void draftsAreSavedAfterAPauseAndTheLatestWins() throws Exception {
        try (Store store = Store.open(dir)) {
            store.saveDraft(KEY, new Draft("h", "", "", List.of()));
            store.saveDraft(KEY, new Draft("hello", "https://a.example", "ops", List.of("one", "two")));
            assertEquals("hello", store.draft(KEY).orElseThrow().text(), "a pending draft reads back at once");
            Thread.sleep(Store.DRAFT_DELAY_MS * 3);
        }
        try (Store again = Store.open(dir)) {
            assertEquals(Optional.of(new Draft("hello", "https://a.example", "ops", List.of("one", "two"))), again.draft(KEY));
            assertEquals(Optional.empty(), again.draft(SessionKey.UNBOUND));
        }
    }

    @Test
    void aDraftStillPendingIsWrittenWhenTheStoreCloses() {
        try (Store store = Store.open(dir)) {
            store.saveDraft(KEY, new Draft("typed just now", "", "", List.of()));
        }
        try (Store again = Store.open(dir)) {
            assertEquals("typed just now", again.draft(KEY).orElseThrow().text());
        }
    }

    @Test
    void recentSessionsComeNewestFirstPerProvider() throws Exception {
        try (Store store = Store.open(dir)) {
            store.touch(new SessionKey("hcompany", "a"), "https://h.example").join();
            Thread.sleep(5);
            store.touch(new SessionKey("agi", "b"), "").join();
            Thread.sleep(5);
            store.touch(new SessionKey("hcompany", "c"), "https://h.example").join();
            Thread.sleep(5);
            store.touch(new SessionKey("hcompany", "a"), "https://h.example").join();
            assertEquals(List.of("a", "c"), store.recent("hcompany", 10));
            assertEquals(List.of("b"), store.recent("agi", 10));
        }
    }

    @Test
    void aDamagedFileIsKeptAsideAndAFreshOneStarted() throws Exception {
        Files.write(dir.resolve(Store.FILE_NAME), "this is not a database, it is a text file padded out ".repeat(200).getBytes());
        try (Store store = Store.open(dir)) {
            assertEquals(Store.Mode.SAVING, store.mode());
            String notice = store.notice().orElseThrow();
            assertTrue(notice.contains("damaged") && notice.contains("kept aside"), notice);
            store.append(KEY, List.of(new AgentEvent.Note(1, AT, "fresh")), 2).join();
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith(Store.FILE_NAME + ".damaged-")),
                    "the damaged file is still there to inspect");
        }
    }

    @Test
    void aFileFromANewerVersionOpensReadOnlyWithItsHistory() throws Exception {
        try (Store store = Store.open(dir)) {
            store.append(KEY, List.of(new AgentEvent.Note(1, AT, "kept")), 2).join();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        try (Store store = Store.open(dir)) {
            assertEquals(Store.Mode.READ_ONLY, store.mode());
            assertTrue(store.notice().orElseThrow().contains("newer"), store.notice().orElseThrow());
            assertEquals(1, store.history(KEY).size(), "the history still shows");
            assertFalse(store.append(KEY, List.of(new AgentEvent.Note(2, AT, "new")), 3).join(), "nothing new is written");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
             Statement s = c.createStatement(); var r = s.executeQuery("PRAGMA user_version")) {
            assertEquals(99, r.getInt(1), "the newer file is left as it was");
        }
    }

    @Test
    void aSecondConsoleOnTheSameFolderOpensItReadOnlyUntilTheFirstCloses() {
        try (Store first = Store.open(dir)) {
            first.append(KEY, List.of(new AgentEvent.Note(1, AT, "by the first")), 2).join();
            try (Store second = Store.open(dir)) {
                assertEquals(Store.Mode.READ_ONLY, second.mode());
                assertTrue(second.notice().orElseThrow().contains("Another Agent Console"), second.notice().orElseThrow());
                assertEquals(1, second.history(KEY).size(), "it still shows the history");
            }
        }
        try (Store again = Store.open(dir)) {
            assertEquals(Store.Mode.SAVING, again.mode(), "the lock goes with the first one");
        }
    }

    @Test
    void aFolderThatCannotBeCreatedFallsBackToMemoryAndSaysSo() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        try (Store store = Store.open(file.resolve("data"))) {
            assertEquals(Store.Mode.MEMORY_ONLY, store.mode());
            assertTrue(store.notice().orElseThrow().contains("--data-dir"), store.notice().orElseThrow());
            store.append(KEY, List.of(new AgentEvent.Note(1, AT, "in memory")), 2).join();
            assertEquals(1, store.history(KEY).size(), "the session still works, in memory");
        }
    }

    @Test
    void aFullDiskIsReportedOnceAndTheConsoleKeepsWorking() {
        try (Store store = Store.open(dir)) {
            List<String> trouble = new CopyOnWriteArrayList<>();
            store.onTrouble(trouble::add);
            store.limitPages(1); // SQLite's own limit: writes now fail as on a full disk
            List<AgentEvent> big = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                big.add(new AgentEvent.Note(i, AT, "x".repeat(1000)));
            }
            assertFalse(store.append(KEY, big, 201).join());
            assertFalse(store.append(KEY, big, 201).join());
            assertEquals(1, trouble.size(), "said once, not once per write: " + trouble);
            assertTrue(trouble.get(0).startsWith("Could not save the agent's events"), trouble.get(0));
            assertTrue(store.history(KEY).isEmpty(), "events and position are saved together or not at all");
            assertEquals(0, store.position(KEY));
        }
    }
}
