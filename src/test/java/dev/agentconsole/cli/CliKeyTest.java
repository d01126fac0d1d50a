package dev.agentconsole.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.app.keys.KeyForms;
import dev.agentconsole.app.keys.KeyStore;
import dev.agentconsole.app.keys.KeyStoreException;
import dev.agentconsole.app.keys.MemoryKeyStore;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code key set} and {@code key remove} with a key store in memory; every run's output is swept for the key. */
class CliKeyTest {

    static final String PREFIX = "hk-cli-";
    final String key = KeyForms.freshKey(PREFIX);
    final MemoryKeyStore store = new MemoryKeyStore();
    final Map<String, String> outputs = new LinkedHashMap<>();

    /** The data folder the commands read profiles from: it holds "work" (an H profile) and "staging". */
    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path data;

    @org.junit.jupiter.api.BeforeEach
    void profiles() {
        dev.agentconsole.app.profiles.Profiles profiles = dev.agentconsole.app.profiles.Profiles.load(data);
        profiles.add(dev.agentconsole.app.profiles.Profile.of("work", dev.agentconsole.agent.Provider.HCOMPANY,
                "https://agp.eu.hcompany.ai"));
        profiles.add(dev.agentconsole.app.profiles.Profile.of("staging", dev.agentconsole.agent.Provider.AGI,
                "https://api.agi.tech"));
    }

    CliRun run(KeyStore keys, Map<String, String> env, byte[] input, String... given) {
        String[] args = given;
        if (given.length >= 2 && given[0].equals("key") && (given[1].equals("set") || given[1].equals("remove"))) {
            args = java.util.stream.Stream.concat(java.util.stream.Stream.of("--data-dir", data.toString()),
                    java.util.Arrays.stream(given)).toArray(String[]::new);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(args, new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(input)).withKeyStore(keys));
        CliRun run = new CliRun(code, out.toString(), err.toString());
        outputs.put(String.join(" ", given) + " #" + outputs.size(), run.out() + run.err());
        return run;
    }

    CliRun run(String input, String... args) {
        return run(store, Map.of(), input.getBytes(StandardCharsets.UTF_8), args);
    }

    @AfterEach
    void noOutputHoldsTheKey() {
        assertEquals(List.of(), KeyForms.hits(key, PREFIX, outputs));
    }

    @Test
    void anUnknownProfileOrTheDemoIsBadInputAndNothingIsSaved() {
        CliRun unknown = run(key + "\n", "key", "set", "nosuch");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no profile named 'nosuch'"), unknown.err());
        CliRun demo = run(key + "\n", "key", "set", "Demo");
        assertEquals(2, demo.code());
        assertTrue(demo.err().contains("needs no key"), demo.err());
        CliRun anyCase = run(key + "\n", "key", "set", "WORK");
        assertEquals(0, anyCase.code(), anyCase.err());
        assertEquals(java.util.Optional.of(key), store.read("work"), "saved under the profile's own spelling");
    }

    @Test
    void setReadsOneLineFromStandardInputAndSavesIt() {
        CliRun r = run(key + "\n", "key", "set", "work");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("saved the key of profile work in this process's memory\n", r.out());
        assertEquals("", r.err());
        assertEquals(Optional.of(key), store.read("work"));
    }

    @Test
    void setAgainReplacesTheKey() {
        run(key + "\n", "key", "set", "work");
        CliRun r = run("hk-second\r\n", "key", "set", "work");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("replaced the key of profile work in this process's memory\n", r.out());
        assertEquals(Optional.of("hk-second"), store.read("work"));
    }

    @Test
    void whiteSpaceAroundTheKeyIsDroppedAndALastLineEndIsOptional() {
        assertEquals(ExitCodes.OK, run("  " + key + "\t", "key", "set", "work").code());
        assertEquals(Optional.of(key), store.read("work"));
    }

    @Test
    void theKeyIsNeverTakenFromAnArgumentAndTheArgumentIsNotRepeated() {
        List<String[]> tries = List.of(
                new String[] {"key", "set", "work", key},
                new String[] {"key", "set", "work", "--key=" + key},
                new String[] {"key", "set", "work", "-" + key},
                new String[] {"key", "set", "work", "-h" + key},
                new String[] {"key", "set", "-V" + key, "work"},
                new String[] {"key", "set", "--token", key, "work"},
                new String[] {"key", "set", "work", "--", key});
        for (String[] args : tries) {
            CliRun r = run(key + "\n", args);
            assertEquals(ExitCodes.BAD_INPUT, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("never taken from an argument") || r.err().startsWith("bad input: "), r.err());
        }
        CliRun r = run(key + "\n", "key", "set", "work", key);
        assertEquals("bad input: key set takes the profile's name only: the key is never taken from an argument (it would "
                + "stay in the shell's history and show in the process list); type it when asked, or pipe it in\n", r.err());
        assertEquals(Optional.empty(), store.read("work"));
    }

    @Test
    void whatIsNotOneKeyOnOneLineIsRefusedAndNothingIsSaved() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("", "bad input: standard input holds no key: pipe it in (e.g. from your password manager), or run the "
                + "command in a terminal and type it");
        refused.put("\n", "bad input: standard input holds no key: pipe it in (e.g. from your password manager), or run the "
                + "command in a terminal and type it");
        refused.put("   \t\n", "bad input: standard input holds no key: pipe it in (e.g. from your password manager), or run "
                + "the command in a terminal and type it");
        refused.put(key + "\nsecond\n", "bad input: standard input has more than one line: give the key alone, on one line");
        refused.put(key + "\n\n", "bad input: standard input has more than one line: give the key alone, on one line");
        refused.put("hk-\u0001" + key, "bad input: the key on standard input has a control character at character 4: copy "
                + "the key again, without it");
        refused.put("hk-\u001b[31m" + key, "bad input: the key on standard input has a control character at character 4: "
                + "copy the key again, without it");
        refused.put("hk cli", "bad input: the key on standard input has a space at character 3: copy the key again, without it");
        refused.put(key + "\rX", "bad input: the key on standard input has a line break at character 40: copy the key again, "
                + "without it");
        refused.put("hk-é" + key, "bad input: the key on standard input has a character that is not ASCII at character 4: "
                + "copy the key again, without it");
        refused.put("k".repeat(1001), "bad input: the key on standard input is longer than 1000 characters: copy the key "
                + "again, without it");
        refused.forEach((input, expected) -> {
            CliRun r = run(input, "key", "set", "work");
            assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
            assertEquals(expected + "\n", r.err());
        });
        assertEquals(Optional.empty(), store.read("work"));
    }

    @Test
    void brokenUtf8AndAFloodAreRefused() {
        byte[] broken = (key + "\377\n").getBytes(StandardCharsets.ISO_8859_1);
        CliRun r = run(store, Map.of(), broken, "key", "set", "work");
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().startsWith("bad input: standard input is not valid UTF-8 at byte offset 39 (0xff"), r.err());
        CliRun flood = run(store, Map.of(), new byte[KeyInput.MAX_BYTES + 10], "key", "set", "work");
        assertEquals(ExitCodes.BAD_INPUT, flood.code());
        assertEquals("bad input: standard input holds more than 64 KiB: give the key alone, on one line\n", flood.err());
        assertEquals(Optional.empty(), store.read("work"));
    }

    @Test
    void aBadProfileNameIsRefusedWithoutRepeatingIt() {
        CliRun tooLong = run(key, "key", "set", key + key);
        assertEquals(ExitCodes.BAD_INPUT, tooLong.code());
        assertEquals("bad input: the profile name is 78 characters long: at most 40\n", tooLong.err());
        CliRun slash = run(key, "key", "remove", "../work");
        assertEquals(ExitCodes.BAD_INPUT, slash.code());
        assertTrue(slash.err().startsWith("bad input: the profile name has '/' at character 3"), slash.err());
        assertEquals(ExitCodes.BAD_INPUT, run(key, "key", "set", "").code());
        assertEquals(ExitCodes.BAD_INPUT, run(key, "key", "set").code());
    }

    @Test
    void removeForgetsTheKeyAndSaysWhenThereWasNone() {
        store.save("work", key);
        CliRun r = run("", "key", "remove", "work");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("removed the key of profile work from this process's memory\n", r.out());
        assertEquals(Optional.empty(), store.read("work"));
        CliRun again = run("", "key", "remove", "work");
        assertEquals(ExitCodes.OK, again.code());
        assertEquals("no key of profile work is stored in this process's memory: nothing to remove\n", again.out());
        assertEquals(ExitCodes.BAD_INPUT, run("", "key", "remove", "work", "extra").code());
    }

    @Test
    void withNoKeychainNothingIsReadOrSavedAndTheCodeIsFive() {
        MemoryKeyStore none = MemoryKeyStore.instead("no Secret Service on the session bus (gnome-keyring, KWallet or "
                + "KeePassXC provide one)");
        ByteArrayInputStream input = new ByteArrayInputStream((key + "\n").getBytes(StandardCharsets.UTF_8));
        StringWriter err = new StringWriter();
        int code = Cli.run(new String[] {"--data-dir", data.toString(), "key", "set", "work"}, new CliContext(Map.of(), new PrintWriter(new StringWriter()),
                new PrintWriter(err, true), input).withKeyStore(none));
        outputs.put("set without keychain", err.toString());
        assertEquals(ExitCodes.NO_KEYCHAIN, code);
        assertEquals("keychain: no keychain here: no Secret Service on the session bus (gnome-keyring, KWallet or KeePassXC "
                + "provide one); nothing was saved (keys in HAI_API_KEY, H_API_KEY or AGI_API_KEY work without one)\n",
                err.toString());
        assertEquals(key.length() + 1, input.available(), "the key was not even read");
        assertEquals(Optional.empty(), none.read("work"));
        CliRun remove = run(none, Map.of(), new byte[0], "key", "remove", "work");
        assertEquals(ExitCodes.NO_KEYCHAIN, remove.code());
        assertTrue(remove.err().contains("; nothing was removed"), remove.err());
    }

    @Test
    void aKeychainThatRefusesGivesCodeFiveWithItsWordsAndNoTrace() {
        KeyStore refusing = new KeyStore() {
            @Override
            public Optional<String> read(String profile) {
                return Optional.empty();
            }

            @Override
            public void save(String profile, String k) {
                throw new KeyStoreException("saving the key of profile " + profile + ": saving the key was cancelled at "
                        + "the keyring's prompt");
            }

            @Override
            public boolean remove(String profile) {
                return false;
            }

            @Override
            public Availability availability() {
                return new Availability.Available("the scripted keychain");
            }
        };
        CliRun r = run(refusing, Map.of(), (key + "\n").getBytes(StandardCharsets.UTF_8), "key", "set", "work");
        assertEquals(ExitCodes.NO_KEYCHAIN, r.code());
        assertEquals("keychain: saving the key of profile work: saving the key was cancelled at the keyring's prompt\n", r.err());
    }

    @Test
    void aKeyInTheEnvironmentIsSaidToWinNamingTheVariableOnly() {
        String envKey = KeyForms.freshKey(PREFIX);
        CliRun r = run(store, Map.of("HAI_API_KEY", envKey, "AGI_API_KEY", " "), (key + "\n").getBytes(StandardCharsets.UTF_8),
                "key", "set", "work");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals("note: HAI_API_KEY is set here: for H Agent Platform it wins over keys in the keychain\n", r.err());
        assertEquals(List.of(), KeyForms.hits(envKey, PREFIX, Map.of("output", r.out() + r.err())));
    }

    @Test
    void keyAloneAsksForASubcommandAndHelpShowsBoth() {
        CliRun bare = run("", "key");
        assertEquals(ExitCodes.BAD_INPUT, bare.code());
        assertTrue(bare.err().startsWith("bad input: Missing required subcommand"), bare.err());
        CliRun help = run("", "key", "--help");
        assertEquals(ExitCodes.OK, help.code());
        CliRun setHelp = run("", "key", "set", "--help");
        assertEquals(ExitCodes.OK, setHelp.code());
        assertTrue(setHelp.out().replaceAll("\\s+", " ").contains("never from an argument"), setHelp.out());
        assertTrue(help.out().contains("set") && help.out().contains("remove") && help.out().contains("5 no keychain"), help.out());
        List<String> all = new ArrayList<>(List.of(run("", "--help").out().split("\n")));
        assertTrue(all.stream().anyMatch(line -> line.strip().startsWith("key ")), String.join("\n", all));
    }
}
