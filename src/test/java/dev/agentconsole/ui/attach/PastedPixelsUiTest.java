package dev.agentconsole.ui.attach;

import static dev.agentconsole.ui.FxTesting.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentconsole.attach.FastPng;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A pasted or dropped JavaFX image becomes pixels for the encoder without a copy, and without changing a pixel. */
@ExtendWith(ApplicationExtension.class)
class PastedPixelsUiTest {

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    private static WritableImage image(int w, int h, int alpha) {
        WritableImage image = new WritableImage(w, h);
        PixelWriter out = image.getPixelWriter();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setArgb(x, y, (alpha << 24) | (x * 40 % 256) << 16 | (y * 70 % 256) << 8 | ((x + y) * 13 % 256));
            }
        }
        return image;
    }

    private static void assertSamePixels(WritableImage expected, BufferedImage actual, boolean withAlpha) {
        for (int y = 0; y < (int) expected.getHeight(); y++) {
            for (int x = 0; x < (int) expected.getWidth(); x++) {
                int want = expected.getPixelReader().getArgb(x, y);
                int got = actual.getRGB(x, y);
                assertEquals(withAlpha ? want : want | 0xff000000, got, "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void anOpaqueImageBecomesIntRgbWithTheSamePixels() throws Exception {
        WritableImage image = fx(() -> image(7, 5, 0xff));
        BufferedImage pixels = AttachmentStripView.toBufferedImage(image);
        assertEquals(BufferedImage.TYPE_INT_RGB, pixels.getType(), "the encoder's fast path takes TYPE_INT_RGB");
        assertSamePixels(image, pixels, false);
        assertSamePixels(image, ImageIO.read(new ByteArrayInputStream(FastPng.encode(pixels))), false);
    }

    @Test
    void anImageWithTransparencyKeepsItsAlpha() throws Exception {
        WritableImage image = fx(() -> image(6, 4, 0x80));
        BufferedImage pixels = AttachmentStripView.toBufferedImage(image);
        assertEquals(BufferedImage.TYPE_INT_ARGB, pixels.getType());
        assertSamePixels(image, pixels, true);
        assertSamePixels(image, ImageIO.read(new ByteArrayInputStream(FastPng.encode(pixels))), true);
    }
}
