package dev.agentconsole.store.export;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The session to read: a heading per row with its time (UTC), the text as it was written, pictures as notes. */
final class MarkdownExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private MarkdownExport() {}

    static void write(List<ReplayRows.Row> rows, List<String> facts, String title, Instant now, Writer out)
            throws IOException {
        out.write("# " + oneLine(title) + "\n\n");
        for (String fact : facts) {
            out.write("- " + fact + "\n");
        }
        out.write("- exported " + DAY.format(now) + "\n\n");
        if (rows.isEmpty()) {
            out.write("_This session has no stored events._\n");
        }
        String day = "";
        for (ReplayRows.Row row : rows) {
            String today = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(row.at());
            if (!today.equals(day)) {
                out.write("## " + today + "\n\n");
                day = today;
            }
            out.write("### " + TIME.format(row.at()) + " · " + oneLine(row.heading()) + "\n\n");
            if (row.mono()) {
                for (String line : row.lines()) {
                    String fence = fenceFor(line);
                    out.write(fence + "\n" + line + "\n" + fence + "\n\n");
                }
            } else {
                for (String line : row.lines()) {
                    out.write(line.strip().replace("\n", "  \n") + "\n\n");
                }
            }
            for (String detail : row.details()) {
                out.write("- " + detail.replace("\n", " ") + "\n");
            }
            if (!row.details().isEmpty()) {
                out.write("\n");
            }
            for (ExportOptions.Picture p : row.pictures()) {
                if (p instanceof ExportOptions.Picture.Inline i) {
                    out.write("_(screenshot, " + (i.dataUri().length() * 3 / 4 / 1024) + " KB: see the HTML replay)_\n\n");
                } else if (p instanceof ExportOptions.Picture.Missing m) {
                    out.write("_(screenshot not included: " + m.why() + ")_\n\n");
                }
            }
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** A code fence longer than any run of backticks in the text. */
    private static String fenceFor(String text) {
        int longest = 0;
        int run = 0;
        for (char c : text.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
