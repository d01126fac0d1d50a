package dev.agentconsole.bench;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.store.Archive;
import dev.agentconsole.store.SessionKey;
import dev.agentconsole.store.Store;
import dev.agentconsole.store.export.Export;
import dev.agentconsole.store.export.ExportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The export bars: 100,000 stored events to JSON (reading them from the store and writing the
 * file, against copying the database file), and a 10,000-event HTML replay opening in headless
 * Chromium (from navigation start until every row is in the page and those in view are laid out,
 * as the page's own clock says; against the same page with 100 events).
 */
final class SearchExportBench {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private SearchExportBench() {}

    static void run(SearchBench.Rows rows, Path dir, SessionKey key) throws Exception {
        json(rows, dir, key);
        html(rows, dir);
    }

    private static void json(SearchBench.Rows rows, Path dir, SessionKey key) throws Exception {
        Path out = Files.createTempDirectory("bench-export");
        List<Double> export = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        long bytes = 0;
        try (Store store = Store.open(dir)) {
            for (int round = 0; round < 5; round++) {
                long t0 = System.nanoTime();
                Archive archive = store.archive(key).orElseThrow();
                Export.write(archive, Export.Format.JSON, ExportOptions.plain(), out.resolve("session.json"));
                double ms = (System.nanoTime() - t0) / 1e6;
                if (archive.events().size() != SearchBench.EVENTS) {
                    throw new IllegalStateException("exported " + archive.events().size() + " events");
                }
                bytes = Files.size(out.resolve("session.json"));
                long t1 = System.nanoTime();
                Files.copy(dir.resolve(Store.FILE_NAME), out.resolve("copy.db"), StandardCopyOption.REPLACE_EXISTING);
                double copyMs = (System.nanoTime() - t1) / 1e6;
                if (round > 0) {
                    export.add(ms);
                    copy.add(copyMs);
                }
            }
        }
        Stats se = Stats.of(export);
        Stats sc = Stats.of(copy);
        rows.row(String.format(Locale.ROOT, "Export of 100,000 stored events to JSON (read from the store, written to a "
                        + "file of %.0f MB)", bytes / 1e6), se.describe("ms"),
                "copying the database file: " + sc.describe("ms"), SearchBench.ratio(se.median(), sc.median()));
    }

    private static void html(SearchBench.Rows rows, Path dir) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            rows.row("A 10,000-event HTML replay opening in Chromium", "skipped: no /usr/bin/chromium and chromedriver",
                    "apt-get install chromium chromium-driver", "-");
            return;
        }
        Path pages = Files.createTempDirectory("bench-replay");
        Path big = replay(pages, 10_000);
        Path small = replay(pages, 100);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--disable-background-networking");
        ChromeDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        List<Double> open = new ArrayList<>();
        List<Double> baseline = new ArrayList<>();
        try {
            for (int round = 0; round < 7; round++) {
                double b = opened(driver, big);
                double s = opened(driver, small);
                if (round > 0) {
                    open.add(b);
                    baseline.add(s);
                }
            }
        } finally {
            driver.quit();
        }
        Stats so = Stats.of(open);
        Stats sb = Stats.of(baseline);
        rows.row(String.format(Locale.ROOT, "A 10,000-event HTML replay (%.1f MB) opening in headless Chromium: navigation "
                        + "start to all rows in the page and those in view laid out (the rest as they scroll in)", Files.size(big) / 1e6), so.describe("ms"),
                "the same page with 100 events: " + sb.describe("ms"), SearchBench.ratio(so.median(), sb.median()));
    }

    /** Milliseconds from navigation start until the page has rendered its rows and laid them out. */
    private static double opened(ChromeDriver driver, Path page) {
        driver.get("about:blank");
        driver.get(page.toUri().toString());
        long end = System.nanoTime() + 30_000_000_000L;
        while (driver.executeScript("return document.documentElement.dataset.ready || ''").equals("")) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the replay did not render: " + page);
            }
        }
        Object rendered = driver.executeScript("return document.querySelectorAll('#rows .row').length");
        if (((Number) rendered).intValue() == 0) {
            throw new IllegalStateException("no rows in " + page);
        }
        // the page's own clock: navigation start to the end of its script, after a forced layout of every row
        return Double.parseDouble((String) driver.executeScript("return document.documentElement.dataset.ready"));
    }

    private static Path replay(Path pages, int events) throws Exception {
        Path dir = Files.createTempDirectory("bench-replay-store");
        SessionKey key = new SessionKey("hcompany", "9a8b7c6d-0a4d-4e5f-9b6a-7c8d9e0f1a2b");
        try (Store store = Store.open(dir)) {
            List<AgentEvent> all = new SearchCorpus(7).events(events, SearchBench.START);
            for (int i = 0; i < all.size(); i += 1000) {
                store.append(key, all.subList(i, Math.min(all.size(), i + 1000)), i + 1000).join();
            }
            Path page = pages.resolve("replay-" + events + ".html");
            Export.write(store.archive(key).orElseThrow(), Export.Format.HTML, ExportOptions.plain(), page);
            return page;
        }
    }
}
