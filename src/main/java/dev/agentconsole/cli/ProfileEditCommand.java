package dev.agentconsole.cli;

import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.app.profiles.Profile;
import dev.agentconsole.app.profiles.Profiles;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "edit", mixinStandardHelpOptions = true,
        description = {"Changes a profile: only what is given. --host replaces the list; --agent '' and --caller-id '' "
                + "clear them. A new provider brings its default base URL and colour when the old ones were defaults; "
                + "a new base URL brings its host when the hosts were the old base URL's alone.",
                "Exit codes: 0 changed, 2 bad input (nothing changed)."})
final class ProfileEditCommand implements Callable<Integer> {

    @ParentCommand
    ProfileCommand parent;

    @Mixin
    DataFolderOption data;

    @Mixin
    ProfileFields fields;

    @Parameters(index = "0", paramLabel = "NAME", description = "The profile to change (any case).")
    String name;

    @Option(names = "--rename", paramLabel = "NEW", description = "Its new name.")
    String rename;

    @Override
    public Integer call() {
        fields.refuseKey();
        if (!fields.any() && rename == null) {
            throw new InvalidInputException("nothing to change: give what to change (--base-url, --host, --agent, "
                    + "--caller-id, --colour, --provider, --rename)");
        }
        Profiles profiles = parent.profiles(data);
        Profile old = ProfileCommand.require(profiles, name);
        if (old.isDemo()) {
            throw new InvalidInputException("the built-in Demo profile cannot be changed: add a profile of your own");
        }
        Profile changed = fields.change(old, Optional.ofNullable(rename));
        profiles.replace(old.name(), changed);
        parent.context().out().println((changed.name().equals(old.name()) ? "changed profile '" + old.name() + "'"
                : "changed profile '" + old.name() + "', now '" + changed.name() + "'") + ": "
                + ProfileCommand.summary(changed, parent.keys(data)));
        parent.context().out().flush();
        return ExitCodes.OK;
    }
}
