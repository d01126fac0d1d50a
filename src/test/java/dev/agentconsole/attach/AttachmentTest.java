package dev.agentconsole.attach;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.DataUris;
import dev.agentconsole.agent.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AttachmentTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> badFiles() throws Exception {
        byte[] png = TestImages.encode(TestImages.screenshot(400, 300), "png");
        Path empty = Files.write(dir.resolve("empty.png"), new byte[0]);
        Path truncated = Files.write(dir.resolve("cut.png"), Arrays.copyOf(png, png.length / 2));
        byte[] jpeg = TestImages.encode(TestImages.screenshot(400, 300), "jpeg");
        Path truncatedJpeg = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Path text = Files.writeString(dir.resolve("notes.png"), "these are my notes, not a picture\n".repeat(20));
        Path svg = Files.writeString(dir.resolve("logo.svg"), "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>");
        Path bomb = Files.write(dir.resolve("bomb.png"), TestImages.pngHeaderOnly(30_000, 30_000));
        Path huge = dir.resolve("huge.png");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024); // sparse: takes no disk, reads as 200 MB
        }
        return Stream.of(
                Arguments.of(empty, "is empty (0 bytes)"),
                Arguments.of(truncated, "damaged or cut short"),
                Arguments.of(truncatedJpeg, "damaged or cut short"),
                Arguments.of(text, "not an image the console can send"),
                Arguments.of(svg, "SVG drawing"),
                Arguments.of(bomb, "30,000 × 30,000 pixels"),
                Arguments.of(huge, "200 MB: the largest file the console reads is 50 MB"),
                Arguments.of(dir.resolve("missing.png"), "does not exist"),
                Arguments.of(dir, "is a folder"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void eachBadFileGetsItsOwnSentence(Path file, String expected) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Attachment.fromFile(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aPixelBombIsRefusedFromItsHeaderWithoutDecoding() {
        long before = usedHeap();
        assertThrows(InvalidInputException.class, () -> Attachment.fromBytes("bomb.png", TestImages.pngHeaderOnly(30_000, 30_000)));
        assertTrue(usedHeap() - before < 200L * 1024 * 1024, "nothing near 3.6 GB of pixels was allocated");
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    @Test
    void aPngThatFitsIsSentByteForByte() throws Exception {
        byte[] png = TestImages.encode(TestImages.screenshot(800, 600), "png");
        Path file = Files.write(dir.resolve("shot.png"), png);
        ImageFitter.Fitted fitted = ImageFitter.fit(Attachment.fromFile(file), 4_900_000);
        assertArrayEquals(png, DataUris.decode(fitted.dataUri()).bytes());
        assertEquals("sent as it is", fitted.how());
    }

    @Test
    void gifBmpAndWebpAreReadAndReencoded() {
        for (String format : List.of("gif", "bmp")) {
            byte[] bytes = TestImages.encode(TestImages.quadrants(120, 80), format);
            ImageFitter.Fitted fitted = ImageFitter.fit(Attachment.fromBytes("x." + format, bytes), 4_900_000);
            assertTrue(fitted.how().startsWith("re-encoded as"), fitted.how());
            assertEquals(120, fitted.width());
        }
        ImageFitter.Fitted webp = ImageFitter.fit(Attachment.fromBytes("pixel.webp", TestImages.webp()), 4_900_000);
        assertEquals(1, webp.width());
        assertTrue(webp.mime().equals("image/png") || webp.mime().equals("image/jpeg"));
    }

    @Test
    void exifOrientationIsHonoured() throws Exception {
        BufferedImage original = TestImages.quadrants(200, 100); // red top-left
        byte[] jpeg = TestImages.jpegWithOrientation(original, 6); // "turn 90° clockwise to view"
        Attachment a = Attachment.fromBytes("phone.jpg", jpeg);
        assertEquals(6, a.probe().orientation());
        ImageFitter.Fitted fitted = ImageFitter.fit(a, 4_900_000);
        assertEquals(100, fitted.width(), "width and height swap");
        assertEquals(200, fitted.height());
        assertTrue(fitted.how().contains("turned upright"), fitted.how());
        BufferedImage sent = ImageIO.read(new ByteArrayInputStream(DataUris.decode(fitted.dataUri()).bytes()));
        // turned clockwise, the red top-left quadrant is now top-right
        assertTrue(isReddish(sent.getRGB(75, 25)), Integer.toHexString(sent.getRGB(75, 25)));
        assertTrue(!isReddish(sent.getRGB(25, 25)));
    }

    private static boolean isReddish(int rgb) {
        return ((rgb >> 16) & 0xff) > 180 && ((rgb >> 8) & 0xff) < 80 && (rgb & 0xff) < 80;
    }

    @Test
    void imagesThatDoNotFitAreScaledOnlyAsFarAsNeeded() throws Exception {
        BufferedImage big = TestImages.noise(1600, 1200, 3);
        Attachment a = Attachment.fromBytes("noise.png", TestImages.encode(big, "png"));
        long budget = 800_000; // random pixels: even a full-size JPEG at a lower quality weighs more
        ImageFitter.Fitted fitted = ImageFitter.fit(a, budget);
        assertTrue(fitted.encodedBytes() <= budget, fitted.encodedBytes() + " > " + budget);
        assertTrue(fitted.width() < 1600 && fitted.width() > 400, "scaled, not crushed: " + fitted.width());
        assertEquals(fitted.encodedBytes(), fitted.dataUri().length(), "the size shown is what goes out");
        // the same pixels as the documented scaling of the original
        BufferedImage expected = ImageEncoder.scale(big, fitted.width());
        byte[] again = fitted.mime().equals("image/png") ? ImageEncoder.png(expected) : ImageEncoder.jpeg(expected);
        BufferedImage want = ImageIO.read(new ByteArrayInputStream(again));
        BufferedImage got = ImageIO.read(new ByteArrayInputStream(DataUris.decode(fitted.dataUri()).bytes()));
        assertEquals(want.getWidth(), got.getWidth());
        for (int y = 0; y < got.getHeight(); y += 37) {
            for (int x = 0; x < got.getWidth(); x += 41) {
                assertEquals(want.getRGB(x, y), got.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void whenNothingCanFitItSaysSo() {
        Attachment a = Attachment.fromBytes("noise.png", TestImages.encode(TestImages.noise(800, 600, 4), "png"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageFitter.fit(a, 20_000));
        assertTrue(e.getMessage().contains("cannot fit"), e.getMessage());
    }

    @Test
    void twoImagesShareOneBudget() {
        Attachment a = Attachment.fromBytes("a.png", TestImages.encode(TestImages.noise(900, 700, 5), "png"));
        Attachment b = Attachment.fromBytes("b.png", TestImages.encode(TestImages.noise(900, 700, 6), "png"));
        List<ImageFitter.Fitted> both = ImageFitter.fitAll(List.of(a, b), 2_000_000);
        assertTrue(both.get(0).encodedBytes() + both.get(1).encodedBytes() <= 2_000_000);
    }

    @Test
    void threeScreenshotsJustOverTheBudgetFitInAFewReencodings() {
        List<Attachment> shots = List.of(1, 2, 3).stream()
                .map(i -> Attachment.fromPixels("pasted image " + i, TestImages.screenshot(3840, 2160))).toList();
        java.util.concurrent.atomic.AtomicInteger reencodings = new java.util.concurrent.atomic.AtomicInteger();

        List<ImageFitter.Fitted> fitted = ImageFitter.fitAll(shots, 4_900_000, () -> {
            reencodings.incrementAndGet(); // asked once before each re-encoding
            return false;
        });

        assertTrue(fitted.stream().mapToLong(ImageFitter.Fitted::encodedBytes).sum() <= 4_900_000);
        assertEquals("sent as it is", fitted.get(1).how(), "one image gives way, the others go as they are");
        // 10% steps took 7 (each a scale, a PNG and a JPEG of up to 12 million pixels); now: full size
        // first (1), a scaled copy (1 or 2), then grown back to the largest size that fits (at most 2)
        assertTrue(reencodings.get() <= 5, reencodings + " re-encodings");
    }

    @Test
    void twoImagesOfAlmostTheSameSizeBothGiveTheirShareAndNeitherIsCrushed() {
        Attachment a = Attachment.fromBytes("a.png", TestImages.encode(TestImages.noise(700, 900, 8), "png"));
        Attachment b = Attachment.fromBytes("b.png", TestImages.encode(TestImages.noise(690, 900, 9), "png"));
        long budget = (long) (DataUris.encodedLength(a.bytes().length, "image/png") * 1.15);

        List<ImageFitter.Fitted> both = ImageFitter.fitAll(List.of(a, b), budget);

        assertTrue(both.get(0).encodedBytes() + both.get(1).encodedBytes() <= budget);
        for (ImageFitter.Fitted f : both) {
            assertTrue(f.width() > 400, f.name() + " crushed to " + f.width() + " px");
        }
    }

    @Test
    void aFitForImagesThatChangedMeanwhileStops() {
        Attachment a = Attachment.fromBytes("noise.png", TestImages.encode(TestImages.noise(800, 600, 7), "png"));
        assertThrows(java.util.concurrent.CancellationException.class, () -> ImageFitter.fitAll(List.of(a), 1_000_000, () -> true));
    }

    @Test
    void pastedPixelsBecomeAPngThatGoesAsItIs() {
        BufferedImage shot = TestImages.screenshot(640, 400);
        ImageFitter.Fitted fitted = ImageFitter.fit(Attachment.fromPixels("pasted image", shot), 4_900_000);
        assertEquals("image/png", fitted.mime());
        assertEquals("sent as it is", fitted.how());
    }
}
