package dev.agentconsole.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data-dir} on a command that reads the data folder's profiles (also accepted before the command). */
final class DataFolderOption {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data folder whose profiles.json is read "
            + "(default: the window's; also accepted before the command).")
    Path dataDir;

    /** This option's folder, else the one given before the command, else the OS's data folder. */
    Path folder(RootCommand root) {
        return StoredSessions.folder(dataDir, root);
    }
}
