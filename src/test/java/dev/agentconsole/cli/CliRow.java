package dev.agentconsole.cli;

import dev.agentconsole.corpus.Expected;
import dev.agentconsole.corpus.Sent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One command line of the corpus, written as typed in a shell: words split on spaces, 'single' or
 * "double" quotes keep spaces, {@code \xNN} is that raw byte (such a line goes in as bytes, as
 * Linux hands arguments over). Placeholders: {@code {H}} and {@code {AGI}} are
 * {@code --provider P --base-url URL --session ID} for the row's own fresh session on the emulator,
 * {@code {url}}, {@code {hid}}, {@code {agiid}}, {@code {dir}} (the folder of prepared files) and
 * {@code {x*N}} (N times x) stand for what they say.
 *
 * @param env   changes to the environment (which holds both keys): a null value removes the variable
 * @param stdin what standard input holds, with {@code \xNN} for raw bytes
 */
public record CliRow(String name, String command, Map<String, String> env, Optional<String> stdin, Expected expected) {

    /** Refused: exit 2, the words that name the problem, and nothing reaches the server. */
    static CliRow bad(String name, String command, String says) {
        return new CliRow(name, command, Map.of(), Optional.empty(), Expected.exit(ExitCodes.BAD_INPUT, says, Sent.NOTHING));
    }

    /** Taken: exit 0 and the message arrives once, as {@code arrives}. */
    static CliRow sends(String name, String command, String says, String... arrives) {
        return new CliRow(name, command, Map.of(), Optional.empty(), Expected.exit(ExitCodes.OK, says, Sent.ONCE).arriving(arrives));
    }

    /** Exit 0 and nothing sent (the window opened, say). */
    static CliRow quiet(String name, String command, String says) {
        return new CliRow(name, command, Map.of(), Optional.empty(), Expected.exit(ExitCodes.OK, says, Sent.NOTHING));
    }

    CliRow with(String variable, String value) {
        Map<String, String> changed = new HashMap<>(env);
        changed.put(variable, value);
        return new CliRow(name, command, changed, stdin, expected);
    }

    CliRow withoutKeys() {
        return with("HAI_API_KEY", null).with("AGI_API_KEY", null);
    }

    CliRow input(String text) {
        return new CliRow(name, command, env, Optional.of(text), expected);
    }

    @Override
    public String toString() {
        return name;
    }
}
