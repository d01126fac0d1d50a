package dev.agentconsole.store.export;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.store.Archive;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stored session as a file: Markdown to read, JSON that loses nothing, or a self-contained HTML
 * replay. Keys are never in the store, so never in an export; pictures the events name by URL are
 * fetched (only) through {@link ExportOptions#images()}.
 */
public final class Export {

    /** What to write. */
    public enum Format {
        MARKDOWN("md"), JSON("json"), HTML("html");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }

        /** By its extension or name: md, markdown, json, html. */
        public static Format of(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "md", "markdown" -> MARKDOWN;
                case "json" -> JSON;
                case "html", "htm" -> HTML;
                default -> throw new IllegalArgumentException("unknown export format '" + name + "': use md, json or html");
            };
        }
    }

    private Export() {}

    /** Writes the export to {@code file} whole or not at all (a temporary file, then moved over it). */
    public static void write(Archive archive, Format format, ExportOptions options, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "." + file.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                write(archive, format, options, Instant.now(), out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Writes the export to {@code out} (left open). */
    public static void write(Archive archive, Format format, ExportOptions options, Instant now, OutputStream out)
            throws IOException {
        Redactor redact = new Redactor(archive, options.hideIds());
        if (format == Format.JSON) {
            JsonExport.write(archive, redact, now, new NonClosing(out));
            return;
        }
        ExportOptions forRows = format == Format.HTML ? options : new ExportOptions(options.hideIds(),
                ExportOptions.withoutFetching("named by URL; the HTML replay includes it when exported from the window"));
        List<ReplayRows.Row> rows = ReplayRows.of(archive, forRows, redact);
        String title = title(archive, redact);
        List<String> facts = facts(archive, redact);
        Writer w = new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8);
        if (format == Format.MARKDOWN) {
            MarkdownExport.write(rows, facts, title, now, w);
        } else {
            HtmlReplay.write(rows, title, facts, redact, w);
        }
        w.flush();
    }

    /** The provider, the start of the session's id (unless hidden) and the day it began (UTC). */
    static String title(Archive archive, Redactor r) {
        String id = archive.key().sessionId();
        String title = providerName(archive.key().provider()) + " session" + (r.on() ? "" : " " + id.substring(0, Math.min(8, id.length())));
        return archive.events().isEmpty() ? title
                : title + " · " + java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC)
                        .format(archive.events().get(0).event().at());
    }

    static List<String> facts(Archive archive, Redactor r) {
        List<String> facts = new ArrayList<>();
        facts.add(providerName(archive.key().provider()));
        facts.add("session " + (r.on() ? Redactor.SESSION : archive.key().sessionId()));
        if (!archive.baseUrl().isEmpty()) {
            facts.add(r.on() ? "server " + Redactor.HOST : archive.baseUrl());
        }
        facts.add(String.format(Locale.ROOT, "%,d events", archive.events().size()));
        facts.add(String.format(Locale.ROOT, "%,d messages sent", archive.deliveries().size()));
        return facts;
    }

    private static String providerName(String cliName) {
        try {
            return Provider.fromCli(cliName).displayName();
        } catch (IllegalArgumentException unknown) {
            return cliName;
        }
    }

    /** Lets a writer or generator be closed without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
