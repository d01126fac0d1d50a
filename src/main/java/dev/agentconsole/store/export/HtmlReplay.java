package dev.agentconsole.store.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The self-contained replay page: {@code replay.html} (a resource: markup, style and script) with
 * the session's rows as JSON in a data block. Pictures are data URIs, each stored once. Its Content
 * Security Policy allows the page's own style and script (by hash) and data: images, and nothing
 * else: no request of any kind can leave it, whatever an event's text holds (text is only ever set
 * as text, never parsed as markup).
 */
final class HtmlReplay {

    private static final String TEMPLATE = template();
    private static final String CSP = "default-src 'none'; img-src data:; style-src '" + hash("<style>", "</style>")
            + "'; script-src '" + hash("<script>", "</script>") + "'; base-uri 'none'; form-action 'none'";
    private static final JsonFactory FACTORY = new JsonFactory();

    private HtmlReplay() {}

    private static String template() {
        try (InputStream in = HtmlReplay.class.getResourceAsStream("replay.html")) {
            if (in == null) {
                throw new IllegalStateException("replay.html is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("replay.html could not be read: " + e.getMessage(), e);
        }
    }

    /** The CSP source for the template's one element between {@code open} and {@code close}. */
    private static String hash(String open, String close) {
        int start = TEMPLATE.indexOf(open) + open.length();
        int end = TEMPLATE.indexOf(close, start);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(TEMPLATE.substring(start, end).getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(List<ReplayRows.Row> rows, String title, List<String> facts, Redactor r, Writer out) throws IOException {
        String page = TEMPLATE.replace("__CSP__", CSP).replace("__TITLE__", escapeHtml(title));
        int at = page.indexOf("__REPLAY_DATA__");
        out.write(page, 0, at);
        out.write(data(rows, title, facts, r));
        out.write(page, at + "__REPLAY_DATA__".length(), page.length() - at - "__REPLAY_DATA__".length());
    }

    private static String data(List<ReplayRows.Row> rows, String title, List<String> facts, Redactor r) throws IOException {
        Map<String, Integer> images = new LinkedHashMap<>();
        StringWriter json = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(json)) {
            g.writeStartObject();
            g.writeStringField("title", title);
            g.writeArrayFieldStart("facts");
            for (String f : facts) {
                g.writeString(f);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (ReplayRows.Row row : rows) {
                g.writeStartObject();
                g.writeNumberField("t", row.at().toEpochMilli());
                g.writeStringField("k", row.kind());
                g.writeStringField("h", row.heading());
                strings(g, "l", row.lines());
                strings(g, "d", row.details());
                g.writeBooleanField("m", row.mono());
                g.writeArrayFieldStart("p");
                for (ExportOptions.Picture p : row.pictures()) {
                    if (p instanceof ExportOptions.Picture.Inline i) {
                        g.writeNumber(images.computeIfAbsent(i.dataUri(), k -> images.size()));
                    } else if (p instanceof ExportOptions.Picture.Missing m) {
                        g.writeStartObject();
                        g.writeStringField("why", r.text(m.why()));
                        g.writeEndObject();
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            strings(g, "images", new ArrayList<>(images.keySet()));
            g.writeEndObject();
        }
        // Inside <script>: no "</script>", no "<!--", whatever a text holds. These characters only
        // occur inside JSON strings, where the escape means the same.
        return json.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
