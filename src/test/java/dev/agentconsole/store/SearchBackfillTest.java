package dev.agentconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database written before search existed: indexed once after opening, in chunks, with progress. */
class SearchBackfillTest {

    private static final SessionKey KEY = new SessionKey("hcompany", "6f1c1a52-3c7e-4a39-9d55-2b1f0f0e6a11");
    private static final Instant AT = Instant.parse("2026-11-23T07:00:00Z");
    private static final int EVENTS = 5000;

    @TempDir
    Path dir;

    /** A version-2 file (no search tables) holding {@code EVENTS} questions and as many notes. */
    private void writeVersionTwoFile(int userVersion) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            for (String sql : Schema.V1) {
                s.execute(sql);
            }
            for (String sql : Schema.V2) {
                s.execute(sql);
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO events VALUES ('hcompany', ?, ?, 0, ?, ?)")) {
                for (int i = 0; i < EVENTS * 2; i++) {
                    AgentEvent e = i % 2 == 0 ? new AgentEvent.Question(i, AT, "question " + i + " about the budget")
                            : new AgentEvent.Note(i, AT, "note " + i + " about the budget");
                    p.setString(1, KEY.sessionId());
                    p.setLong(2, i);
                    p.setString(3, EventCodec.kind(e));
                    p.setString(4, EventCodec.encode(e));
                    p.executeUpdate();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("PRAGMA user_version = " + userVersion);
        }
    }

    @Test
    void anOlderFileIsMigratedAndItsEventsIndexedInChunksWithProgress() throws Exception {
        writeVersionTwoFile(2);
        List<SearchHit.Progress> told = new CopyOnWriteArrayList<>();
        try (Store store = Store.open(dir)) {
            store.onIndexProgress(told::add);
            store.indexed().get(60, TimeUnit.SECONDS);
            assertEquals(new SearchHit.Progress(EVENTS, EVENTS), store.indexProgress(), "only the kinds search holds wait");
            assertEquals(EVENTS, store.find(KEY, "budget").size(), "every question is found, no note");
            assertEquals(1, store.search("4242", Optional.empty(), 10).size());
            assertTrue(told.size() >= 1, "progress was told: " + told);
            for (int i = 1; i < told.size(); i++) {
                assertTrue(told.get(i).done() > told.get(i - 1).done(), "progress only goes forward: " + told);
            }
            store.append(KEY, List.of(new AgentEvent.Question(EVENTS * 2, AT, "a new budget question")), EVENTS * 2 + 1).join();
            assertEquals(EVENTS + 1, store.find(KEY, "budget").size(), "new events join the index as they are stored");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA user_version")) {
                assertEquals(Store.SCHEMA_VERSION, r.getInt(1));
            }
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM search_backlog")) {
                assertEquals(0, r.getInt(1), "nothing is left to index: the next start does not index again");
            }
        }
        try (Store again = Store.open(dir)) {
            assertEquals(new SearchHit.Progress(0, 0), again.indexProgress(), "indexed once");
            assertEquals(EVENTS + 1, again.find(KEY, "budget").size());
        }
    }

    @Test
    void aFileOpenedReadOnlyWithoutAnIndexIsSearchedThroughOneBuiltInMemory() throws Exception {
        writeVersionTwoFile(99); // "newer": opened read-only, and it has no search tables
        try (Store store = Store.open(dir)) {
            assertEquals(Store.Mode.READ_ONLY, store.mode());
            store.indexed().get(60, TimeUnit.SECONDS);
            assertEquals(EVENTS, store.find(KEY, "budget").size());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 'search%'")) {
            assertEquals(0, r.getInt(1), "the file is left as it was");
        }
    }
}
