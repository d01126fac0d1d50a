package dev.agentconsole.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The committed pictures were drawn from what {@link DemoPicture} says now, and each JPEG is its PNG.
 * Compared by what they were drawn from, not by re-drawing: text drawn here would depend on this
 * machine's fonts.
 */
class DemoPictureTest {

    @Test
    void thePicturesWereDrawnFromWhatTheEnumSaysNow() throws IOException {
        try (InputStream in = DemoPicture.class.getResourceAsStream("pictures/" + DemoPicturesRenderer.DRAWN_FROM)) {
            assertNotNull(in, "pictures/drawn-from.txt is missing: run DemoPicturesRenderer");
            assertEquals(DemoPicturesRenderer.drawnFrom(), new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "a picture changed in DemoPicture: run DemoPicturesRenderer and commit what it writes");
        }
    }

    @ParameterizedTest
    @EnumSource(DemoPicture.class)
    void thePngAndTheJpegAreTheSamePicture(DemoPicture picture) throws IOException {
        BufferedImage png = decode(picture.pngBase64());
        BufferedImage jpeg = decode(picture.jpegBase64());

        assertEquals(480, png.getWidth());
        assertEquals(300, png.getHeight());
        assertEquals(png.getWidth(), jpeg.getWidth());
        assertEquals(png.getHeight(), jpeg.getHeight());
        // JPEG's ringing leaves up to ~100 pixels far apart; another picture (one hotel's page for the
        // other's: only a name and two prices change) leaves over 1,200.
        assertTrue(farApart(png, jpeg) < 400, picture + ".jpg is not the same picture as its PNG");
    }

    private static BufferedImage decode(String base64) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    /** Pixels where some colour channel differs by more than 96 of 255. */
    private static int farApart(BufferedImage a, BufferedImage b) {
        int count = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    if (Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)) > 96) {
                        count++;
                        break;
                    }
                }
            }
        }
        return count;
    }
}
