package dev.agentconsole.agent;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Images as {@code data:<mime>;base64,<payload>} URIs, the form H's API takes them in. */
public final class DataUris {

    private static final Pattern FORM = Pattern.compile("data:(image/[a-zA-Z0-9.+-]+);base64,(.*)", Pattern.DOTALL);

    private DataUris() {}

    /** A decoded data URI. */
    public record Decoded(String mimeType, byte[] bytes) {}

    public static String encode(byte[] bytes, String mimeType) {
        return "data:" + mimeType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** Encodes image bytes with the MIME type their content shows; refuses bytes that are no image. */
    public static String encodeImage(byte[] bytes) {
        String mime = sniffImageType(bytes)
                .orElseThrow(() -> new InvalidInputException("the file is not a PNG, JPEG, GIF, WebP or BMP image"));
        return encode(bytes, mime);
    }

    /** Length in bytes of {@link #encode}'s result, without building it. */
    public static long encodedLength(long byteCount, String mimeType) {
        return ("data:" + mimeType + ";base64,").length() + 4 * ((byteCount + 2) / 3);
    }

    public static Decoded decode(String uri) {
        Matcher m = FORM.matcher(uri);
        if (!m.matches()) {
            throw new InvalidInputException("not a base64 image data URI");
        }
        try {
            return new Decoded(m.group(1), Base64.getDecoder().decode(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("the data URI's base64 payload is corrupt: " + e.getMessage());
        }
    }

    public static Optional<String> problemWith(String uri) {
        if (uri == null || !uri.startsWith("data:")) {
            return Optional.of("not a data URI (expected data:image/...;base64,...)");
        }
        Matcher m = FORM.matcher(uri);
        if (!m.matches()) {
            return Optional.of("not a base64 image data URI (expected data:image/...;base64,...)");
        }
        String payload = m.group(2);
        if (payload.isEmpty()) {
            return Optional.of("the image data is empty");
        }
        try {
            Base64.getDecoder().decode(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return Optional.of("the base64 payload is corrupt: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The image type the bytes' signature shows, whatever the file was called. */
    public static Optional<String> sniffImageType(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(b, 'R', 'I', 'F', 'F') && b.length >= 12
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (startsWith(b, 'B', 'M') && b.length >= 26) {
            return Optional.of("image/bmp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
