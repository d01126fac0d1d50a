package dev.agentconsole.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Locale;

/**
 * Text for a terminal: control characters (Unicode's Cc: C0, DEL, C1) are shown escaped, so words
 * from a server cannot retitle, clear, recolour or write the clipboard of the operator's terminal.
 * {@code \n} and {@code \t} stay layout, as does the {@code \r\n} of a line end; ESC shows as
 * {@code \e}, the other C0 controls as {@code \xNN}, DEL and C1 as a JSON-style escape (backslash,
 * u, four hex digits), which is also how JSON writes them, so a JSON line passes through unchanged.
 */
final class TerminalText {

    private TerminalText() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineEnd = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (lineEnd || !needsEscape(c)) {
                out.append(c);
            } else {
                out.append(escaped(c));
            }
        }
        return out.toString();
    }

    static boolean needsEscape(char c) {
        return c != '\n' && c != '\t' && Character.getType(c) == Character.CONTROL;
    }

    static String escaped(char c) {
        if (c == 0x1b) {
            return "\\e";
        }
        if (c == '\r') {
            return "\\r";
        }
        return c < 0x20 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.format(Locale.ROOT, "\\u%04x", (int) c);
    }

    /** {@code out}, with every character that passes through made safe as {@link #escape} does. */
    static PrintWriter safe(PrintWriter out) {
        return new PrintWriter(new Escaping(out), true);
    }

    /** Escapes as it writes; a {@code \r} waits for the next character to tell a line end from a lone one. */
    private static final class Escaping extends FilterWriter {
        private boolean pendingReturn;

        Escaping(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            char ch = (char) c;
            if (pendingReturn) {
                pendingReturn = false;
                out.write(ch == '\n' ? "\r" : escaped('\r'));
            }
            if (ch == '\r') {
                pendingReturn = true;
            } else if (needsEscape(ch)) {
                out.write(escaped(ch));
            } else {
                out.write(ch);
            }
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(chars[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(text.charAt(i));
            }
        }

        @Override
        public void flush() throws IOException {
            if (pendingReturn) {
                pendingReturn = false;
                out.write(escaped('\r')); // nothing followed it before the flush: not a line end
            }
            out.flush();
        }
    }
}
