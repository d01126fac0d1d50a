package dev.agentconsole.attach;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An image the operator attached, checked: its bytes as they came (a file, a copied file), or
 * pixels (a pasted screenshot, kept as PNG bytes), and what {@link ImageCheck} read from it.
 */
public record Attachment(String name, byte[] bytes, ImageCheck.Probe probe, Optional<BufferedImage> pixels) {

    /** Reads and checks a file; a file too large is refused from its size, before it is read. */
    public static Attachment fromFile(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes = ImageFiles.readChecked(file, size -> {
            if (size > ImageCheck.MAX_FILE_BYTES) {
                throw ImageCheck.tooLarge(name, size);
            }
        });
        return fromBytes(name, bytes);
    }

    public static Attachment fromBytes(String name, byte[] bytes) {
        return new Attachment(name, bytes, ImageCheck.inspect(name, bytes), Optional.empty());
    }

    /** Pixels (a pasted screenshot): kept as PNG, which sends unchanged when it fits. */
    public static Attachment fromPixels(String name, BufferedImage image) {
        byte[] png = ImageEncoder.png(image);
        return new Attachment(name, png, new ImageCheck.Probe("image/png", image.getWidth(), image.getHeight(), 1),
                Optional.of(image));
    }
}
