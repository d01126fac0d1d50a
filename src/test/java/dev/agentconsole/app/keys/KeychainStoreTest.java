package dev.agentconsole.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The keychain's adapter over a scripted OS keychain: names, checks, and what its failures may say. */
class KeychainStoreTest {

    static final String PREFIX = "hk-chain-";
    final String key = KeyForms.freshKey(PREFIX);

    /** An OS keychain in a map, or one that fails with the message given. */
    static final class Scripted implements OsKeychain {
        final Map<String, String> entries = new HashMap<>();
        final List<String> calls = new ArrayList<>();
        RuntimeException failure;
        boolean closed;

        @Override
        public KeyStore.Availability probe() {
            if (failure != null) {
                throw failure;
            }
            return new KeyStore.Availability.Available("the scripted keychain");
        }

        @Override
        public Optional<String> get(String service, String account) {
            calls.add("get " + service + "/" + account);
            fail();
            return Optional.ofNullable(entries.get(service + "/" + account));
        }

        @Override
        public void set(String service, String account, String secret) {
            calls.add("set " + service + "/" + account);
            fail();
            entries.put(service + "/" + account, secret);
        }

        @Override
        public boolean delete(String service, String account) {
            calls.add("delete " + service + "/" + account);
            fail();
            return entries.remove(service + "/" + account) != null;
        }

        @Override
        public void close() {
            closed = true;
        }

        private void fail() {
            if (failure != null) {
                throw failure;
            }
        }
    }

    final Scripted os = new Scripted();
    final KeychainStore store = new KeychainStore(os);

    @Test
    void entriesAreNamedByTheServiceAgentConsoleAndTheProfileAsAccount() {
        store.save("work", key);
        assertEquals(Map.of("Agent Console/work", key), os.entries);
        assertEquals(Optional.of(key), store.read("work"));
        assertTrue(store.remove("work"));
        assertFalse(store.remove("work"));
        assertEquals(List.of("set Agent Console/work", "get Agent Console/work", "delete Agent Console/work",
                "delete Agent Console/work"), os.calls);
        store.close();
        assertTrue(os.closed);
    }

    @Test
    void badNamesAndKeysNeverReachTheKeychain() {
        assertThrows(IllegalArgumentException.class, () -> store.save("work", key + "\r\nX-Evil: 1"));
        assertThrows(IllegalArgumentException.class, () -> store.save("../work", key));
        assertThrows(IllegalArgumentException.class, () -> store.read("x".repeat(41)));
        assertEquals(List.of(), os.calls);
    }

    @Test
    void aFailureThatQuotesTheKeyReachesTheCallerWithoutItInAnyFormAndWithoutItsCause() {
        String b64 = Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
        os.failure = new IllegalStateException("refused '" + key + "' (" + URLEncoder.encode(key, StandardCharsets.UTF_8)
                + ", " + b64 + ")\nsecond line " + key);
        KeyStoreException e = assertThrows(KeyStoreException.class, () -> store.save("work", key));
        assertTrue(e.getMessage().startsWith("saving the key of profile work failed: IllegalStateException: refused"),
                e.getMessage());
        assertNull(e.getCause());
        assertEquals(0, e.getStackTrace().length, "no trace to print either");
        assertEquals(List.of(), KeyForms.hits(key, PREFIX, Map.of("message", e.getMessage(), "text", e.toString())));
    }

    @Test
    void readAndRemoveFailuresSayWhatWasBeingDone() {
        os.failure = new IllegalStateException("org.freedesktop.Secret.Error.IsLocked: the collection is locked");
        assertEquals("reading the key of profile work failed: IllegalStateException: "
                + "org.freedesktop.Secret.Error.IsLocked: the collection is locked",
                assertThrows(KeyStoreException.class, () -> store.read("work")).getMessage());
        os.failure = new KeyStoreException("the keyring is locked and its prompt was not answered within 120 s");
        assertEquals("removing the key of profile work: the keyring is locked and its prompt was not answered within 120 s",
                assertThrows(KeyStoreException.class, () -> store.remove("work")).getMessage());
    }

    @Test
    void aKeychainThatFailsItsProbeIsUnavailableWithTheReason() {
        assertEquals(new KeyStore.Availability.Available("the scripted keychain"), store.availability());
        os.failure = new UnsupportedOperationException("no backend");
        assertEquals(new KeyStore.Availability.Unavailable("UnsupportedOperationException: no backend"), store.availability());
    }
}
