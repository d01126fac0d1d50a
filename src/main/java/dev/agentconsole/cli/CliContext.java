package dev.agentconsole.cli;

import dev.agentconsole.agent.Provider;
import dev.agentconsole.app.keys.KeyStore;
import dev.agentconsole.app.keys.KeyStores;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a command may touch of the outside world; tests hand in their own. {@code in} is bytes:
 * text from it is decoded strictly. {@code window} opens the window (no command) and returns its exit code.
 * {@code keys} opens the key store ({@code key set}, {@code key remove}); only those commands call it.
 */
public record CliContext(Map<String, String> environment, PrintWriter out, PrintWriter err, InputStream in, Window window,
                         Supplier<KeyStore> keys) {

    /** Opens the window with these options, until it closes. */
    @FunctionalInterface
    public interface Window {
        /** @param profile the profile --profile named (provider, base URL and caller id are already its own) */
        int open(Optional<Provider> provider, Optional<String> baseUrl, Optional<String> session, Optional<String> callerId,
                 Optional<String> profile, Optional<Path> dataDir, boolean smoke);
    }

    /** With this machine's key store (the OS keychain, else memory and why). */
    public CliContext(Map<String, String> environment, PrintWriter out, PrintWriter err, InputStream in, Window window) {
        this(environment, out, err, in, window, () -> KeyStores.forThisMachine(environment));
    }

    /** With the real window, one per data folder (a later launch hands its session to it). */
    public CliContext(Map<String, String> environment, PrintWriter out, PrintWriter err, InputStream in) {
        this(environment, out, err, in, (provider, baseUrl, session, callerId, profile, dataDir, smoke) ->
                WindowLaunch.open(TerminalText.safe(out), TerminalText.safe(err), provider, baseUrl, session, callerId,
                        profile, dataDir, smoke));
    }

    /** The same, with {@code store} as the key store (tests). */
    public CliContext withKeyStore(KeyStore store) {
        return new CliContext(environment, out, err, in, window, () -> store);
    }

    /** The same, with control characters in everything printed shown escaped (words from servers end up there). */
    CliContext terminalSafe() {
        return new CliContext(environment, TerminalText.safe(out), TerminalText.safe(err), in, window, keys);
    }
}
