package dev.agentconsole.app.notify;

/**
 * What a desktop notification may carry: the workspace's words, made safe to show. Agent text
 * reaches the body, and the freedesktop spec lets a server read the body as markup ({@code <b>},
 * {@code <a href>}, {@code <img>}), so it is escaped there; control characters go (a NUL is not
 * even a valid D-Bus string), and long text is cut, as a notification is a hint, not a transcript.
 */
final class NotificationText {

    /** Code points of the body shown before it is cut (the window has the rest). */
    static final int BODY_LIMIT = 300;
    /** Code points of the summary: one line in every server's layout. */
    static final int SUMMARY_LIMIT = 100;

    private static final String ELLIPSIS = "\u2026";

    private NotificationText() {
    }

    /** The summary: plain text on one line (the spec gives the summary no markup). */
    static String summary(String title) {
        return cut(clean(title, false), SUMMARY_LIMIT).strip();
    }

    /** The body as plain text, for servers without "body-markup" and for the tray. */
    static String plainBody(String body) {
        return cut(clean(body, true), BODY_LIMIT).strip();
    }

    /** The body for a server that reads markup: cut first, so no escape is cut in half. */
    static String markupBody(String body) {
        return escape(plainBody(body));
    }

    /** Escapes the three characters that start markup or an entity. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append((char) c);
            }
        });
        return out.toString();
    }

    /** Keeps line ends (as \n) where allowed, turns other controls into spaces. */
    private static String clean(String text, boolean keepLines) {
        if (text == null) {
            return "";
        }
        String lines = text.replace("\r\n", "\n");
        StringBuilder out = new StringBuilder(lines.length());
        lines.codePoints().forEach(cp -> {
            if (cp == '\n' && keepLines) {
                out.append('\n');
            } else if (Character.getType(cp) == Character.CONTROL) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** At most {@code limit} code points, never half a surrogate pair, with an ellipsis when cut. */
    static String cut(String text, int limit) {
        if (text.codePointCount(0, text.length()) <= limit) {
            return text;
        }
        int end = text.offsetByCodePoints(0, limit - 1);
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
