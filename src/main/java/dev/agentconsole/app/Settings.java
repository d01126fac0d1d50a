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
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The window's own choices that outlive it (the theme, where the window was and how big), in
 * {@code settings.properties} in the data folder. A plain file rather than the SQLite store: it is
 * read before the first frame, so the window opens as the operator left it, without opening the
 * database first.
 */
public final class Settings {

    public static final String FILE_NAME = "settings.properties";
    private static final String THEME = "theme";
    private static final String DO_NOT_DISTURB = "notifications.doNotDisturb";
    private static final String X = "window.x";
    private static final String Y = "window.y";
    private static final String WIDTH = "window.width";
    private static final String HEIGHT = "window.height";
    private static final String MAXIMIZED = "window.maximized";

    /** The window's size and place when it was last not maximized, and whether it was maximized. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

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

    public synchronized boolean dark() {
        return "dark".equals(values.getProperty(THEME));
    }

    /** Remembers the theme; blocking file work, so off the FX thread. */
    public synchronized void saveDark(boolean dark) {
        put(Map.of(THEME, dark ? "dark" : "light"));
    }

    /** Do-not-disturb was on when the console last closed: no desktop notifications. */
    public synchronized boolean doNotDisturb() {
        return "true".equals(values.getProperty(DO_NOT_DISTURB));
    }

    /** Remembers do-not-disturb; blocking file work, so off the FX thread. */
    public synchronized void saveDoNotDisturb(boolean on) {
        put(Map.of(DO_NOT_DISTURB, Boolean.toString(on)));
    }

    /** Where the window was; empty on the first start or when a figure is missing or not a number. */
    public synchronized Optional<WindowBounds> window() {
        try {
            double width = Double.parseDouble(values.getProperty(WIDTH, ""));
            double height = Double.parseDouble(values.getProperty(HEIGHT, ""));
            double x = Double.parseDouble(values.getProperty(X, ""));
            double y = Double.parseDouble(values.getProperty(Y, ""));
            if (!(width > 0 && height > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
                return Optional.empty();
            }
            return Optional.of(new WindowBounds(x, y, width, height, Boolean.parseBoolean(values.getProperty(MAXIMIZED))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Remembers where the window is; blocking file work, so off the FX thread. */
    public synchronized void saveWindow(WindowBounds bounds) {
        put(Map.of(X, Double.toString(bounds.x()), Y, Double.toString(bounds.y()), WIDTH, Double.toString(bounds.width()),
                HEIGHT, Double.toString(bounds.height()), MAXIMIZED, Boolean.toString(bounds.maximized())));
    }

    /** Sets {@code changes} and saves, unless they are what the file holds already (the window at rest where it opened). */
    private void put(Map<String, String> changes) {
        if (changes.entrySet().stream().allMatch(c -> c.getValue().equals(values.getProperty(c.getKey())))) {
            return;
        }
        changes.forEach(values::setProperty);
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
