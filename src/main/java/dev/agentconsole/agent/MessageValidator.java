package dev.agentconsole.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks every provider shares, against its {@link MessageRules}. Each problem is one
 * specific sentence the operator can act on. Body-size limits depend on the wire format and are
 * checked by the provider after encoding.
 */
public final class MessageValidator {

    private final MessageRules rules;
    private final String providerName;

    public MessageValidator(MessageRules rules, String providerName) {
        this.rules = rules;
        this.providerName = providerName;
    }

    public Optional<String> problemWith(Outgoing outgoing) {
        List<OutgoingMessage> messages = outgoing.messages();
        if (messages.isEmpty()) {
            return Optional.of("the batch is empty: queue at least one line before sending it");
        }
        boolean batch = outgoing instanceof Outgoing.Batch;
        for (int i = 0; i < messages.size(); i++) {
            Optional<String> problem = problemWith(messages.get(i));
            if (problem.isPresent()) {
                String where = batch && messages.size() > 1 ? "line " + (i + 1) + " of the batch: " : "";
                return Optional.of(where + problem.get());
            }
        }
        return Optional.empty();
    }

    public Optional<String> problemWith(OutgoingMessage message) {
        return textProblem(message.text())
                .or(() -> imagesProblem(message.images()))
                .or(() -> message.callerId().flatMap(this::callerIdProblem))
                .or(() -> message.startUrl().flatMap(this::startUrlProblem));
    }

    /** Problems with the text alone, for a live hint while the operator types. */
    public Optional<String> textProblem(String text) {
        if (text.isEmpty()) {
            return Optional.of("the message is empty: type something to send");
        }
        if (text.isBlank()) {
            return Optional.of("the message is only white space: type something to send");
        }
        int lone = firstLoneSurrogate(text);
        if (lone >= 0) {
            return Optional.of("the message has a broken character (a lone UTF-16 surrogate) at "
                    + "position " + (lone + 1) + ": it is not valid UTF-8");
        }
        if (rules.maxBodyBytes() > 0) {
            // the text alone already over the whole request's limit: said as it is typed, not at the wire
            long bytes = utf8Length(text);
            if (bytes > rules.maxBodyBytes()) {
                return Optional.of(String.format(Locale.ROOT,
                        "the message is %,d bytes, over %s's limit of %,d bytes for a whole request",
                        bytes, providerName, rules.maxBodyBytes()));
            }
        }
        if (rules.maxTextCodePoints() > 0) {
            int count = text.codePointCount(0, text.length());
            if (count > rules.maxTextCodePoints()) {
                return Optional.of(String.format(Locale.ROOT,
                        "the message is %,d characters, %,d over %s's limit of %,d",
                        count, count - rules.maxTextCodePoints(), providerName, rules.maxTextCodePoints()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> imagesProblem(List<String> images) {
        if (images.isEmpty()) {
            return Optional.empty();
        }
        if (!rules.acceptsImages()) {
            return Optional.of(providerName + " takes no images: remove the " + images.size()
                    + (images.size() == 1 ? " attachment" : " attachments") + " to send this message");
        }
        for (int i = 0; i < images.size(); i++) {
            Optional<String> bad = DataUris.problemWith(images.get(i));
            if (bad.isPresent()) {
                return Optional.of("image " + (i + 1) + ": " + bad.get());
            }
        }
        return Optional.empty();
    }

    private Optional<String> callerIdProblem(String callerId) {
        if (!rules.acceptsCallerId()) {
            return Optional.of(providerName + " takes no caller id");
        }
        if (callerId.isBlank()) {
            return Optional.of("the caller id is blank: leave it unset for normal operator input");
        }
        if (callerId.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)) {
            return Optional.of("the caller id has a control character (a line break or a tab): a caller id is one line of text");
        }
        return Optional.empty();
    }

    private Optional<String> startUrlProblem(String url) {
        if (!rules.acceptsStartUrl()) {
            return Optional.of(providerName + " takes no start URL: tell the agent where to go in the message");
        }
        return startUrlProblem(url, rules.maxStartUrlChars());
    }

    /** A start URL must be absolute http or https and at most {@code max} characters. */
    public static Optional<String> startUrlProblem(String url, int max) {
        if (url.isBlank()) {
            return Optional.of("the start URL is blank");
        }
        if (url.length() > max) {
            return Optional.of(String.format(Locale.ROOT, "the start URL is %,d characters, %,d over the limit of %,d",
                    url.length(), url.length() - max, max));
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of("the start URL must begin with http:// or https://, got '" + shorten(url) + "'");
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of("the start URL '" + shorten(url) + "' has no host name");
            }
        } catch (URISyntaxException e) {
            return Optional.of("the start URL is not a valid URL: " + e.getReason()
                    + " at position " + (e.getIndex() + 1));
        }
        return Optional.empty();
    }

    /** UTF-8 bytes of {@code text} (a lone surrogate, refused before this, counts three). */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    static int firstLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
