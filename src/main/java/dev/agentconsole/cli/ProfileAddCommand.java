package dev.agentconsole.cli;

import dev.agentconsole.app.profiles.Profile;
import dev.agentconsole.app.profiles.Profiles;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Adds a profile. Its key is not given here: it comes from the environment (HAI_API_KEY, else "
                + "H_API_KEY; AGI_API_KEY) or the keychain.",
                "Exit codes: 0 added, 2 bad input (nothing changed)."})
final class ProfileAddCommand implements Callable<Integer> {

    @ParentCommand
    ProfileCommand parent;

    @Mixin
    DataFolderOption data;

    @Mixin
    ProfileFields fields;

    @Parameters(index = "0", paramLabel = "NAME", description = "1 to 40 letters, digits, spaces, - _ . (names are told "
            + "apart whatever their case; 'Demo' is the built-in one).")
    String name;

    @Override
    public Integer call() {
        Profile profile = fields.create(name);
        Profiles profiles = parent.profiles(data);
        profiles.add(profile);
        parent.context().out().println("added profile '" + profile.name() + "': "
                + ProfileCommand.summary(profile, parent.keys(data)));
        parent.context().out().flush();
        return ExitCodes.OK;
    }
}
