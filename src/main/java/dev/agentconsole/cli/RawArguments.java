package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The arguments as bytes, before the JVM decoded them (with the locale's charset, turning what it
 * cannot read into U+FFFD, or every non-ASCII byte into U+FFFD under the C locale). Linux shows
 * them in /proc/self/cmdline; elsewhere there is no such place and the JVM's strings are all there is.
 */
final class RawArguments {

    private static final Path CMDLINE = Path.of("/proc/self/cmdline");

    private RawArguments() {}

    /** This process's raw arguments, when they can be read and line up with what the JVM gave {@code main}. */
    static Optional<List<byte[]>> ofThisProcess(String[] args) {
        if (args.length == 0 || !System.getProperty("os.name", "").startsWith("Linux") || !Files.isReadable(CMDLINE)) {
            return Optional.empty();
        }
        try {
            return lineUp(split(Files.readAllBytes(CMDLINE)), args, jvmCharset());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no raw view: the JVM's strings it is
        }
    }

    /**
     * The last {@code args.length} entries of the command line are {@code main}'s arguments (the
     * java launcher's options and the main class come first). Each must decode, as the JVM decodes,
     * to the string it gave; if one does not, this is not the command line we think it is.
     */
    static Optional<List<byte[]>> lineUp(List<byte[]> all, String[] args, Charset jvm) {
        if (all.size() < args.length) {
            return Optional.empty();
        }
        List<byte[]> ours = all.subList(all.size() - args.length, all.size());
        for (int i = 0; i < args.length; i++) {
            if (!new String(ours.get(i), jvm).equals(args[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(ours));
    }

    static List<byte[]> split(byte[] cmdline) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                parts.add(Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            parts.add(Arrays.copyOfRange(cmdline, start, cmdline.length));
        }
        return parts;
    }

    /** Strictly decoded arguments; the first broken one is refused, named by its position and a preview. */
    static String[] decode(List<byte[]> raw) {
        String[] args = new String[raw.size()];
        for (int i = 0; i < args.length; i++) {
            byte[] arg = raw.get(i);
            int position = i + 1;
            StrictUtf8.check(arg).ifPresent(broken -> {
                throw new InvalidInputException(StrictUtf8.describe(arg, broken,
                        "argument " + position + " ('" + StrictUtf8.preview(arg, broken.at(), 40) + "')")
                        + ": the console sends text as UTF-8; check the terminal's or the script's encoding, "
                        + "or give the message on standard input with '-'");
            });
            args[i] = new String(arg, java.nio.charset.StandardCharsets.UTF_8);
        }
        return args;
    }

    private static Charset jvmCharset() {
        String name = System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name());
        return Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
    }
}
