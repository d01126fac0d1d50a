package dev.agentconsole.store.export;

import dev.agentconsole.store.Archive;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** With "hide ids and hosts" on: the session's id and the server's host replaced in every text, URLs of the platform hidden. */
final class Redactor {

    static final String SESSION = "(session id hidden)";
    static final String HOST = "(host hidden)";
    static final String URL = "(address hidden)";

    private final boolean on;
    private final Pattern id;
    private final Pattern host;

    Redactor(Archive archive, boolean on) {
        this.on = on;
        String sessionId = archive.key().sessionId();
        this.id = sessionId.isBlank() ? null : Pattern.compile(Pattern.quote(sessionId), Pattern.CASE_INSENSITIVE);
        String h = hostOf(archive.baseUrl());
        this.host = h.isEmpty() ? null : Pattern.compile(Pattern.quote(h), Pattern.CASE_INSENSITIVE);
    }

    private static String hostOf(String baseUrl) {
        try {
            String h = URI.create(baseUrl.strip()).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    boolean on() {
        return on;
    }

    /** The text with the id and the host replaced (when on). */
    String text(String s) {
        if (!on || s == null || s.isEmpty()) {
            return s;
        }
        String out = id == null ? s : id.matcher(s).replaceAll(SESSION);
        return host == null ? out : host.matcher(out).replaceAll(HOST);
    }

    /** A URL of the platform (live view, a screenshot's address): hidden whole when on. */
    String url(String s) {
        return on ? URL : s;
    }
}
