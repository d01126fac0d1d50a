package dev.agentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path folder;

    @Test
    void theFirstStartIsLight() {
        assertFalse(Settings.load(folder).dark());
    }

    @Test
    void theThemeChosenIsTheThemeOfTheNextStart() {
        Path data = folder.resolve("not yet made");
        Settings.load(data).saveDark(true);
        assertTrue(Settings.load(data).dark());

        Settings.load(data).saveDark(false);
        assertFalse(Settings.load(data).dark());
        assertFalse(Files.exists(data.resolve(Settings.FILE_NAME + ".tmp")), "the temporary file is moved, not left");
    }

    @Test
    void doNotDisturbOutlivesARestartAndKeepsTheTheme() {
        assertFalse(Settings.load(folder).doNotDisturb(), "off at the first start");
        Settings.load(folder).saveDark(true);
        Settings.load(folder).saveDoNotDisturb(true);
        assertTrue(Settings.load(folder).doNotDisturb());
        assertTrue(Settings.load(folder).dark(), "one setting saved does not drop another");
        Settings.load(folder).saveDoNotDisturb(false);
        assertFalse(Settings.load(folder).doNotDisturb());
    }

    @Test
    void aMalformedFileGivesTheDefaultsAndIsReplacedOnTheNextSave() throws IOException {
        Path file = folder.resolve(Settings.FILE_NAME);
        Files.writeString(file, "theme=dark\n\\u12", StandardCharsets.UTF_8); // a broken unicode escape
        Settings settings = Settings.load(folder);
        assertFalse(settings.dark());

        settings.saveDark(true);
        assertTrue(Settings.load(folder).dark());
    }

    @Test
    void aFolderThatCannotBeWrittenSaysSo() throws IOException {
        Path blocked = folder.resolve("a file, not a folder");
        Files.writeString(blocked, "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Settings.load(blocked).saveDark(true));
        assertEquals("could not save " + blocked.resolve(Settings.FILE_NAME), e.getMessage());
    }

    @Test
    void theWindowsPlaceIsTheNextStartsPlace() {
        assertEquals(Optional.empty(), Settings.load(folder).window());
        Settings.WindowBounds bounds = new Settings.WindowBounds(40.5, 30, 1024, 700, true);
        Settings.load(folder).saveWindow(bounds);
        assertEquals(Optional.of(bounds), Settings.load(folder).window());
    }

    @Test
    void aWindowFigureThatIsNotANumberForgetsThePlaceButNotTheTheme() throws IOException {
        Files.writeString(folder.resolve(Settings.FILE_NAME),
                "theme=dark\nwindow.x=10\nwindow.y=ten\nwindow.width=900\nwindow.height=600\n", StandardCharsets.UTF_8);
        Settings settings = Settings.load(folder);
        assertEquals(Optional.empty(), settings.window());
        assertTrue(settings.dark());
    }
}
