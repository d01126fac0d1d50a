package dev.agentconsole.store.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.store.Archive;
import dev.agentconsole.store.Store;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The HTML replay of a real demo conversation in headless Chromium, opened from disk: every row is
 * there, the scrubber and play move the view, the search finds and marks text, the theme switches,
 * and the page makes no network request (a loopback server the events point at counts none) and
 * logs no console error. Screenshots go to target/replay-*.png, to look at.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayBrowserTest {

    private Path dir;
    private Path page;
    private int rows;
    private HttpServer bait;
    private final AtomicInteger baitRequests = new AtomicInteger();
    private Chromium chromium;

    @BeforeAll
    void exportAndOpen() throws Exception {
        bait = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bait.createContext("/", exchange -> {
            baitRequests.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        bait.start();
        String baitUrl = "http://127.0.0.1:" + bait.getAddress().getPort();
        dir = Files.createTempDirectory("replay-browser");
        try (Store store = Store.open(dir); DemoRun run = new DemoRun(store, "the one near the temple")) {
            long next = store.position(run.key);
            Instant late = Instant.now().plusSeconds(30);
            // what an agent could write: markup, a picture on a server, a link; the page must show it as text
            store.append(run.key, List.of(
                    new AgentEvent.Note(next, late, "<img src=\"" + baitUrl + "/img\"><script src=\"" + baitUrl + "/js\"></script>"),
                    new AgentEvent.Observation(next + 1, late.plusSeconds(1), Optional.of("a picture on another server"),
                            Optional.of(baitUrl + "/shot.png")),
                    new AgentEvent.LiveView(next + 2, late.plusSeconds(2), baitUrl + "/live")), next + 3).join();
            Archive archive = store.archive(run.key).orElseThrow();
            ExportOptions bound = new ExportOptions(false, ExportOptions.fetchingWith(url -> {
                if (!url.startsWith(run.emulator.baseUrl())) {
                    throw new IllegalStateException("not this session's server");
                }
                var image = run.backend.image(url);
                return new ExportOptions.Fetched(image.bytes(), image.mediaType());
            }));
            page = dir.resolve("replay.html");
            Export.write(archive, Export.Format.HTML, bound, page);
            rows = ReplayRows.of(archive, bound, new Redactor(archive, false)).size();
        }
        chromium = new Chromium(1280, 900);
        chromium.open(page);
        Path shots = Path.of("target");
        chromium.screenshot(shots.resolve("replay-end.png"));
    }

    @AfterAll
    void close() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        bait.stop(0);
    }

    private List<WebElement> rowElements() {
        return chromium.driver.findElements(By.cssSelector("#rows .row"));
    }

    private int current() {
        return Integer.parseInt(chromium.driver.findElement(By.cssSelector("#rows .row.current")).getAttribute("data-index"));
    }

    @Test
    void everyRowIsThereAndShownAtTheEnd() {
        assertEquals(rows, rowElements().size());
        assertTrue(rows > 10, "a whole conversation: " + rows);
        assertEquals(rows - 1, current(), "it opens at the end, everything shown");
        assertTrue(rowElements().stream().allMatch(WebElement::isDisplayed));
        String text = chromium.driver.findElement(By.id("rows")).getText();
        assertTrue(text.contains("Which one should I book"), "the agent's question");
        assertTrue(text.contains("the one near the temple"), "the operator's reply");
        assertTrue(text.contains("<img src="), "markup in an event is shown as text");
        assertTrue(text.contains("Picture not included: it could not be fetched"), "a picture from elsewhere says why");
        List<WebElement> shots = chromium.driver.findElements(By.cssSelector("img.shot"));
        assertFalse(shots.isEmpty(), "the session's screenshots are inline");
        for (WebElement img : shots) {
            assertTrue(img.getAttribute("src").startsWith("data:image/"));
            assertTrue(((Number) chromium.js("return arguments[0].naturalWidth", img)).intValue() > 0, "and decode");
        }
    }

    @Test
    void theScrubberMovesTheViewAndPlayGoesOn() throws Exception {
        WebElement scrubber = chromium.driver.findElement(By.id("scrubber"));
        scrubber.sendKeys(Keys.HOME);
        assertEquals(0, current(), "the start");
        assertTrue(rowElements().get(0).isDisplayed());
        assertFalse(rowElements().get(1).isDisplayed(), "what comes later is not shown yet");
        assertTrue(chromium.driver.findElement(By.id("clock")).getText().endsWith("1 / " + rows));
        for (int i = 0; i < 4; i++) {
            scrubber.sendKeys(Keys.ARROW_RIGHT);
        }
        assertEquals(4, current());
        assertTrue(rowElements().get(4).isDisplayed() && !rowElements().get(5).isDisplayed());
        assertTrue((Boolean) chromium.js("const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.bottom <= window.innerHeight;", rowElements().get(4)), "the current row is in view");
        chromium.screenshot(Path.of("target/replay-scrubbed.png"));
        chromium.driver.findElement(By.cssSelector(".speed[data-speed='16']")).click();
        chromium.driver.findElement(By.id("play")).click();
        Chromium.until(() -> current() >= 6, Duration.ofSeconds(30), "playing moves the timeline on");
        chromium.driver.findElement(By.id("play")).click(); // pause
        int paused = current();
        assertTrue(paused >= 6, "playing moved on by itself");
        assertEquals("true", chromium.driver.findElement(By.cssSelector(".speed[data-speed='16']")).getAttribute("aria-pressed"));
        scrubber.sendKeys(Keys.END);
        assertEquals(rows - 1, current());
    }

    @Test
    void theSearchFindsMarksAndGoesToEachMatch() throws Exception {
        WebElement search = chromium.driver.findElement(By.id("search"));
        search.clear();
        search.sendKeys("temple");
        String count = chromium.driver.findElement(By.id("count")).getText();
        assertTrue(count.endsWith("matches") || count.endsWith("match"), count);
        int found = Integer.parseInt(count.split(" ")[0]);
        assertTrue(found >= 2, "the task and the reply at least: " + count);
        List<WebElement> marks = chromium.driver.findElements(By.cssSelector("#rows mark"));
        assertTrue(marks.stream().anyMatch(m -> m.getText().equalsIgnoreCase("temple")), "the words are marked");
        chromium.driver.findElement(By.id("scrubber")).sendKeys(Keys.HOME);
        search.sendKeys(Keys.ENTER);
        search.sendKeys(Keys.ENTER);
        assertEquals("2 of " + found, chromium.driver.findElement(By.id("count")).getText());
        WebElement hit = chromium.driver.findElement(By.cssSelector("#rows .row.hit-current"));
        assertTrue(hit.isDisplayed(), "a match later than the timeline is brought into view");
        assertTrue(hit.getText().toLowerCase().contains("temple"));
        chromium.screenshot(Path.of("target/replay-search.png"));
        search.clear();
        search.sendKeys("zeppelin");
        assertEquals("no match", chromium.driver.findElement(By.id("count")).getText());
        search.clear();
        search.sendKeys(" ");
        chromium.driver.findElement(By.id("scrubber")).sendKeys(Keys.END);
    }

    @Test
    void lightAndDark() throws Exception {
        String before = (String) chromium.js("return getComputedStyle(document.body).backgroundColor");
        chromium.driver.findElement(By.id("theme")).click();
        String after = (String) chromium.js("return getComputedStyle(document.body).backgroundColor");
        assertFalse(before.equals(after), before + " -> " + after);
        chromium.screenshot(Path.of("target/replay-dark.png"));
        chromium.driver.findElement(By.id("theme")).click();
    }

    @Test
    void noNetworkRequestAndNoConsoleError() {
        chromium.open(page);
        List<String> urls = chromium.requestedUrls();
        assertTrue(urls.stream().allMatch(u -> u.startsWith("file:") || u.startsWith("data:")), "requests: " + urls);
        assertEquals(0, baitRequests.get(), "the loopback server the events point at was never asked");
        assertEquals(List.of(), chromium.consoleErrors());
    }
}
