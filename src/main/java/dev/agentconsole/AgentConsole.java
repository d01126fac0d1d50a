package dev.agentconsole;

import dev.agentconsole.app.ConsoleApp;
import dev.agentconsole.cli.Cli;

/** Entry point: the window or a CLI command. */
public final class AgentConsole {

    private AgentConsole() {}

    public static void main(String[] args) {
        if (Cli.opensWindow(args, System.getenv())) {
            ConsoleApp.startToolkitEarly();
        }
        int code = Cli.runProcess(args);
        System.exit(code);
    }
}
