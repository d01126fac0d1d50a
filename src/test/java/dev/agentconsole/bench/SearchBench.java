package dev.agentconsole.bench;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.store.SearchHit;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The search bars of issue 21, each next to a baseline in the same run: indexing an existing
 * 100,000-event database (against reading and decoding the same events), a search over them
 * (against a plain {@code LIKE} scan of the stored events), exporting them as JSON (against
 * copying the database file) and opening a 10,000-event HTML replay in Chromium (against the
 * same page with 100 events).
 */
final class SearchBench {

    /** Where a figure goes: the harness's table. */
    interface Rows {
        void row(String figure, String measured, String baseline, String ratio);
    }

    static final int EVENTS = 100_000;
    static final SessionKey KEY = new SessionKey("hcompany", "3f2b8c1e-0a4d-4e5f-9b6a-7c8d9e0f1a2b");
    static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private SearchBench() {}

    public static void main(String[] args) throws Exception {
        run((figure, measured, baseline, ratio) -> System.out.println(figure + ": " + measured + " | " + baseline + " | " + ratio),
                Path.of(args.length > 0 ? args[0] : "."));
    }

    static void run(Rows rows, Path root) throws Exception {
        Path dir = Files.createTempDirectory("bench-search");
        fill(dir);
        indexing(rows, dir);
        searching(rows, dir);
        SearchExportBench.run(rows, dir, KEY);
    }

    /** A store of 100,000 events as an older version wrote it: no search tables, no workspace, schema 2. */
    private static void fill(Path dir) throws Exception {
        SearchCorpus corpus = new SearchCorpus(21);
        try (Store store = Store.open(dir)) {
            List<AgentEvent> all = corpus.events(EVENTS, START);
            for (int i = 0; i < all.size(); i += 1000) {
                store.append(KEY, all.subList(i, Math.min(all.size(), i + 1000)), i + 1000).join();
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("DROP TABLE search");
            s.execute("DROP TABLE IF EXISTS search_content"); // SQLite 3.50 leaves it behind (contentless_unindexed)
            s.execute("DROP TABLE search_backlog");
            s.execute("DROP TABLE workspace"); // schema 4's; migrating from 2 creates it again
            s.execute("PRAGMA user_version = 2");
            s.execute("VACUUM");
        }
    }

    private static long indexedEvents;

    /**
     * Each round in a fresh JVM, as the console meets an older file: opening it (migrating),
     * indexing every event search holds, then (the baseline) reading and decoding all of them.
     */
    private static void indexing(Rows rows, Path dir) throws Exception {
        Path work = Files.createTempDirectory("bench-index");
        List<Double> index = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 3; round++) {
            Files.copy(dir.resolve(Store.FILE_NAME), work.resolve(Store.FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), IndexOnce.class.getName(),
                    work.toString()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("indexing failed: " + output);
            }
            for (String line : output.lines().toList()) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "index" -> index.add(Double.parseDouble(f[1]));
                    case "read" -> read.add(Double.parseDouble(f[1]));
                    case "indexed" -> indexedEvents = Long.parseLong(f[1]);
                    default -> { }
                }
            }
        }
        Stats si = Stats.of(index);
        Stats sr = Stats.of(read);
        rows.row(String.format(Locale.ROOT, "Indexing an existing 100,000-event database for search, in a fresh JVM "
                        + "(opening, migrating, indexing the %,d events of the kinds search holds)", indexedEvents),
                si.describe("ms"), "reading and decoding all 100,000 events once, same JVM after: " + sr.describe("ms"),
                ratio(si.median(), sr.median()));
        Files.copy(work.resolve(Store.FILE_NAME), dir.resolve(Store.FILE_NAME), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** One indexing round, in its own JVM: prints "index MS", "indexed N" and "read MS". */
    public static final class IndexOnce {
        public static void main(String[] args) {
            long t0 = System.nanoTime();
            try (Store store = Store.open(Path.of(args[0]))) {
                if (store.notice().isPresent()) { // the file did not open as it is: nothing here would be measured
                    throw new IllegalStateException("the store did not open its file: " + store.notice().get());
                }
                store.indexed().join();
                System.out.printf(Locale.ROOT, "index %.1f%n", (System.nanoTime() - t0) / 1e6);
                System.out.println("indexed " + store.indexProgress().done());
                long t1 = System.nanoTime();
                int n = store.history(KEY).size();
                System.out.printf(Locale.ROOT, "read %.1f%n", (System.nanoTime() - t1) / 1e6);
                if (n != EVENTS) {
                    throw new IllegalStateException("expected " + EVENTS + " events, read " + n);
                }
            }
        }
    }

    private static void searching(Rows rows, Path dir) throws Exception {
        SearchCorpus corpus = new SearchCorpus(21);
        List<String> queries = List.of("budget", "hotel price", "cheaper temple", corpus.rareWord(3), corpus.rareWord(40),
                "boo", "\"guest review\"", "予算", "selector item", corpus.rareWord(7) + " the");
        List<Double> fts = new ArrayList<>();
        List<Double> like = new ArrayList<>();
        List<Double> find = new ArrayList<>();
        try (Store store = Store.open(dir)) {
            store.indexed().join();
            for (int round = 0; round < 12; round++) {
                for (String q : queries) {
                    long t0 = System.nanoTime();
                    store.search(q, Optional.empty(), 50);
                    double ms = (System.nanoTime() - t0) / 1e6;
                    long t1 = System.nanoTime();
                    store.find(KEY, q);
                    double findMs = (System.nanoTime() - t1) / 1e6;
                    if (round >= 2) {
                        fts.add(ms);
                        find.add(findMs);
                    }
                }
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Store.FILE_NAME));
             PreparedStatement p = c.prepareStatement("SELECT position FROM events WHERE body LIKE ?")) {
            for (int round = 0; round < 6; round++) {
                for (String q : queries) {
                    String word = q.replace("\"", "").split(" ")[0];
                    long t0 = System.nanoTime();
                    p.setString(1, "%" + word + "%");
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            r.getLong(1);
                        }
                    }
                    if (round >= 1) {
                        like.add((System.nanoTime() - t0) / 1e6);
                    }
                }
            }
        }
        Stats sf = Stats.of(fts);
        Stats sl = Stats.of(like);
        rows.row("Search over 100,000 stored events: the best 50 hits with snippets and session names, "
                        + queries.size() + " queries (common, rare, prefix, phrase, Japanese)", sf.describe("ms"),
                "SQLite LIKE '%word%' over the stored events (every match, no ranking, no snippets): " + sl.describe("ms"),
                ratio(sf.median(), sl.median()));
        Stats sfind = Stats.of(find);
        rows.row("Ctrl+F in a 100,000-event session: every match, in order (the same queries)", sfind.describe("ms"),
                "the ranked search above: " + sf.describe("ms"), ratio(sfind.median(), sf.median()));
    }

    static String ratio(double a, double b) {
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }
}
