package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.app.keys.KeyRules;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The key for {@code key set}, read from standard input, never from an argument. On a terminal it
 * is typed with echo off ({@link Console#readPassword}); from a pipe it is one line, decoded
 * strictly as UTF-8. White space around it is dropped (as for the environment's keys); anything
 * else a key cannot hold is refused with its kind and position, never with the key.
 */
final class KeyInput {

    /** Far more than any key: a pipe that brings more is not a key. */
    static final int MAX_BYTES = 64 * 1024;

    private KeyInput() {
    }

    static String read(CliContext ctx, String profile) {
        if (ctx.in() == System.in) {
            Console console = System.console();
            if (console != null) {
                return fromTerminal(console, profile);
            }
            if (isTerminal(Path.of("/proc/self/fd/0"))) {
                // JDK 17 gives no Console when standard output is redirected: typing would show
                throw new InvalidInputException("standard input is a terminal but standard output is not, so the key "
                        + "would show as you type it: run it without redirecting its output, or pipe the key in");
            }
        }
        return fromPipe(ctx.in());
    }

    static String fromTerminal(Console console, String profile) {
        char[] typed = console.readPassword("Key for profile %s (typing is not shown): ", profile);
        if (typed == null) {
            throw new InvalidInputException("no key was typed (the input ended)");
        }
        try {
            return checked(new String(typed), "the typed key");
        } finally {
            Arrays.fill(typed, '\0');
        }
    }

    static String fromPipe(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("standard input cannot be read", e);
        }
        try {
            if (bytes.length > MAX_BYTES) {
                throw new InvalidInputException("standard input holds more than " + MAX_BYTES / 1024
                        + " KiB: give the key alone, on one line");
            }
            String text = StrictUtf8.decode(bytes, "standard input");
            int lineEnd = text.indexOf('\n');
            if (lineEnd >= 0 && lineEnd < text.length() - 1) {
                throw new InvalidInputException("standard input has more than one line: give the key alone, on one line");
            }
            String line = lineEnd < 0 ? text : text.substring(0, lineEnd);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                throw new InvalidInputException("standard input holds no key: pipe it in (e.g. from your password "
                        + "manager), or run the command in a terminal and type it");
            }
            return checked(line, "the key on standard input");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Stripped of white space around it, then checked; the sentence names where it came from. */
    private static String checked(String key, String source) {
        String stripped = key.strip();
        KeyRules.problemWithKey(stripped).ifPresent(p -> {
            throw new InvalidInputException(source + (p.startsWith("the key") ? p.substring("the key".length()) : ": " + p)
                    + ": copy the key again, without it");
        });
        return stripped;
    }

    /** Linux: standard input is a terminal when /proc shows it as one. Elsewhere: cannot tell, so no. */
    static boolean isTerminal(Path fd) {
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
