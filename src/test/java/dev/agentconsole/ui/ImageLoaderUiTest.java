package dev.agentconsole.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The pictures a session's loader keeps decoded are bounded by their pixels, not only by their number. */
@ExtendWith(ApplicationExtension.class)
class ImageLoaderUiTest {

    final ImageLoader images = new ImageLoader();

    @Start
    void start(Stage stage) {
        // the toolkit only: pictures decode through it
    }

    @AfterEach
    void stop() {
        images.close();
    }

    private static String screenOfPixels() throws Exception {
        return pictureOf(1280, 800);
    }

    private static String pictureOf(int width, int height) throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", png);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private Image load(String key, String uri) throws Exception {
        CompletableFuture<Image> loaded = new CompletableFuture<>();
        Platform.runLater(() -> images.load(key, uri, 0, loaded::complete, why -> loaded.completeExceptionally(new AssertionError(why))));
        return loaded.get(20, TimeUnit.SECONDS);
    }

    private Image cached(String key) throws Exception {
        CompletableFuture<Image> c = new CompletableFuture<>();
        Platform.runLater(() -> c.complete(images.cached(key, 0)));
        return c.get(5, TimeUnit.SECONDS);
    }

    @Test
    void enlargedScreenshotsLeaveTheCacheOnceTheirPixelsPassItsBound() throws Exception {
        String uri = screenOfPixels();
        long each = 1280L * 800 * 4;
        int fit = (int) (ImageLoader.MAX_DECODED_BYTES / each);
        assertTrue(fit >= 2 && fit < 300, "the bound is met by pixels, well before 300 pictures: " + fit);
        for (int i = 0; i <= fit + 1; i++) {
            load("shot-" + i + "#full", uri);
        }
        assertNull(cached("shot-0#full"), "the least recently shown left");
        assertNull(cached("shot-1#full"));
        assertNotNull(cached("shot-" + (fit + 1) + "#full"), "the newest stays");
        assertNotNull(cached("shot-2#full"), "and those that fit with it");
    }

    @Test
    void onePictureLargerThanHalfTheBoundIsShownButNotKeptAndPushesNothingOut() throws Exception {
        String screen = screenOfPixels();
        load("a#full", screen);
        load("b#full", screen);
        String huge = pictureOf(3840, 2160); // a 4K screenshot enlarged: 33 MB of pixels
        assertNotNull(load("huge#full", huge), "shown");
        assertNull(cached("huge#full"), "not kept");
        assertNotNull(cached("a#full"), "and the others stay");
        assertNotNull(cached("b#full"));
    }
}
