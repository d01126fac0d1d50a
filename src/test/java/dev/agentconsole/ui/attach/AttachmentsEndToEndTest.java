package dev.agentconsole.ui.attach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.DataUris;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.attach.ImageEncoder;
import dev.agentconsole.attach.TestImages;
import dev.agentconsole.emulator.Emulator;
import dev.agentconsole.emulator.ReceivedMessage;
import dev.agentconsole.emulator.ScriptClock;
import dev.agentconsole.session.ConnectionState;
import dev.agentconsole.store.Store;
import dev.agentconsole.ui.EmulatorConnector;
import dev.agentconsole.ui.UiThread;
import dev.agentconsole.ui.workspace.WorkspaceViewModel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attached images as the emulator receives them, through the composer, the outbox and the real client. */
class AttachmentsEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    Emulator emulator;
    UiThread ui;
    ExecutorService io;
    EmulatorConnector connector;
    WorkspaceViewModel vm;
    String session;

    @BeforeEach
    void start() {
        emulator = Emulator.start(0, ScriptClock.manual());
        ui = new UiThread();
        io = Executors.newCachedThreadPool();
        open();
        session = emulator.createDemoSession();
        bind();
    }

    private void open() {
        connector = new EmulatorConnector(emulator, Store.open(dir.resolve("data")));
        vm = ui.call(() -> new WorkspaceViewModel(connector, ui, io, Instant::now, dev.agentconsole.ui.workspace.Notifier.NONE));
    }

    private void bind() {
        ui.run(() -> {
            vm.form().sessionTextProperty().set(session);
            vm.form().connect();
        });
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
    }

    @AfterEach
    void stop() {
        ui.run(vm::close);
        connector.close();
        ui.close();
        io.shutdownNow();
        emulator.close();
    }

    private AttachmentsViewModel attachments() {
        return vm.front().composer().attachments();
    }

    private String sendWithImage(Path file, String text) {
        ui.run(() -> attachments().addFiles(List.of(file)));
        ui.await("fitted", WAIT, () -> !attachments().items().isEmpty() && attachments().items().get(0).ready());
        ui.run(() -> {
            vm.front().composer().textProperty().set(text);
            vm.front().send();
        });
        ui.await("arrived", WAIT, () -> emulator.receivedMessages(session).stream().anyMatch(m -> m.text().equals(text)));
        ReceivedMessage m = emulator.receivedMessages(session).stream().filter(r -> r.text().equals(text)).findFirst().orElseThrow();
        assertEquals(1, m.images().size());
        return m.images().get(0);
    }

    @Test
    void aPngThatFitsArrivesByteForByte() throws Exception {
        byte[] png = TestImages.encode(TestImages.screenshot(1280, 800), "png");
        Path file = Files.write(dir.resolve("shot.png"), png);
        String received = sendWithImage(file, "this field is wrong");
        assertArrayEquals(png, DataUris.decode(received).bytes());
        ui.run(() -> assertTrue(attachments().items().isEmpty(), "the strip empties once the message is sent"));
    }

    @Test
    void aTooLargeImageArrivesScaledWithTheSamePixelsAsTheDocumentedScaling() throws Exception {
        BufferedImage big = TestImages.noise(3000, 2250, 9);
        Path file = Files.write(dir.resolve("noise.png"), TestImages.encode(big, "png"));
        String received = sendWithImage(file, "look at this");
        assertTrue(received.length() <= 4_900_000, "fits the request: " + received.length());
        BufferedImage got = ImageIO.read(new ByteArrayInputStream(DataUris.decode(received).bytes()));
        assertTrue(got.getWidth() < 3000, "scaled down: random pixels do not fit even as a full-size JPEG");
        BufferedImage scaled = ImageEncoder.scale(big, got.getWidth());
        byte[] again = received.startsWith("data:image/png") ? ImageEncoder.png(scaled) : ImageEncoder.jpeg(scaled);
        BufferedImage want = ImageIO.read(new ByteArrayInputStream(again));
        for (int y = 0; y < got.getHeight(); y += 53) {
            for (int x = 0; x < got.getWidth(); x += 59) {
                assertEquals(want.getRGB(x, y), got.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aBadFileIsRefusedAndTheTypedTextAndOtherImagesStay() throws Exception {
        Path good = Files.write(dir.resolve("good.png"), TestImages.encode(TestImages.screenshot(300, 200), "png"));
        Path bad = Files.writeString(dir.resolve("bad.png"), "not a picture");
        ui.run(() -> {
            vm.front().composer().textProperty().set("half typed");
            attachments().addFiles(List.of(good, bad));
        });
        ui.await("the bad one refused", WAIT, () -> attachments().problemProperty().get().contains("not an image"));
        ui.await("the good one ready", WAIT, () -> attachments().items().size() == 1 && attachments().items().get(0).ready());
        ui.run(() -> assertEquals("half typed", vm.front().composer().textProperty().get()));
    }

    @Test
    void attachedImagesArePartOfTheDraftAndComeBackAfterARestart() throws Exception {
        byte[] png = TestImages.encode(TestImages.screenshot(640, 400), "png");
        Path file = Files.write(dir.resolve("draft.png"), png);
        ui.run(() -> {
            vm.front().composer().textProperty().set("about this screenshot");
            attachments().addFiles(List.of(file));
        });
        ui.await("fitted", WAIT, () -> !attachments().items().isEmpty() && attachments().items().get(0).ready());
        ui.run(vm::close);
        connector.close();
        open();
        bind();
        ui.await("the image is back", WAIT, () -> attachments().items().size() == 1 && attachments().items().get(0).ready());
        ui.run(() -> assertEquals("about this screenshot", vm.front().composer().textProperty().get()));
        ui.run(() -> assertArrayEquals(png, DataUris.decode(attachments().dataUris().orElseThrow().get(0)).bytes()));
    }

    @Test
    void agiTakesNoImagesAndSaysSo() throws Exception {
        Path file = Files.write(dir.resolve("x.png"), TestImages.encode(TestImages.screenshot(100, 100), "png"));
        String agi = emulator.createAgiSession();
        ui.run(() -> {
            vm.form().providerProperty().set(Provider.AGI);
            vm.form().tokenProperty().set(emulator.token());
            vm.form().sessionTextProperty().set(agi);
            vm.form().connect();
        });
        ui.await("live", WAIT, () -> vm.front() != null && vm.front().stateProperty().get() == ConnectionState.LIVE);
        ui.run(() -> {
            assertTrue(!attachments().acceptedProperty().get());
            attachments().addFiles(List.of(file));
            assertTrue(attachments().items().isEmpty());
            assertTrue(attachments().problemProperty().get().contains("AGI"), attachments().problemProperty().get());
        });
    }
}
