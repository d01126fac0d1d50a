package dev.agentconsole.app.keys;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys in this process's memory only: gone when it ends. The fallback where no keychain answers
 * ({@link #instead}), and the store tests hand in.
 */
public final class MemoryKeyStore implements KeyStore {

    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final Availability availability;

    /** A store that says it is one: {@link Availability.Available}, "this process's memory". */
    public MemoryKeyStore() {
        this(new Availability.Available("this process's memory"));
    }

    private MemoryKeyStore(Availability availability) {
        this.availability = availability;
    }

    /** Memory in the place of a keychain: {@link #availability()} says why there is none. */
    public static MemoryKeyStore instead(String reason) {
        return new MemoryKeyStore(new Availability.Unavailable(reason));
    }

    @Override
    public Optional<String> read(String profile) {
        check(KeyRules.problemWithProfile(profile));
        return Optional.ofNullable(keys.get(profile));
    }

    @Override
    public void save(String profile, String key) {
        check(KeyRules.problemWithProfile(profile));
        check(KeyRules.problemWithKey(key));
        keys.put(profile, key);
    }

    @Override
    public boolean remove(String profile) {
        check(KeyRules.problemWithProfile(profile));
        return keys.remove(profile) != null;
    }

    @Override
    public Availability availability() {
        return availability;
    }

    @Override
    public String toString() {
        return "MemoryKeyStore[" + keys.size() + " profile(s)]"; // names and keys stay out of it
    }

    static void check(Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }
}
