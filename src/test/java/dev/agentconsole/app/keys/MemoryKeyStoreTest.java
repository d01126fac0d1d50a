package dev.agentconsole.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemoryKeyStoreTest {

    final String key = KeyForms.freshKey("hk-mem-");

    @Test
    void aKeyIsSavedReadReplacedAndRemovedPerProfile() {
        MemoryKeyStore store = new MemoryKeyStore();
        assertEquals(Optional.empty(), store.read("work"));
        store.save("work", key);
        store.save("home", "hk-other");
        assertEquals(Optional.of(key), store.read("work"));
        store.save("work", "hk-replaced");
        assertEquals(Optional.of("hk-replaced"), store.read("work"));
        assertTrue(store.remove("work"));
        assertFalse(store.remove("work"));
        assertEquals(Optional.empty(), store.read("work"));
        assertEquals(Optional.of("hk-other"), store.read("home"));
    }

    @Test
    void aPlainMemoryStoreSaysItIsOneAndTheFallbackSaysWhyThereIsNoKeychain() {
        assertEquals(new KeyStore.Availability.Available("this process's memory"), new MemoryKeyStore().availability());
        MemoryKeyStore fallback = MemoryKeyStore.instead("no Secret Service on the session bus");
        assertEquals(new KeyStore.Availability.Unavailable("no Secret Service on the session bus"), fallback.availability());
        fallback.save("work", key);
        assertEquals(Optional.of(key), fallback.read("work"), "the fallback keeps keys for this run");
    }

    @Test
    void keysThatCannotGoInAHeaderAreRefusedWithoutRepeatingThem() {
        MemoryKeyStore store = new MemoryKeyStore();
        Map<String, String> refused = Map.of(
                "", "the key is empty",
                key + " tail", "the key has a space at character 40",
                key + "\n", "the key has a line break at character 40",
                "\u0007" + key, "the key has a control character at character 1",
                key + "é", "the key has a character that is not ASCII at character 40",
                "k".repeat(KeyRules.MAX_KEY_LENGTH + 1), "the key is longer than 1000 characters");
        refused.forEach((bad, expected) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.save("work", bad));
            assertEquals(expected, e.getMessage());
        });
        assertThrows(IllegalArgumentException.class, () -> store.save("work", null));
        assertEquals(Optional.empty(), store.read("work"));
    }

    @Test
    void profileNamesAreOneToFortyLettersDigitsSpacesDashesUnderscoresAndDots() {
        for (String good : List.of("w", "work", "H prod 2", "agi-staging_v1.2", "x".repeat(40))) {
            assertEquals(Optional.empty(), KeyRules.problemWithProfile(good), good);
        }
        Map<String, String> bad = Map.of(
                "", "the profile name is empty",
                "x".repeat(41), "the profile name is 41 characters long: at most 40",
                "a/b", "the profile name has '/' at character 2: only letters and digits (ASCII), space, '-', '_' and '.' are allowed",
                "büro", "the profile name has a character that is not ASCII at character 2: only letters and digits (ASCII), space, '-', '_' and '.' are allowed",
                "tab\there", "the profile name has a control character at character 4: only letters and digits (ASCII), space, '-', '_' and '.' are allowed",
                " work", "the profile name starts or ends with a space",
                "work ", "the profile name starts or ends with a space");
        bad.forEach((name, expected) -> assertEquals(Optional.of(expected), KeyRules.problemWithProfile(name), name));
        MemoryKeyStore store = new MemoryKeyStore();
        assertThrows(IllegalArgumentException.class, () -> store.save("a/b", key));
        assertThrows(IllegalArgumentException.class, () -> store.read(""));
        assertThrows(IllegalArgumentException.class, () -> store.remove(null));
    }

    @Test
    void itsTextNamesNeitherProfilesNorKeys() {
        MemoryKeyStore store = new MemoryKeyStore();
        store.save("work", key);
        assertEquals("MemoryKeyStore[1 profile(s)]", store.toString());
    }
}
