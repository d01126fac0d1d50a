package dev.agentconsole.attach;

import dev.agentconsole.agent.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Reads a file the operator attached (the window's and the CLI's one way in, through
 * {@link Attachment#fromFile}). Everything that can be wrong with the file gets its own sentence,
 * and a file too large is refused from its size alone, before it is read.
 */
public final class ImageFiles {

    private ImageFiles() {}

    /**
     * A file's bytes after the checks every attached file gets (there, not a folder, readable);
     * {@code checkSize} sees the size first and may refuse the file before it is read.
     */
    static byte[] readChecked(Path file, LongConsumer checkSize) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new InvalidInputException("image '" + name + "' does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("image '" + name + "' is a folder, not a file");
        }
        if (!isRegularFile(file)) {
            // checked before opening: a FIFO would wait for a writer forever, a device never ends
            throw new InvalidInputException("image '" + name + "' is not a regular file (a device, a pipe, a socket "
                    + "or a file the system makes up, as in /proc): save the picture to a file and attach that");
        }
        try {
            checkSize.accept(Files.size(file));
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidInputException("image '" + name + "' cannot be read: " + reason(e));
        }
    }

    /**
     * A file with content on disk. Files in /proc and /sys call themselves regular, with a size of
     * 0, yet read as anything (process memory, say): their file system gives them away.
     */
    static boolean isRegularFile(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return !PSEUDO_FILE_SYSTEMS.contains(Files.getFileStore(file).type());
        } catch (IOException | SecurityException e) {
            return true; // no file store to ask: reading it says the rest
        }
    }

    private static final java.util.Set<String> PSEUDO_FILE_SYSTEMS = java.util.Set.of("proc", "sysfs", "devtmpfs",
            "debugfs", "tracefs", "securityfs", "cgroup", "cgroup2", "configfs", "efivarfs", "fusectl", "bpf");

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it disappeared";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
