package dev.agentconsole.app.keys;

import dev.agentconsole.agent.http.Redaction;
import java.util.Objects;
import java.util.Optional;

/**
 * Keys in the operating system's keychain: the Secret Service on Linux (gnome-keyring, KWallet,
 * KeePassXC), the Keychain on macOS, the Credential Manager on Windows. One entry per profile,
 * service {@value KeyStore#SERVICE}, account the profile's name.
 *
 * <p>Whatever the keychain or its library throws becomes a {@link KeyStoreException} whose message
 * is the failure's kind and words with the key taken out in every form (as a server's echo is), and
 * no cause: nothing a library was given can reach a log, a terminal or a stack trace through it.
 * One call at a time (the libraries are not safe for concurrent use).
 */
public final class KeychainStore implements KeyStore {

    private final OsKeychain keychain;

    KeychainStore(OsKeychain keychain) {
        this.keychain = Objects.requireNonNull(keychain);
    }

    @Override
    public synchronized Optional<String> read(String profile) {
        MemoryKeyStore.check(KeyRules.problemWithProfile(profile));
        try {
            return keychain.get(SERVICE, profile);
        } catch (Exception | LinkageError e) {
            throw failure("reading the key of profile " + profile, e, null);
        }
    }

    @Override
    public synchronized void save(String profile, String key) {
        MemoryKeyStore.check(KeyRules.problemWithProfile(profile));
        MemoryKeyStore.check(KeyRules.problemWithKey(key));
        try {
            keychain.set(SERVICE, profile, key);
        } catch (Exception | LinkageError e) {
            throw failure("saving the key of profile " + profile, e, key);
        }
    }

    @Override
    public synchronized boolean remove(String profile) {
        MemoryKeyStore.check(KeyRules.problemWithProfile(profile));
        try {
            return keychain.delete(SERVICE, profile);
        } catch (Exception | LinkageError e) {
            throw failure("removing the key of profile " + profile, e, null);
        }
    }

    @Override
    public synchronized Availability availability() {
        try {
            return keychain.probe();
        } catch (RuntimeException | LinkageError e) {
            return new Availability.Unavailable(clean(e, null));
        }
    }

    @Override
    public synchronized void close() {
        try {
            keychain.close();
        } catch (RuntimeException | LinkageError e) {
            // nothing to save: the keys are in the keychain
        }
    }

    @Override
    public String toString() {
        return "KeychainStore[" + keychain.getClass().getSimpleName() + "]";
    }

    private static KeyStoreException failure(String doing, Throwable e, String key) {
        if (e instanceof KeyStoreException ours) {
            return new KeyStoreException(doing + ": " + (key == null ? ours.getMessage() : Redaction.of(key).apply(ours.getMessage())));
        }
        return new KeyStoreException(doing + " failed: " + clean(e, key));
    }

    /** The failure's kind and words, the key (when there is one) taken out in every form. */
    static String clean(Throwable e, String key) {
        String words = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        String line = e.getClass().getSimpleName() + words;
        return key == null ? line : Redaction.of(key).apply(line);
    }
}
