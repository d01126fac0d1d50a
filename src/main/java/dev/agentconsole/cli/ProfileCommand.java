package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.app.Services;
import dev.agentconsole.app.profiles.Profile;
import dev.agentconsole.app.profiles.ProfileKeys;
import dev.agentconsole.app.profiles.Profiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Profiles: a name for a provider, its base URL, the agent and caller id to use, the hosts its key "
                + "may be sent to and a colour, kept in profiles.json in the data folder. Never a key: keys come from "
                + "the environment (which wins) or the keychain. 'Demo' is built in. Use one with --profile NAME on the "
                + "window, send, watch and chat.",
                "Exit codes: 0 done, 2 bad input (nothing changed)."},
        subcommands = {ProfileCommand.ListProfiles.class, ProfileAddCommand.class, ProfileEditCommand.class,
                ProfileCommand.Remove.class, ProfileCommand.Export.class, ProfileCommand.Import.class})
final class ProfileCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    /** {@code profile --data-dir DIR list} too. */
    @Mixin
    DataFolderOption data;

    @Override
    public Integer call() {
        throw new InvalidInputException("say what to do: profile list, add, edit, remove, export or import (see '"
                + Invocation.command() + " profile --help')");
    }

    CliContext context() {
        return root.context();
    }

    /** The folder's profiles; what went wrong reading them is said on stderr. */
    Profiles profiles(DataFolderOption own) {
        Profiles profiles = Profiles.load(folder(own));
        profiles.notice().ifPresent(n -> context().err().println("profiles: " + n));
        return profiles;
    }

    /** Where the folder's profiles' keys come from (the environment, the keychain). */
    ProfileKeys keys(DataFolderOption own) {
        try (Services services = new Services(context().environment(), Optional.of(folder(own)))) {
            return services.profileKeys();
        }
    }

    /** The subcommand's --data-dir, else this command's, else the one before it, else the OS's data folder. */
    private Path folder(DataFolderOption own) {
        return own.dataDir != null ? own.dataDir : data.folder(root);
    }

    static Profile require(Profiles profiles, String name) {
        return profiles.find(name.strip()).orElseThrow(() -> TargetOptions.unknownProfile(name));
    }

    /** "hcompany https://agp.eu.hcompany.ai, hosts agp.eu.hcompany.ai, colour blue, key: env HAI_API_KEY". */
    static String summary(Profile p, ProfileKeys keys) {
        return p.provider().cliName() + " " + p.baseUrl() + p.agent().map(a -> ", agent " + a).orElse("")
                + p.callerId().map(c -> ", caller id " + c).orElse("") + ", hosts " + String.join(" ", p.hosts())
                + ", colour " + p.colour().id() + ", key: " + keys.originOf(p).label();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = {"Lists the profiles: name, provider, base URL, "
            + "hosts, colour, and where the key comes from (env VARIABLE, keychain, or missing)."})
    static final class ListProfiles implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;

        @Mixin
        DataFolderOption data;

        @Override
        public Integer call() {
            Profiles profiles = parent.profiles(data);
            ProfileKeys keys = parent.keys(data);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("NAME", "PROVIDER", "BASE URL", "HOSTS", "COLOUR", "KEY"));
            for (Profile p : profiles.all()) {
                rows.add(List.of(p.name(), p.provider().cliName(), p.isDemo() ? "(the embedded emulator)" : p.baseUrl(),
                        p.isDemo() ? "-" : String.join(",", p.hosts()), p.colour().id(), keys.originOf(p).label()));
            }
            int[] widths = new int[rows.get(0).size()];
            rows.forEach(r -> {
                for (int i = 0; i < r.size(); i++) {
                    widths[i] = Math.max(widths[i], r.get(i).codePointCount(0, r.get(i).length()));
                }
            });
            for (List<String> r : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < r.size(); i++) {
                    String cell = r.get(i);
                    line.append(cell);
                    if (i < r.size() - 1) {
                        line.append(" ".repeat(widths[i] - cell.codePointCount(0, cell.length()) + 2));
                    }
                }
                parent.context().out().println(line);
            }
            parent.context().out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = {"Removes a profile (the built-in Demo stays)."})
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;

        @Mixin
        DataFolderOption data;

        @Parameters(index = "0", paramLabel = "NAME", description = "The profile's name (any case).")
        String name;

        @Override
        public Integer call() {
            Profiles profiles = parent.profiles(data);
            Profile p = require(profiles, name);
            profiles.remove(p.name());
            parent.context().out().println("removed profile '" + p.name() + "'");
            parent.context().out().flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = {"Writes the profiles as JSON (never a key; "
            + "the built-in Demo is not among them), for 'profile import' elsewhere."})
    static final class Export implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;

        @Mixin
        DataFolderOption data;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "Where to write it (replaced if it "
                + "exists); '-' or nothing: standard output.")
        String file = "-";

        @Override
        public Integer call() {
            Profiles profiles = parent.profiles(data);
            String json = profiles.exportJson();
            int n = profiles.all().size() - 1;
            String count = n + (n == 1 ? " profile" : " profiles");
            if (file.equals("-")) {
                parent.context().out().print(json);
                parent.context().out().flush();
                parent.context().err().println("exported " + count + " (no keys)");
                return ExitCodes.OK;
            }
            Path out = Path.of(file);
            if (Files.isDirectory(out)) {
                throw new InvalidInputException(file + " is a folder: name the file to write");
            }
            Path temp = out.toAbsolutePath().resolveSibling(out.getFileName() + ".tmp");
            try {
                Files.writeString(temp, json, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new InvalidInputException("could not write " + out + ": " + e.getMessage());
            } finally {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // only a leftover: what was asked for is written or refused already
                }
            }
            parent.context().err().println("exported " + count + " to " + out + " (no keys)");
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = {"Adds the profiles of an export: all of them "
            + "or none (the first problem is named). A name that exists already stops the import, unless --replace."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        ProfileCommand parent;

        @Mixin
        DataFolderOption data;

        @Parameters(index = "0", paramLabel = "FILE|-", description = "An export; '-' reads standard input.")
        String file;

        @Option(names = "--replace", description = "Replace the profiles whose names exist already (in their place).")
        boolean replace;

        @Override
        public Integer call() {
            String json = StrictUtf8.decode(read(), file.equals("-") ? "standard input" : file);
            Profiles profiles = parent.profiles(data);
            Profiles.Imported done = profiles.importJson(json, replace);
            if (!done.done()) {
                throw new InvalidInputException("nothing was imported: " + quoted(done.existing()) + (done.existing().size() == 1
                        ? " exists" : " exist") + " already; add --replace to replace "
                        + (done.existing().size() == 1 ? "it" : "them") + ", or rename in the file");
            }
            int n = done.added().size() + done.replaced().size();
            parent.context().out().println("imported " + n + (n == 1 ? " profile" : " profiles")
                    + (done.added().isEmpty() ? "" : "; added " + quoted(done.added()))
                    + (done.replaced().isEmpty() ? "" : "; replaced " + quoted(done.replaced())));
            parent.context().out().flush();
            return ExitCodes.OK;
        }

        private byte[] read() {
            int limit = Profiles.MAX_CHARS * 4;
            try {
                if (file.equals("-")) {
                    return limited(parent.context().in(), limit, "standard input");
                }
                Path path = Path.of(file);
                if (!Files.exists(path)) {
                    throw new InvalidInputException(file + " does not exist");
                }
                if (!Files.isRegularFile(path)) {
                    throw new InvalidInputException(file + " is not a regular file: give an export written by 'profile export'");
                }
                try (InputStream in = Files.newInputStream(path)) {
                    return limited(in, limit, file);
                }
            } catch (IOException e) {
                throw new InvalidInputException(file + " cannot be read: " + e.getMessage());
            }
        }

        private static byte[] limited(InputStream in, int limit, String what) throws IOException {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new InvalidInputException(what + " is over " + limit + " bytes: far more than any list of profiles");
            }
            return bytes;
        }

        private static String quoted(List<String> names) {
            return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
        }
    }
}
