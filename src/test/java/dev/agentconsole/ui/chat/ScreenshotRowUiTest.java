package dev.agentconsole.ui.chat;

import static dev.agentconsole.ui.FxTesting.fx;
import static dev.agentconsole.ui.FxTesting.shownWithAllItsParents;
import static dev.agentconsole.ui.FxTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentEvent;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * H's platform screenshots are URLs that need the key: the row fetches them through the bound session
 * (never JavaFX's own loading, which left an empty box), shows it is loading, and says why one did not
 * come, with a Retry that fetches it again.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotRowUiTest {

    static final String URL = "https://agp.example/api/v2/sessions/0b6f3c7e-2a41-4d55-9c3e-8f1a2b3c4d5e/resources/screenshots/step-3.png";

    final TranscriptViewModel model = new TranscriptViewModel();
    final ImageLoader images = new ImageLoader();
    final List<String> fetched = new CopyOnWriteArrayList<>();
    final AtomicReference<String> refusal = new AtomicReference<>("the key was refused for this image");

    @Start
    void start(Stage stage) {
        new Theme().apply();
        images.setFetcher(url -> {
            fetched.add(url);
            String why = refusal.get();
            if (why != null) {
                throw new IllegalStateException(why);
            }
            return Files.readAllBytes(Path.of("src/test/resources/images/small.png"));
        });
        TranscriptView view = new TranscriptView(model, new TranscriptView.Actions(q -> { }, id -> { }, id -> { }), images);
        view.getStyleClass().add(Styles.ROOT);
        Scene scene = new Scene(view, 900, 600);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static boolean shownLabel(FxRobot robot, String text) {
        return robot.lookup(".transcript .thumbnail-state .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> shownWithAllItsParents(l) && l.getText() != null && l.getText().contains(text));
    }

    @Test
    void aUrlScreenshotThatFailsSaysWhyAndRetryFetchesItThroughTheSession(FxRobot robot) throws Exception {
        showRow("Search results", URL);
        waitFor("the reason it did not load", () -> shownLabel(robot, "did not load: the key was refused for this image"));
        assertEquals(List.of(URL), fetched, "fetched through the session's fetcher, by its address");

        refusal.set(null);
        Button retry = robot.lookup("#thumbnailRetry").queryAllAs(Button.class).stream()
                .filter(b -> shownWithAllItsParents(b)).findFirst().orElseThrow();
        robot.clickOn(retry);
        waitFor("the picture", () -> robot.lookup(".transcript .thumbnail").queryAllAs(ImageView.class).stream()
                .anyMatch(v -> shownWithAllItsParents(v) && v.getImage() != null));
        assertEquals(2, fetched.size(), "Retry fetched it again");
    }

    @Test
    void aScreenshotIsDecodedForItsBoxAtTheScreensScaleNotLarger(FxRobot robot) throws Exception {
        String uri = dataUri(1280, 800);
        showRow("a full screen", uri);
        waitFor("the picture", () -> shownThumbnail(robot) != null);
        ImageView shown = shownThumbnail(robot);
        double scale = fx(() -> shown.getScene().getWindow().getOutputScaleX());
        double box = 240; // the thumbnail's box
        assertEquals(Math.ceil(box * Math.max(1, scale)), shown.getImage().getWidth(), 1,
                "as wide as the box draws on this screen: sharp, and no more pixels kept than it shows");
    }

    @Test
    void aWindowThatComesToAScreenOfAnotherScaleShowsItsScreenshotsDecodedForIt(FxRobot robot) throws Exception {
        String uri = dataUri(1280, 800);
        showRow("a full screen", uri);
        waitFor("the picture", () -> shownThumbnail(robot) != null);
        double at1x = shownThumbnail(robot).getImage().getWidth();
        fx(() -> {
            doubleTheScale(shownThumbnail(robot).getScene().getWindow());
            return null;
        });
        waitFor("the picture decoded again, twice as wide", () -> {
            ImageView v = shownThumbnail(robot);
            return v != null && Math.abs(v.getImage().getWidth() - 2 * at1x) <= 1;
        });
    }

    @Test
    void aFailedScreenshotIsNotFetchedAgainOnItsOwnWhenTheWindowChangesScale(FxRobot robot) throws Exception {
        showRow("Search results", URL);
        waitFor("the reason it did not load", () -> shownLabel(robot, "did not load: the key was refused for this image"));
        fx(() -> {
            doubleTheScale(robot.lookup(".transcript").query().getScene().getWindow());
            model.clear(); // the row shown afresh, as when it scrolls back into view
            model.addEvents(List.of(new AgentEvent.Observation(0, Instant.now(), Optional.of("Search results"), Optional.of(URL))));
            return null;
        });
        waitFor("the row shown again", () -> shownLabel(robot, "did not load") || fetched.size() > 1);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(URL), fetched, "fetched once: a failure is remembered for the row, whatever the scale");
        assertTrue(shownLabel(robot, "did not load: the key was refused for this image"));
    }

    /** One screenshot row, added as the session's reading adds it. */
    private void showRow(String caption, String uri) throws Exception {
        fx(() -> {
            model.addEvents(List.of(new AgentEvent.Observation(0, Instant.now(), Optional.of(caption), Optional.of(uri))));
            return null;
        });
    }

    /** What a move to a screen of twice the scale does to the window. */
    private static void doubleTheScale(javafx.stage.Window window) {
        window.setRenderScaleX(window.getRenderScaleX() * 2);
        window.setRenderScaleY(window.getRenderScaleY() * 2);
    }

    private static ImageView shownThumbnail(FxRobot robot) {
        return robot.lookup(".transcript .thumbnail").queryAllAs(ImageView.class).stream()
                .filter(v -> shownWithAllItsParents(v) && v.getImage() != null).findFirst().orElse(null);
    }

    private static String dataUri(int width, int height) throws java.io.IOException {
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(picture, "png", png);
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png.toByteArray());
    }

    @Test
    void aRowAtTheSamePlaceInAnotherSessionNeverShowsTheLastSessionsPicture(FxRobot robot) throws Exception {
        refusal.set(null);
        String other = URL.replace("step-3", "step-3-of-another-session");
        showRow("first session", URL);
        waitFor("the first picture", () -> fetched.contains(URL) && robot.lookup(".transcript .thumbnail")
                .queryAllAs(ImageView.class).stream().anyMatch(v -> shownWithAllItsParents(v) && v.getImage() != null));
        fx(() -> { // what binding another session does: the transcript starts over, and so do the pictures
            model.clear();
            images.reset();
            model.addEvents(List.of(new AgentEvent.Observation(0, Instant.now(), Optional.of("second session"), Optional.of(other))));
            return null;
        });
        waitFor("the second session's own picture, fetched", () -> fetched.contains(other));
    }
}
