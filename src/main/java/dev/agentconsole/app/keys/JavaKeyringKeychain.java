package dev.agentconsole.app.keys;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * The macOS Keychain and the Windows Credential Manager through java-keyring 1.0.4 (jkeychain on
 * macOS, JNA on Windows). Unverified: nothing here runs macOS or Windows. java-keyring's own
 * Linux backend is not used (it needs dbus-java 4; see {@link SecretServiceKeychain}).
 */
final class JavaKeyringKeychain implements OsKeychain {

    /** Windows' ERROR_NOT_FOUND, which java-keyring reports as "Error code 1168". */
    private static final String WINDOWS_NOT_FOUND = "Error code 1168";
    /** What java-keyring's macOS backend says for an entry that is not there. */
    private static final String NO_STORED_CREDENTIALS = "No stored credentials match";

    private final KeyringStorageType type;
    private final String where;
    private Keyring keyring;

    JavaKeyringKeychain(KeyringStorageType type, String where) {
        this.type = type;
        this.where = where;
    }

    @Override
    public KeyStore.Availability probe() {
        try {
            open();
            return new KeyStore.Availability.Available(where);
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            return new KeyStore.Availability.Unavailable(where + " cannot be used: " + KeychainStore.clean(e, null));
        }
    }

    @Override
    public Optional<String> get(String service, String account) throws Exception {
        try {
            return Optional.of(open().getPassword(service, account));
        } catch (PasswordAccessException e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void set(String service, String account, String secret) throws Exception {
        open().setPassword(service, account, secret);
    }

    @Override
    public boolean delete(String service, String account) throws Exception {
        if (get(service, account).isEmpty()) {
            return false;
        }
        open().deletePassword(service, account);
        return true;
    }

    @Override
    public void close() {
        if (keyring != null) {
            try {
                keyring.close();
            } catch (Exception e) {
                // nothing held that matters
            }
            keyring = null;
        }
    }

    private Keyring open() throws BackendNotSupportedException {
        if (keyring == null) {
            keyring = Keyring.create(type);
        }
        return keyring;
    }

    static boolean isNotFound(PasswordAccessException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.startsWith(NO_STORED_CREDENTIALS) || message.equals(WINDOWS_NOT_FOUND);
    }
}
