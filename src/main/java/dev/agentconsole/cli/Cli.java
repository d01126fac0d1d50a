package dev.agentconsole.cli;

import dev.agentconsole.agent.AgentException;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.app.Services;
import dev.agentconsole.app.keys.KeyStoreException;
import dev.agentconsole.app.instance.SingleInstance;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;

/** Runs the command line: parses, dispatches, and turns every failure into a message and an exit code. */
public final class Cli {

    private Cli() {}

    public static CliContext systemContext() {
        return new CliContext(System.getenv(),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), System.in);
    }

    /**
     * The command line of this process. Where the system shows the arguments as bytes (Linux), they
     * are decoded strictly, so broken UTF-8 is refused with its offset instead of arriving as U+FFFD.
     */
    public static int runProcess(String[] args) {
        CliContext context = systemContext();
        return RawArguments.ofThisProcess(args).map(raw -> run(raw, context)).orElseGet(() -> run(args, context));
    }

    /** Arguments as bytes, decoded strictly first. */
    public static int run(List<byte[]> argv, CliContext given) {
        String[] args;
        try {
            args = RawArguments.decode(argv);
        } catch (InvalidInputException e) {
            PrintWriter err = given.terminalSafe().err();
            err.println(prefixFor(ExitCodes.BAD_INPUT) + e.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        return run(args, given);
    }

    public static int run(String[] args, CliContext given) {
        CliContext context = given.terminalSafe();
        CommandLine cli = new CommandLine(new RootCommand(context));
        subcommandsFor(args).forEach(cli::addSubcommand);
        // "@FILE" is text to send, never a file of arguments to read (it could be /proc/self/environ).
        cli.setExpandAtFiles(false);
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = exitCodeFor(e);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            context.err().println(prefixFor(code) + message);
            if (code == ExitCodes.INTERNAL) {
                e.printStackTrace(context.err());
            }
            context.err().flush();
            return code;
        });
        // a usage error is one line that says what is wrong, and where the whole usage is (not 25 lines of it)
        cli.setParameterExceptionHandler((e, ignored) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println(prefixFor(ExitCodes.BAD_INPUT) + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("See '" + Invocation.command() + " " + commandPath(e.getCommandLine()) + "--help'.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        return cli.execute(args);
    }

    /** "send " for the send command, "profile add " for a command within one, "" for the root. */
    private static String commandPath(CommandLine command) {
        return command.getParent() == null ? "" : commandPath(command.getParent()) + command.getCommandName() + " ";
    }

    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("send", SendCommand.class);
        SUBCOMMANDS.put("watch", WatchCommand.class);
        SUBCOMMANDS.put("chat", ChatCommand.class);
        SUBCOMMANDS.put("emulator", EmulatorCommand.class);
        SUBCOMMANDS.put("search", SearchCommand.class);
        SUBCOMMANDS.put("export", ExportCommand.class);
        SUBCOMMANDS.put("profile", ProfileCommand.class);
        SUBCOMMANDS.put("key", KeyCommand.class);
    }

    /**
     * The subcommands this command line can need. picocli reads every registered command's
     * annotations up front (about 200 ms for all four), so opening the window, the common case,
     * registers none; anything that may name or list a command gets them all, so help, typo
     * suggestions and errors stay the same.
     */
    static Map<String, Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0])) {
            return Map.of(args[0], SUBCOMMANDS.get(args[0]));
        }
        return windowOptionsOnly(args) ? Map.of() : SUBCOMMANDS;
    }

    /** {@code --name=value} options and {@code --smoke} only: the window, unless an option is wrong. */
    private static boolean windowOptionsOnly(String[] args) {
        return Arrays.stream(args).allMatch(a -> a.equals("--smoke") || (a.startsWith("--") && a.contains("=")));
    }

    /**
     * This command line opens the window on a Linux display, so the toolkit may start while it is
     * parsed (measured on Linux only; macOS wants its toolkit started as JavaFX's launcher does).
     */
    public static boolean opensWindow(String[] args, Map<String, String> environment) {
        return System.getProperty("os.name", "").startsWith("Linux") && windowOptionsOnly(args)
                && RootCommand.hasDisplay(environment);
    }

    /**
     * Another console already holds the data folder this window command line names: the launch
     * will hand its session over and end, so the toolkit is not started early for nothing. A look
     * at the folder's lock only; the claim itself comes after parsing.
     */
    public static boolean anotherConsoleHolds(String[] args) {
        String dataDir = null;
        for (String a : args) { // a plain loop: this runs before the toolkit starts, every millisecond counts
            if (a.startsWith("--smoke")) {
                return false; // a smoke run takes no part in handing over
            }
            if (a.startsWith(DATA_DIR)) {
                dataDir = a.substring(DATA_DIR.length());
            }
        }
        try {
            return SingleInstance.isClaimed(dataDir == null ? Services.standardDataDir() : Path.of(dataDir));
        } catch (RuntimeException e) {
            return false; // parsing says what is wrong with it
        }
    }

    private static final String DATA_DIR = "--data-dir=";

    static int exitCodeFor(Exception e) {
        if (e instanceof AgentException agent) {
            return ExitCodes.of(agent.error());
        }
        if (e instanceof KeyStoreException) {
            return ExitCodes.NO_KEYCHAIN;
        }
        if (e instanceof IllegalArgumentException) {
            return ExitCodes.BAD_INPUT; // InvalidInputException and every other refused input
        }
        if (e instanceof CancellationException || e instanceof InterruptedException) {
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.INTERNAL;
    }

    private static String prefixFor(int code) {
        return switch (code) {
            case ExitCodes.BAD_INPUT -> "bad input: ";
            case ExitCodes.REFUSED -> "refused: ";
            case ExitCodes.NETWORK -> "no answer: ";
            case ExitCodes.NO_KEYCHAIN -> "keychain: ";
            default -> "error: ";
        };
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"agent-console " + (v == null ? "(development build)" : v),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
