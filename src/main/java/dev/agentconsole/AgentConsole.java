package dev.agentconsole;

import dev.agentconsole.cli.Cli;

/** Entry point: the window (for now a terminal conversation) or a CLI command. */
public final class AgentConsole {

    private AgentConsole() {}

    public static void main(String[] args) {
        int code = Cli.run(args, Cli.systemContext());
        System.exit(code);
    }
}
