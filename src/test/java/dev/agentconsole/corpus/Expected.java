package dev.agentconsole.corpus;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome a corpus row demands: the CLI's exit code (empty where there is none, as in the
 * window, which shows its error instead), words that name the problem (or, for an input that is
 * taken, what was done), and what the server holds afterwards.
 *
 * @param arrives for {@link Sent#ONCE}: the texts that must have arrived, in order (empty: any one message)
 */
public record Expected(OptionalInt exit, String says, Sent sent, List<String> arrives) {

    public Expected {
        arrives = List.copyOf(arrives);
    }

    /** A CLI outcome. */
    public static Expected exit(int code, String says, Sent sent) {
        return new Expected(OptionalInt.of(code), says, sent, List.of());
    }

    /** A window outcome: no exit code, {@code says} is what the operator sees. */
    public static Expected shows(String says, Sent sent) {
        return new Expected(OptionalInt.empty(), says, sent, List.of());
    }

    /** With the exact texts that must arrive (once). */
    public Expected arriving(String... texts) {
        return new Expected(exit, says, Sent.ONCE, List.of(texts));
    }

    public Optional<String> describeExit() {
        return exit.isPresent() ? Optional.of("exit " + exit.getAsInt()) : Optional.empty();
    }
}
