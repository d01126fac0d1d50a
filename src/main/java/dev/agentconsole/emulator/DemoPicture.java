package dev.agentconsole.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The "screenshots" of the pages the scripted agent visits. They are drawn once from what each
 * constant says, by {@code DemoPicturesRenderer} (test sources), and kept as resources with the list
 * of what they were drawn from ({@code pictures/drawn-from.txt}, which {@code DemoPictureTest} checks):
 * drawing them at run time loaded AWT, Java2D and ImageIO into every demo session (about 9 MB of
 * memory and 600 classes).
 */
enum DemoPicture {
    BLANK("about:blank", List.of(), -1),
    SEARCH_RESULTS("booking.example - Kyoto, Jun 15-20", List.of("Hotel Gion - $185/night - 5 min walk",
            "Sakura Inn - $140/night - 25 min", "Kyoto Grand - $320/night - 10 min"), -1),
    HOTEL_GION_ROOMS("Hotel Gion - choose a room", List.of("Standard twin - $185/night", "Deluxe double - $245/night"), 0),
    SAKURA_INN_ROOMS("Sakura Inn - choose a room", List.of("Standard twin - $140/night", "Deluxe double - $200/night"), 0);

    /** What the page shows: a title bar, one card per line, one card highlighted (or -1). */
    final String title;
    final List<String> cards;
    final int highlighted;

    DemoPicture(String title, List<String> cards, int highlighted) {
        this.title = title;
        this.cards = cards;
        this.highlighted = highlighted;
    }

    /** One line naming what the picture was drawn from; the renderer lists them beside the pictures. */
    String drawnFrom() {
        return fileName() + ": " + title + " | " + String.join(" | ", cards) + " | highlighted " + highlighted;
    }

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
