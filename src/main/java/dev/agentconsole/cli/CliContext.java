package dev.agentconsole.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/** What a command may touch of the outside world; tests hand in their own. {@code in} is bytes: text from it is decoded strictly. */
public record CliContext(Map<String, String> environment, PrintWriter out, PrintWriter err, InputStream in) {

    /** The same, with control characters in everything printed shown escaped (words from servers end up there). */
    CliContext terminalSafe() {
        return new CliContext(environment, TerminalText.safe(out), TerminalText.safe(err), in);
    }
}
