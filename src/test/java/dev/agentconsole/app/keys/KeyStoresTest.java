package dev.agentconsole.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class KeyStoresTest {

    @TempDir
    Path runtimeDir;

    @Test
    void theSwitchKeepsKeysInMemoryWithoutTouchingTheKeychain() {
        KeyStore store = KeyStores.forThisMachine(Map.of("AGENT_CONSOLE_KEYCHAIN", " OFF "));
        assertInstanceOf(MemoryKeyStore.class, store);
        assertEquals(new KeyStore.Availability.Unavailable("AGENT_CONSOLE_KEYCHAIN is off"), store.availability());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withNoSessionBusKeysStayInMemoryAndTheReasonSaysSo() {
        KeyStore store = KeyStores.forThisMachine(Map.of("XDG_RUNTIME_DIR", runtimeDir.toString()));
        assertInstanceOf(MemoryKeyStore.class, store);
        assertEquals(new KeyStore.Availability.Unavailable("no session D-Bus to reach the Secret Service on "
                + "(DBUS_SESSION_BUS_ADDRESS is not set and there is no $XDG_RUNTIME_DIR/bus)"), store.availability());
        store.save("work", "hk-in-memory");
        assertEquals("hk-in-memory", store.read("work").orElseThrow());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aBusThatIsNotThereIsUnavailableWithinSeconds() {
        long start = System.nanoTime();
        KeyStore store = KeyStores.forThisMachine(Map.of("DBUS_SESSION_BUS_ADDRESS",
                "unix:path=" + runtimeDir.resolve("no-bus-here")));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertInstanceOf(MemoryKeyStore.class, store);
        String reason = ((KeyStore.Availability.Unavailable) store.availability()).reason();
        assertTrue(reason.startsWith("the session D-Bus cannot be reached") || reason.startsWith("the Secret Service did not answer"), reason);
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
    }

    @Test
    void theKeychainIsChosenByTheOperatingSystem() {
        assertEquals(JavaKeyringKeychain.class, KeyStores.keychainFor("Mac OS X", Map.of()).getClass());
        assertEquals(JavaKeyringKeychain.class, KeyStores.keychainFor("Windows 11", Map.of()).getClass());
        assertEquals(SecretServiceKeychain.class, KeyStores.keychainFor("Linux",
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")).getClass());
        assertEquals(null, KeyStores.keychainFor("Plan 9", Map.of()));
    }

    @Test
    void javaKeyringOutsideItsSystemIsUnavailableNotBroken() {
        // java-keyring's macOS backend refuses to start elsewhere (by os.name, before loading anything
        // native; its Windows backend would load JNA, which unpacks itself into ~/.cache): said, not thrown
        KeychainStore store = new KeychainStore(new JavaKeyringKeychain(
                com.github.javakeyring.KeyringStorageType.OSX_KEYCHAIN, "the macOS Keychain"));
        if (!System.getProperty("os.name").startsWith("Mac")) {
            KeyStore.Availability availability = store.availability();
            assertInstanceOf(KeyStore.Availability.Unavailable.class, availability);
            assertTrue(((KeyStore.Availability.Unavailable) availability).reason()
                    .startsWith("the macOS Keychain cannot be used: "), availability.toString());
            assertThrows(KeyStoreException.class, () -> store.read("work"));
        }
    }
}
