package dev.agentconsole.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;

/**
 * The "screenshots" of the pages the scripted agent visits. They are drawn once, by
 * {@code DemoPicturesRenderer} (test sources), and kept as resources: drawing them at run time
 * loaded AWT, Java2D and ImageIO into every demo session (about 9 MB of memory and 600 classes).
 */
enum DemoPicture {
    BLANK,
    SEARCH_RESULTS,
    HOTEL_GION_ROOMS,
    SAKURA_INN_ROOMS;

    /** The resource name without extension, e.g. {@code search-results}. */
    String fileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The picture as a PNG, base64 (H's observation events carry PNG). A few KB from the jar, read when asked. */
    String pngBase64() {
        return read("png");
    }

    /** The same picture as a JPEG, base64 (AGI's screenshot endpoint answers JPEG). */
    String jpegBase64() {
        return read("jpg");
    }

    private String read(String extension) {
        String path = "pictures/" + fileName() + "." + extension;
        try (InputStream in = DemoPicture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not in the jar (run DemoPicturesRenderer)");
            }
            return Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
