package dev.agentconsole.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Everything FastPng writes decodes, with ImageIO, to exactly the pixels it was given. */
class FastPngTest {

    @ParameterizedTest(name = "{0} x {1}, type {2}")
    @CsvSource({
            "1, 1, 1", // TYPE_INT_RGB
            "1, 300, 1",
            "641, 479, 1", // odd sizes, several bands
            "300, 129, 2", // TYPE_INT_ARGB with transparency
            "257, 200, 5", // TYPE_3BYTE_BGR: read row by row
            "64, 1000, 6", // TYPE_4BYTE_ABGR
    })
    void decodesToExactlyThePixelsGiven(int width, int height, int type) throws Exception {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // runs of one colour (a page) with noise (text edges) and, with alpha, varying transparency
                int argb = (x / 7 + y / 5) % 3 == 0 ? random.nextInt() : 0xfff5f5f5;
                image.setRGB(x, y, argb);
            }
        }
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(FastPng.encode(image)));
        assertEquals(width, back.getWidth());
        assertEquals(height, back.getHeight());
        boolean alpha = image.getColorModel().hasAlpha();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int want = image.getRGB(x, y);
                int got = back.getRGB(x, y);
                if (!alpha) {
                    want |= 0xff000000;
                }
                assertEquals(Integer.toHexString(want), Integer.toHexString(got), "pixel " + x + "," + y);
            }
        }
    }
}
