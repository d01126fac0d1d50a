package dev.agentconsole.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening a link says when it could not: no opener on the PATH, or one that failed. */
class SystemBrowserTest {

    static final String URL = "http://127.0.0.1:4010/live/0b6f3c7e";

    @TempDir
    Path bin;

    private void script(String name, int exit) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\nexit " + exit + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Optional<String> open(String path) {
        return new SystemBrowser(Runnable::run, path, "Linux").tryOpen(URL);
    }

    @Test
    void withNoOpenerOnThePathItSaysSo() {
        assertEquals(Optional.of("no web browser or xdg-open was found"), open(bin.toString()));
    }

    @Test
    void anOpenerThatFailsIsReportedWithItsExitCode() throws IOException {
        script("xdg-open", 3); // xdg-open's "a required tool could not be found"
        assertEquals(Optional.of("xdg-open exited with 3"), open(bin.toString()));
    }

    @Test
    void severalFailuresAreSummedUpAfterTheFirst() throws IOException {
        script("xdg-open", 4);
        script("gio", 2);
        script("firefox", 1);
        assertEquals(Optional.of("xdg-open exited with 4, and 2 more openers failed"), open(bin.toString()));
    }

    @Test
    void theNextOpenerIsTriedAndOneThatWorksIsEnough() throws IOException {
        script("xdg-open", 4);
        script("firefox", 0);
        assertEquals(Optional.empty(), open(bin.toString()));
    }

    @Test
    void theFailureReachesTheCaller() {
        StringBuilder why = new StringBuilder();
        new SystemBrowser(Runnable::run, bin.toString(), "Linux").open(URL, why::append);
        assertTrue(why.toString().contains("no web browser"), why.toString());
    }
}
