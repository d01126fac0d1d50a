package dev.agentconsole.attach;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import dev.agentconsole.agent.DataUris;
import dev.agentconsole.agent.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an attached file is, read from its bytes and its header only: the format (whatever the
 * name says), the size in pixels, the EXIF orientation. Anything that cannot be sent gets its own
 * sentence, and an image too large to decode safely is refused before a pixel is decoded.
 */
public final class ImageCheck {

    /** The largest file the console reads at all. */
    public static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** Above this the header alone refuses it: decoding would take more memory than a screenshot ever needs. */
    public static final long MAX_PIXELS = 100_000_000L;

    /** An image that can be attached. {@code orientation} is EXIF's 1 to 8 (1: as stored). */
    public record Probe(String mime, int width, int height, int orientation) {
        public long pixels() {
            return (long) width * height;
        }
    }

    private ImageCheck() {}

    public static Probe inspect(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new InvalidInputException("'" + name + "' is empty (0 bytes)");
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw tooLarge(name, bytes.length);
        }
        String mime = DataUris.sniffImageType(bytes).orElseThrow(() -> new InvalidInputException(looksLikeSvg(bytes)
                ? "'" + name + "' is an SVG drawing, which agents do not take: export it as PNG and attach that"
                : "'" + name + "' is not an image the console can send (PNG, JPEG, GIF, WebP or BMP), whatever its name says"));
        int[] size = headerSize(name, bytes);
        if ((long) size[0] * size[1] > MAX_PIXELS) {
            throw new InvalidInputException(String.format(Locale.ROOT, "'%s' is %,d × %,d pixels: too large to open safely "
                    + "(the limit is %,d megapixels). Scale it down first.", name, size[0], size[1], MAX_PIXELS / 1_000_000));
        }
        verifyDecodes(name, bytes, (long) size[0] * size[1]);
        return new Probe(mime, size[0], size[1], orientation(bytes));
    }

    /**
     * Reads the whole image, subsampled so memory stays small: a file cut short or damaged is
     * caught here, even one that would be sent unchanged. JPEG reports a short file as a warning,
     * which counts as damage too.
     */
    private static void verifyDecodes(String name, byte[] bytes, long pixels) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            List<String> warnings = new ArrayList<>();
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt(pixels / 1_000_000.0)));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
            } finally {
                reader.dispose();
            }
            if (!warnings.isEmpty()) {
                throw new InvalidInputException("'" + name + "' is damaged or cut short (" + warnings.get(0) + ")");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("'" + name + "' is damaged or cut short: it cannot be decoded (" + describe(e) + ")");
        }
    }

    static InvalidInputException tooLarge(String name, long bytes) {
        return new InvalidInputException(String.format(Locale.ROOT, "'%s' is %,.0f MB: the largest file the console reads "
                + "is %d MB", name, bytes / 1024.0 / 1024.0, MAX_FILE_BYTES / 1024 / 1024));
    }

    /** Width and height from the header: no pixel is decoded. */
    private static int[] headerSize(String name, byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new InvalidInputException("'" + name + "' looks like an image, but no reader here can open it");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("'" + name + "' is damaged or cut short: its header cannot be read ("
                    + describe(e) + ")");
        }
    }

    /** EXIF orientation (1 to 8), 1 when there is none or it cannot be read. */
    static int orientation(byte[] bytes) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                int o = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                return o >= 1 && o <= 8 ? o : 1;
            }
        } catch (ImageProcessingException | IOException | com.drew.metadata.MetadataException | RuntimeException e) {
            // no usable EXIF: the picture is taken as stored
        }
        return 1;
    }

    private static boolean looksLikeSvg(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        return head.contains("<svg");
    }

    static String describe(Exception e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
