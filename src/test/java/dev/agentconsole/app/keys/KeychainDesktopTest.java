package dev.agentconsole.app.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keys in a real Secret Service: Debian's gnome-keyring, started and unlocked on a session bus of
 * its own by {@code packaging/linux/desktop-session.sh} inside {@code dbus-run-session}, as
 * {@code .ci/run} does. Through {@link KeychainStore} and through the real command line in a
 * process of its own (from a pipe, and typed on a terminal); then the data folder, the keyring's
 * files, the logs and every output are searched for the key in every form: zero hits. Runs only
 * where that script set {@code AGENT_CONSOLE_TEST_KEYRING} (never against a desktop's own
 * keyring), and fails instead of skipping when {@code CI_DESKTOP_BUS=required}.
 */
@Tag("desktop")
class KeychainDesktopTest {

    static final String PREFIX = "hk-keychain-";

    final String profile = "ci " + HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(4));
    final String first = KeyForms.freshKey(PREFIX);
    final String second = KeyForms.freshKey(PREFIX);
    final Map<String, String> outputs = new LinkedHashMap<>();
    final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    @TempDir
    Path home;

    PrintStream realErr;
    KeyStore store;
    ConsoleRuns console;

    @BeforeAll
    static void aThrowawayKeyringOnOurOwnBus() {
        String problem = null;
        if (System.getenv("DBUS_SESSION_BUS_ADDRESS") == null) {
            problem = "no session bus: run the desktop group inside dbus-run-session (see .ci/run)";
        } else if (System.getenv("AGENT_CONSOLE_TEST_KEYRING") == null) {
            problem = "no throwaway keyring on this bus: run the desktop group through packaging/linux/desktop-session.sh";
        } else if (!onPath("secret-tool") || !onPath("script")) {
            problem = "secret-tool (libsecret-tools) or script (bsdutils) is missing";
        }
        if (problem != null && "required".equals(System.getenv("CI_DESKTOP_BUS"))) {
            fail(problem + " (CI_DESKTOP_BUS=required)");
        }
        Assumptions.assumeTrue(problem == null, problem);
    }

    static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    @BeforeEach
    void open() {
        realErr = System.err;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8)); // the console's log lines
        store = KeyStores.forThisMachine(System.getenv());
        console = new ConsoleRuns(home);
    }

    @AfterEach
    void sweep() throws Exception {
        try {
            store.remove(profile);
            store.close();
        } finally {
            System.setErr(realErr);
        }
        outputs.put("the logs", logs.toString(StandardCharsets.UTF_8));
        outputs.putAll(console.outputs());
        for (Path folder : List.of(home, Path.of(System.getenv("AGENT_CONSOLE_TEST_KEYRING")))) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    outputs.put(file.toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        assertTrue(outputs.keySet().stream().anyMatch(name -> name.endsWith(".keyring")), "the keyring's file: " + outputs.keySet());
        for (String key : List.of(first, second)) {
            assertEquals(List.of(), KeyForms.hits(key, PREFIX, outputs));
        }
    }

    @Test
    void aKeyIsStoredReadReplacedAndRemovedThroughTheSecretService() throws Exception {
        assertInstanceOf(KeychainStore.class, store, store.availability().toString());
        assertEquals(new KeyStore.Availability.Available("the Secret Service"), store.availability());
        assertEquals(Optional.empty(), store.read(profile));

        store.save(profile, first);
        assertEquals(Optional.of(first), store.read(profile));
        try (KeyStore another = KeyStores.forThisMachine(System.getenv())) {
            assertEquals(Optional.of(first), another.read(profile), "kept by the service, not by this object");
        }
        assertEquals(Optional.of(first), SecretTool.lookup(profile), "libsecret's own tool finds it where it belongs");

        store.save(profile, second);
        assertEquals(Optional.of(second), store.read(profile));
        assertEquals(1, SecretTool.count(profile), "replaced, not added");

        assertTrue(store.remove(profile));
        assertEquals(Optional.empty(), store.read(profile));
        assertEquals(Optional.empty(), SecretTool.lookup(profile));
        assertFalse(store.remove(profile));
    }

    /** key set takes a profile that exists: the commands' data folder holds it. */
    private void theProfileExists() {
        dev.agentconsole.app.profiles.Profiles.load(home.resolve("data")).add(dev.agentconsole.app.profiles.Profile.of(profile,
                dev.agentconsole.agent.Provider.HCOMPANY, "https://agp.eu.hcompany.ai"));
    }

    @Test
    void keySetAndKeyRemoveStoreReplaceAndRemoveItThroughTheCommandLine() throws Exception {
        theProfileExists();
        ConsoleRuns.Run set = console.run(first + "\n", "key", "set", profile);
        assertEquals(0, set.code(), set.err());
        assertEquals("saved the key of profile " + profile + " in the Secret Service\n", set.out());
        assertEquals(Optional.of(first), store.read(profile));

        ConsoleRuns.Run replace = console.run(second + "\n", "key", "set", profile);
        assertEquals(0, replace.code(), replace.err());
        assertEquals("replaced the key of profile " + profile + " in the Secret Service\n", replace.out());
        assertEquals(Optional.of(second), store.read(profile));

        ConsoleRuns.Run asArgument = console.run("", "key", "set", profile, first);
        assertEquals(2, asArgument.code(), asArgument.err());
        assertEquals(Optional.of(second), store.read(profile), "an argument never replaces the key");

        ConsoleRuns.Run remove = console.run("", "key", "remove", profile);
        assertEquals(0, remove.code(), remove.err());
        assertEquals("removed the key of profile " + profile + " from the Secret Service\n", remove.out());
        assertEquals(Optional.empty(), store.read(profile));
        ConsoleRuns.Run again = console.run("", "key", "remove", profile);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("no key of profile " + profile + " is stored"), again.out());
    }

    @Test
    void onATerminalTheKeyIsTypedWithoutEcho() throws Exception {
        theProfileExists();
        ConsoleRuns.Run typed = console.onTerminal(first, "key", "set", profile);
        assertEquals(0, typed.code(), typed.out());
        assertTrue(typed.out().contains("Key for profile " + profile + " (typing is not shown): "), typed.out());
        assertTrue(typed.out().contains("saved the key of profile " + profile + " in the Secret Service"), typed.out());
        assertEquals(Optional.of(first), store.read(profile));

        // with its output redirected the JDK gives no console: typing would show, so it is refused before a key is asked for
        ConsoleRuns.Run redirected = console.onTerminalWithOutputTo(home.resolve("out.txt"), second, "key", "set", profile);
        assertEquals(2, redirected.code(), redirected.out());
        assertTrue(redirected.out().contains("standard input is a terminal but standard output is not"), redirected.out());
        assertEquals(Optional.of(first), store.read(profile));
    }
}
