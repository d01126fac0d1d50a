package dev.agentconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where SQLite's native library cannot be loaded (sqlite-jdbc unpacks it into the temp folder, and a
 * folder mounted noexec or not writable refuses it), opening the store says so and what to do, instead
 * of an UnsatisfiedLinkError from deep inside the driver. In a JVM of its own: the driver tries to load
 * its library once per process.
 */
class NativeLibraryTest {

    @Test
    void aTempFolderThatCannotHoldTheLibraryIsNamedWithTheWayOut(@TempDir Path dir) throws Exception {
        Path unpackInto = notAFolder(dir).resolve("tmp");
        String said = refusal(dir, "-Dorg.sqlite.tmpdir=" + unpackInto);
        assertTrue(said.contains("SQLite's native library could not be loaded, so nothing can be kept"), said);
        assertTrue(said.contains("It is unpacked into the temp folder " + unpackInto + " and loaded from there"), said);
        assertTrue(said.contains("-Dorg.sqlite.tmpdir=<a folder that may hold programs>, or install it with the installer"), said);
        assertTrue(said.contains("No native library found"), "the driver's own account comes along: " + said);
    }

    @Test
    void anInstalledConsoleMissingItsLibraryNamesWhereItLooked(@TempDir Path dir) throws Exception {
        Path beside = Files.createDirectories(dir.resolve("lib-app")); // what the installer's launcher points at, emptied
        Path unpackInto = notAFolder(dir).resolve("tmp");
        String said = refusal(dir, "-Dorg.sqlite.lib.path=" + beside, "-Dorg.sqlite.tmpdir=" + unpackInto);
        assertTrue(said.contains("It was looked for in " + beside + ", where the installer puts it (installing again puts it "
                + "back), then unpacked into the temp folder " + unpackInto), said);
        assertTrue(said.contains("Start it with the environment variable JAVA_TOOL_OPTIONS=-Dorg.sqlite.tmpdir=<a folder that may "
                + "hold programs>"), "the launcher takes no Java options: " + said);
        assertFalse(said.contains("or install it with the installer"), said);
    }

    /** A regular file: nothing can be unpacked under it, even by root. */
    private static Path notAFolder(Path dir) throws IOException {
        return Files.writeString(dir.resolve("a-file"), "x");
    }

    /**
     * Opens a store in a JVM of its own with {@code options} and no other way to the library (no
     * JAVA_TOOL_OPTIONS, an empty java.library.path); returns what it said when refused.
     */
    private static String refusal(Path dir, String... options) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-libraries"));
        Path out = dir.resolve("child.out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.library.path=" + empty));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OpenStore.class.getName(), dir.resolve("data").toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        } finally {
            p.destroyForcibly();
        }
        String said = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(3, p.exitValue(), said);
        return said.lines().filter(l -> l.startsWith("refused: ")).findFirst().orElse("(nothing refused) " + said);
    }

    /** Opens a store in the folder given; exits 0 when it opens, 3 with the message when refused. */
    public static final class OpenStore {
        public static void main(String[] args) throws IOException {
            try (Store store = Store.open(Path.of(args[0]))) {
                System.out.println("opened: " + store.mode());
                System.exit(0);
            } catch (IllegalStateException e) {
                System.out.println("refused: " + e.getMessage());
                System.exit(3);
            }
        }
    }
}
