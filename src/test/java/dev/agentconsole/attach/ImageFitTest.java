package dev.agentconsole.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.DataUris;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How far a screenshot is changed to fit: at full size first (a big PNG of a screen is a small JPEG),
 * scaled only when even that cannot fit, and then to the largest size that fits, never below it.
 */
class ImageFitTest {

    static final long BUDGET = 4_900_000;

    static Stream<Arguments> bigPngs() {
        BufferedImage hd = TestImages.screenshot(1920, 1080);
        BufferedImage qhd = TestImages.screenshot(2560, 1440);
        return Stream.of(
                Arguments.of("16-bit RGB", TestImages.png16(hd, false, 1), 1920),
                Arguments.of("16-bit RGBA", TestImages.png16(hd, true, 2), 1920),
                Arguments.of("8-bit RGB", TestImages.png8(qhd, false, 3), 2560),
                Arguments.of("8-bit RGBA", TestImages.png8(qhd, true, 4), 2560));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bigPngs")
    void aPngTooBigAsItIsGoesAtFullSizeWhenAJpegOfItFits(String kind, byte[] png, int width) throws Exception {
        Attachment a = Attachment.fromBytes(kind + ".png", png);
        assertTrue(DataUris.encodedLength(png.length, "image/png") > BUDGET, kind + ": the PNG as it is must not fit");

        ImageFitter.Fitted fitted = ImageFitter.fit(a, BUDGET);

        assertEquals(width, fitted.width(), kind + ": not scaled (" + fitted.how() + ")");
        assertEquals(a.probe().height(), fitted.height());
        assertEquals("image/jpeg", fitted.mime());
        assertTrue(fitted.encodedBytes() <= BUDGET);
        assertFalse(fitted.how().contains("scaled"), fitted.how());
        assertTrue(fitted.how().startsWith("re-encoded as JPEG"), fitted.how());
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(DataUris.decode(fitted.dataUri()).bytes()));
        assertEquals(width, sent.getWidth());
        // what the tile shows: the original beside what is sent
        assertEquals(png.length, fitted.originalBytes());
        assertEquals(width, fitted.originalWidth());
        assertEquals(a.probe().height(), fitted.originalHeight());
    }

    @Test
    void whenOnlyAScaledCopyFitsItIsTheLargestThatFitsNotLess() {
        BufferedImage big = TestImages.noise(1600, 1200, 3);
        Attachment a = Attachment.fromBytes("noise.png", TestImages.encode(big, "png"));
        long budget = 800_000; // random pixels: even the full-size JPEG at a lower quality weighs more

        ImageFitter.Fitted fitted = ImageFitter.fit(a, budget);

        assertTrue(fitted.encodedBytes() <= budget, fitted.encodedBytes() + " > " + budget);
        assertTrue(fitted.how().startsWith("scaled to"), fitted.how());
        // 5% larger would not have fitted: the fit stopped at the edge, not well below it
        int larger = (int) Math.ceil(fitted.width() * 1.05);
        BufferedImage bigger = ImageEncoder.scale(big, larger);
        long smallest = Math.min(DataUris.encodedLength(ImageEncoder.png(bigger).length, "image/png"),
                DataUris.encodedLength(ImageEncoder.jpeg(bigger).length, "image/jpeg"));
        assertTrue(smallest > budget, "scaled to " + fitted.width() + " px, but " + larger + " px fits too (" + smallest + " bytes)");
    }

    @Test
    void aPngThatFitsStillGoesAsItIsAndSaysItsOneSize() {
        byte[] png = TestImages.encode(TestImages.screenshot(800, 500), "png");
        ImageFitter.Fitted fitted = ImageFitter.fit(Attachment.fromBytes("small.png", png), BUDGET);
        assertEquals("sent as it is", fitted.how());
        assertEquals(png.length, fitted.originalBytes());
        assertEquals(DataUris.encode(png, "image/png"), fitted.dataUri());
    }
}
