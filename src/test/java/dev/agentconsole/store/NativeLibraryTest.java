package dev.agentconsole.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x"); // nothing can be unpacked under a file, even by root
        Path unpackInto = notAFolder.resolve("tmp");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Dorg.sqlite.tmpdir=" + unpackInto, "-cp", System.getProperty("java.class.path"),
                OpenStore.class.getName(), dir.resolve("data").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM ended");
        assertEquals(3, p.exitValue(), out);
        String said = out.lines().filter(l -> l.startsWith("refused: ")).findFirst().orElse("(none) " + out);
        assertTrue(said.contains("SQLite's native library could not be loaded, so nothing can be kept"), said);
        assertTrue(said.contains("the temp folder " + unpackInto), said);
        assertTrue(said.contains("-Dorg.sqlite.tmpdir=<a folder that may hold programs>"), said);
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
