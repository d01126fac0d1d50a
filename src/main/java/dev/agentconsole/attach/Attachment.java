package dev.agentconsole.attach;

import dev.agentconsole.agent.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
        if (!Files.exists(file)) {
            throw new InvalidInputException("'" + file + "' does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("'" + file + "' is a folder, not an image");
        }
        try {
            long size = Files.size(file);
            if (size > ImageCheck.MAX_FILE_BYTES) {
                throw ImageCheck.tooLarge(name, size);
            }
            byte[] bytes = Files.readAllBytes(file);
            return fromBytes(name, bytes);
        } catch (AccessDeniedException e) {
            throw new InvalidInputException("'" + file + "' cannot be read: permission denied");
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("'" + file + "' disappeared before it could be read");
        } catch (IOException e) {
            throw new InvalidInputException("'" + file + "' cannot be read: " + ImageCheck.describe(e));
        }
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
