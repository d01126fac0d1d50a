package dev.agentconsole.app.keys;

import com.github.javakeyring.KeyringStorageType;
import dev.agentconsole.app.dbus.SessionBus;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The key store for this machine: the OS keychain when it answers, else keys in memory for this
 * run, whose {@link KeyStore#availability()} says why (for the caller to say once).
 */
public final class KeyStores {

    /** {@code AGENT_CONSOLE_KEYCHAIN=off} (or 0, false, no): keys in memory only, the keychain untouched. */
    public static final String SWITCH = "AGENT_CONSOLE_KEYCHAIN";
    private static final Set<String> OFF = Set.of("off", "0", "false", "no");
    /** How long a call waits for the operator to answer the keyring's unlock prompt (which then stays up). */
    static final Duration PROMPT_TIMEOUT = Duration.ofMinutes(2);

    private KeyStores() {
    }

    /** With this process's environment. */
    public static KeyStore forThisMachine() {
        return forThisMachine(System.getenv());
    }

    /**
     * Tries the OS keychain once (it may take a moment: a bus connection, a service started on
     * demand); never prompts. Blocking: not on the FX thread.
     */
    public static KeyStore forThisMachine(Map<String, String> env) {
        if (OFF.contains(env.getOrDefault(SWITCH, "").strip().toLowerCase(Locale.ROOT))) {
            return MemoryKeyStore.instead(SWITCH + " is off");
        }
        OsKeychain keychain = keychainFor(System.getProperty("os.name", ""), env);
        if (keychain == null) {
            return MemoryKeyStore.instead("no keychain is known on " + System.getProperty("os.name", "this system"));
        }
        KeychainStore store = new KeychainStore(keychain);
        KeyStore.Availability availability = store.availability();
        if (availability instanceof KeyStore.Availability.Unavailable unavailable) {
            store.close();
            return MemoryKeyStore.instead(unavailable.reason());
        }
        return store;
    }

    static OsKeychain keychainFor(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return new JavaKeyringKeychain(KeyringStorageType.OSX_KEYCHAIN, "the macOS Keychain");
        }
        if (os.startsWith("windows")) {
            return new JavaKeyringKeychain(KeyringStorageType.WINDOWS_CREDENTIAL_STORE, "the Windows Credential Manager");
        }
        if (os.contains("linux") || os.contains("bsd")) {
            String address = SessionBus.address(env);
            return address == null ? new Absent("no session D-Bus to reach the Secret Service on "
                    + "(DBUS_SESSION_BUS_ADDRESS is not set and there is no $XDG_RUNTIME_DIR/bus)")
                    : new SecretServiceKeychain(address, PROMPT_TIMEOUT);
        }
        return null;
    }

    /** A keychain known to be missing, and why. */
    private record Absent(String reason) implements OsKeychain {
        @Override
        public KeyStore.Availability probe() {
            return new KeyStore.Availability.Unavailable(reason);
        }

        @Override
        public java.util.Optional<String> get(String service, String account) {
            throw new KeyStoreException(reason);
        }

        @Override
        public void set(String service, String account, String secret) {
            throw new KeyStoreException(reason);
        }

        @Override
        public boolean delete(String service, String account) {
            throw new KeyStoreException(reason);
        }

        @Override
        public void close() {
        }
    }
}
