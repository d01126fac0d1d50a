package dev.agentconsole.attach;

import dev.agentconsole.agent.DataUris;
import dev.agentconsole.agent.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * Reads an image file the operator attached and makes it a data URI, unchanged byte for byte.
 * Everything that can be wrong with the file gets its own sentence, and a file too large to
 * ever fit is refused from its size alone, before it is read.
 */
public final class ImageFiles {

    private ImageFiles() {}

    /** @param maxEncodedBytes the most the data URI may take in a request, 0 for no limit */
    public static String readAsDataUri(Path file, long maxEncodedBytes) {
        String name = file.toString();
        byte[] bytes = readChecked(file, size -> {
            if (size == 0) {
                throw new InvalidInputException("image '" + name + "' is empty (0 bytes)");
            }
            if (maxEncodedBytes > 0 && DataUris.encodedLength(size, "image/jpeg") > maxEncodedBytes) {
                throw new InvalidInputException(String.format(Locale.ROOT,
                        "image '%s' is %,d bytes: as base64 it would take %,d bytes, more than the %,d a request may carry",
                        name, size, DataUris.encodedLength(size, "image/jpeg"), maxEncodedBytes));
            }
        });
        String mime = DataUris.sniffImageType(bytes).orElseThrow(() -> new InvalidInputException("'" + name
                + "' is not an image this console can send (PNG, JPEG, GIF, WebP or BMP), whatever its name says"));
        return DataUris.encode(bytes, mime);
    }

    /**
     * A file's bytes after the checks every attached file gets (there, not a folder, readable);
     * {@code checkSize} sees the size first and may refuse the file before it is read.
     */
    static byte[] readChecked(Path file, LongConsumer checkSize) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new InvalidInputException("image '" + name + "' does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("image '" + name + "' is a folder, not a file");
        }
        try {
            checkSize.accept(Files.size(file));
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("image '" + name + "' cannot be read: " + reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it disappeared";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
