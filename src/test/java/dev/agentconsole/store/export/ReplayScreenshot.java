package dev.agentconsole.store.export;

import dev.agentconsole.store.Archive;
import dev.agentconsole.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The README's picture of the replay page: a real demo conversation exported with its screenshots,
 * opened in headless chromium, the timeline scrubbed back to the agent's question and a search
 * under way. {@code java -cp target/classes:target/test-classes:<test class path>
 * dev.agentconsole.store.export.ReplayScreenshot assets/replay.png}
 */
public final class ReplayScreenshot {

    private ReplayScreenshot() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/replay.png");
        Path dir = Files.createTempDirectory("replay-shot");
        Path page = dir.resolve("replay.html");
        try (Store store = Store.open(dir); DemoRun run = new DemoRun(store, "the one near the temple, please")) {
            Archive archive = store.archive(run.key).orElseThrow();
            Export.write(archive, Export.Format.HTML, new ExportOptions(true, ExportOptions.fetchingWith(url -> {
                var image = run.backend.image(url);
                return new ExportOptions.Fetched(image.bytes(), image.mediaType());
            })), page);
        }
        try (Chromium chromium = new Chromium(1280, 860)) {
            chromium.open(page);
            WebElement search = chromium.driver.findElement(By.id("search"));
            search.sendKeys("gion");
            WebElement scrubber = chromium.driver.findElement(By.id("scrubber"));
            scrubber.sendKeys(Keys.HOME);
            // back in time to the agent's question: what came after is not shown yet
            while (!(Boolean) chromium.js("return document.querySelector('#rows .row.current').classList.contains('k-question')")) {
                scrubber.sendKeys(Keys.ARROW_RIGHT);
            }
            chromium.js("document.activeElement.blur(); window.scrollBy(0, -(window.innerHeight / 2 - 130))");
            chromium.screenshot(out);
        }
        System.out.println("wrote " + out);
    }
}
