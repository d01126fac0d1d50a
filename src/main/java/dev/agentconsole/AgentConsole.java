package dev.agentconsole;

import dev.agentconsole.app.ConsoleApp;
import dev.agentconsole.cli.Cli;

/** Entry point: the window or a CLI command. */
public final class AgentConsole {

    private AgentConsole() {}

    public static void main(String[] args) {
        // a launch that will hand its session to a running console starts no toolkit to throw away
        if (Cli.opensWindow(args, System.getenv()) && !Cli.anotherConsoleHolds(args)) {
            ConsoleApp.startToolkitEarly();
        }
        int code = Cli.runProcess(args);
        System.exit(code);
    }
}
