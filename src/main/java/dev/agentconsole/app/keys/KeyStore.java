package dev.agentconsole.app.keys;

import java.util.Optional;

/**
 * Where the console keeps the API key of each profile: one entry per profile, named by the
 * service {@value #SERVICE} and the profile's name as the account. Implementations never log,
 * print or write a key, and their exceptions never carry one.
 *
 * <p>Calls may block (a keychain can ask the operator to unlock it): never call them on the FX thread.
 */
public interface KeyStore extends AutoCloseable {

    /** The service name of every entry; the account is the profile's name. */
    String SERVICE = "Agent Console";

    /**
     * The key stored for {@code profile}, if there is one.
     *
     * @throws KeyStoreException when the store cannot be read (locked and not unlocked, gone away)
     */
    Optional<String> read(String profile);

    /**
     * Stores {@code key} for {@code profile}, replacing the one stored before.
     *
     * @throws IllegalArgumentException when the profile name or the key is not acceptable
     *                                  ({@link KeyRules}); the message never holds the key
     * @throws KeyStoreException        when the store refuses
     */
    void save(String profile, String key);

    /**
     * Forgets the key of {@code profile}.
     *
     * @return whether there was one
     * @throws KeyStoreException when the store refuses
     */
    boolean remove(String profile);

    /** Whether keys saved here outlive this process, and if not, why (one line, for the operator). */
    Availability availability();

    /** Lets go of the keychain (a bus connection, a native handle); keys stay where they are. */
    @Override
    default void close() {
    }

    /** What a store is: the OS keychain that keeps keys, or memory only and why. */
    sealed interface Availability {

        /** @param where how the operator knows the store, e.g. "the Secret Service" */
        record Available(String where) implements Availability {
        }

        /** @param reason one line: why there is no keychain (keys are kept in memory for this run) */
        record Unavailable(String reason) implements Availability {
        }

        default boolean isAvailable() {
            return this instanceof Available;
        }
    }
}
