package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.agent.Provider;
import dev.agentconsole.app.keys.KeyRules;
import dev.agentconsole.app.keys.KeyStore;
import dev.agentconsole.app.keys.KeyStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

@Command(name = "key", mixinStandardHelpOptions = true,
        description = {"Keeps a profile's API key in the OS keychain (the Secret Service on Linux, the Keychain on macOS, "
                + "the Credential Manager on Windows), one entry per profile.",
                "The key is read from standard input (typed with no echo on a terminal), never from an argument. "
                        + "HAI_API_KEY, H_API_KEY and AGI_API_KEY in the environment win over stored keys.",
                "Exit codes: 0 done, 2 bad input (nothing changed), 5 no keychain here or the keychain refused (nothing changed)."},
        subcommands = {KeyCommand.Set.class, KeyCommand.Remove.class})
final class KeyCommand {

    @ParentCommand
    RootCommand parent;

    @Command(name = "set",
            description = {"Saves the key of PROFILE in the keychain, replacing the one saved before.",
                    "The key comes from standard input, never from an argument. On a terminal: type it when asked "
                            + "(not shown). Otherwise: one line, e.g. from a password manager: "
                            + "pass show h/work | agent-console key set work",
                    "Exit codes: 0 saved, 2 bad input (nothing saved), 5 no keychain here or it refused (nothing saved)."})
    static final class Set implements Callable<Integer> {

        @ParentCommand
        KeyCommand key;

        @picocli.CommandLine.Mixin
        DataFolderOption data = new DataFolderOption();

        @Parameters(index = "0", paramLabel = "PROFILE", description = "The profile's name: 1 to 40 letters, digits, "
                + "spaces, '-', '_' or '.'.")
        String profile;

        /** Whatever else was given: never echoed, as it may be a key typed in the wrong place. */
        @Unmatched
        List<String> extra = new ArrayList<>();

        /** --help only: with picocli's -h, a key starting "-h" would be read as short options. */
        @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Override
        public Integer call() {
            if (!extra.isEmpty()) {
                throw new InvalidInputException("key set takes the profile's name only: the key is never taken from an "
                        + "argument (it would stay in the shell's history and show in the process list); "
                        + "type it when asked, or pipe it in");
            }
            CliContext ctx = key.parent.context();
            profile = checkProfile(profile, data.folder(key.parent));
            try (KeyStore store = ctx.keys().get()) {
                String where = keychain(store, "nothing was saved");
                String secret = KeyInput.read(ctx, profile);
                boolean replacing = store.read(profile).isPresent();
                store.save(profile, secret);
                ctx.out().println((replacing ? "replaced the key of profile " : "saved the key of profile ") + profile
                        + " in " + where);
                environmentWins(ctx);
                ctx.out().flush();
                ctx.err().flush();
                return ExitCodes.OK;
            }
        }
    }

    @Command(name = "remove",
            description = {"Removes the key of PROFILE from the keychain.",
                    "Exit codes: 0 removed or none was stored, 2 bad input, 5 no keychain here or it refused (nothing removed)."})
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        KeyCommand key;

        @picocli.CommandLine.Mixin
        DataFolderOption data = new DataFolderOption();

        @Parameters(index = "0", paramLabel = "PROFILE", description = "The profile's name.")
        String profile;

        @Unmatched
        List<String> extra = new ArrayList<>();

        @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        @Override
        public Integer call() {
            if (!extra.isEmpty()) {
                throw new InvalidInputException("key remove takes one profile name and nothing else");
            }
            CliContext ctx = key.parent.context();
            KeyRules.problemWithProfile(profile).ifPresent(p -> {
                throw new InvalidInputException(p);
            }); // a key of a profile removed since may still be taken out
            try (KeyStore store = ctx.keys().get()) {
                String where = keychain(store, "nothing was removed");
                ctx.out().println(store.remove(profile) ? "removed the key of profile " + profile + " from " + where
                        : "no key of profile " + profile + " is stored in " + where + ": nothing to remove");
                ctx.out().flush();
                return ExitCodes.OK;
            }
        }
    }

    /** The profile's name as it is stored (names are told apart whatever their case); an unknown one is bad input. */
    private static String checkProfile(String profile, java.nio.file.Path dataFolder) {
        KeyRules.problemWithProfile(profile).ifPresent(p -> {
            throw new InvalidInputException(p);
        });
        dev.agentconsole.app.profiles.Profile found = dev.agentconsole.app.profiles.Profiles.load(dataFolder).find(profile)
                .orElseThrow(() -> TargetOptions.unknownProfile(profile));
        if (found.isDemo()) {
            throw new InvalidInputException("the Demo profile needs no key: its emulator has its own");
        }
        return found.name();
    }

    /** Where keys are kept; a store that keeps them in memory only is no use to a command that ends. */
    private static String keychain(KeyStore store, String consequence) {
        KeyStore.Availability availability = store.availability();
        if (availability instanceof KeyStore.Availability.Unavailable none) {
            throw new KeyStoreException("no keychain here: " + none.reason() + "; " + consequence
                    + " (keys in HAI_API_KEY, H_API_KEY or AGI_API_KEY work without one)");
        }
        return ((KeyStore.Availability.Available) availability).where();
    }

    /** The keys the environment holds win over stored ones: say so, naming the variables only. */
    private static void environmentWins(CliContext ctx) {
        for (Provider provider : Provider.values()) {
            provider.tokenVariables().stream()
                    .filter(name -> !ctx.environment().getOrDefault(name, "").isBlank())
                    .findFirst()
                    .ifPresent(name -> ctx.err().println("note: " + name + " is set here: for " + provider.displayName()
                            + " it wins over keys in the keychain"));
        }
    }
}
