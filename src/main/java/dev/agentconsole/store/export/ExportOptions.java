package dev.agentconsole.store.export;

import java.util.Base64;
import java.util.Optional;

/**
 * How to export: whether to hide the session's id and the server's host, and where the pictures
 * that events name by URL come from.
 *
 * @param hideIds leave out the session id, the server's host and the URLs that would name them
 * @param images  what an exported picture is, given what the event holds (a data URI or a URL)
 */
public record ExportOptions(boolean hideIds, Images images) {

    /** A picture as an export shows it. */
    public sealed interface Picture {
        /** The picture itself, as a data URI. */
        record Inline(String dataUri) implements Picture {}

        /** Not included, and why (in words for whoever reads the export). */
        record Missing(String why) implements Picture {}
    }

    /** Turns what an event holds (a data URI, or a URL) into a picture for the export. */
    @FunctionalInterface
    public interface Images {
        Picture picture(String image);
    }

    /** Fetches an image's bytes by URL the way the app does (the bound session's key, its own origin). */
    @FunctionalInterface
    public interface Fetcher {
        Fetched fetch(String url) throws Exception;
    }

    /** Bytes and, when the server said, their media type. */
    public record Fetched(byte[] bytes, Optional<String> mediaType) {}

    /** Pictures named by URL are not fetched: each says {@code why}. */
    public static Images withoutFetching(String why) {
        return image -> image.startsWith("data:") ? new Picture.Inline(image) : new Picture.Missing(why);
    }

    /** Pictures named by URL are fetched now (once each), through {@code fetcher}. */
    public static Images fetchingWith(Fetcher fetcher) {
        java.util.Map<String, Picture> done = new java.util.HashMap<>();
        return image -> {
            if (image.startsWith("data:")) {
                return new Picture.Inline(image);
            }
            return done.computeIfAbsent(image, url -> {
                try {
                    Fetched f = fetcher.fetch(url);
                    String type = f.mediaType().filter(t -> t.startsWith("image/")).orElseGet(() -> sniff(f.bytes()));
                    return new Picture.Inline("data:" + type + ";base64," + Base64.getEncoder().encodeToString(f.bytes()));
                } catch (Exception e) {
                    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    return new Picture.Missing("it could not be fetched (" + why + ")");
                }
            });
        };
    }

    /** The media type a picture's first bytes say (PNG, JPEG, GIF, WebP), else PNG. */
    static String sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8) {
            return "image/jpeg";
        }
        if (b.length > 3 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return "image/gif";
        }
        if (b.length > 11 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        return "image/png";
    }

    /** The defaults of a command line without a bound session: ids shown, URL pictures not fetched. */
    public static ExportOptions plain() {
        return new ExportOptions(false, withoutFetching("screenshots named by URL are fetched with the session's key "
                + "while the session is open in the window; export it from there to include them"));
    }
}
