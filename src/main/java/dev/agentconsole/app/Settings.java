package dev.agentconsole.app;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The window's own choices that outlive it (for now the theme), in {@code settings.properties} in
 * the data folder. A plain file rather than the SQLite store: it is read before the first frame,
 * so the window opens in the operator's theme, without opening the database first.
 */
public final class Settings {

    public static final String FILE_NAME = "settings.properties";
    private static final String THEME = "theme";

    private final Path file;
    private final Properties values;

    private Settings(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** Reads the folder's settings; a missing, unreadable or malformed file gives the defaults. */
    public static Settings load(Path dataFolder) {
        Path file = dataFolder.resolve(FILE_NAME);
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (NoSuchFileException e) {
            // the first start: the defaults
        } catch (IOException | IllegalArgumentException e) {
            System.getLogger("settings").log(System.Logger.Level.WARNING, "ignoring " + file + ": " + e.getMessage());
            values.clear();
        }
        return new Settings(file, values);
    }

    public boolean dark() {
        return "dark".equals(values.getProperty(THEME));
    }

    /** Remembers the theme; blocking file work, so off the FX thread. */
    public synchronized void saveDark(boolean dark) {
        values.setProperty(THEME, dark ? "dark" : "light");
        save();
    }

    /** Written whole to a temporary file and moved over the old one: a crash leaves one or the other. */
    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(FILE_NAME + ".tmp");
            try (Writer out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                values.store(out, "Agent Console: the window's settings");
            }
            try {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not save " + file, e);
        }
    }
}
