package dev.agentconsole.cli;

import dev.agentconsole.corpus.Expected;
import java.util.List;
import java.util.function.Consumer;

/**
 * One way a server can answer, and what {@code send} or {@code watch} must make of it. The server
 * is the emulator with {@code --fault} specs (exactly as the option takes them) against a fresh H
 * session that waits for the operator and a fresh AGI one that finished, or a scripted H server.
 *
 * @param command {@code send ...} or {@code watch ...}; the target's options go after the first word
 */
public record ServerRow(String name, Server server, String command, Expected expected) {

    /** Who answers. */
    public sealed interface Server {
        /** The emulator, misbehaving as these {@code --fault} specs say, for this provider's session. */
        record Emulated(boolean agi, List<String> faults) implements Server {}

        /** An H server that says what the script makes it say. */
        record Scripted(Consumer<FakeH> script) implements Server {}
    }

    /** The same, with the exact texts that must arrive once. */
    ServerRow arriving(String... texts) {
        return new ServerRow(name, server, command, expected.arriving(texts));
    }

    @Override
    public String toString() {
        return name;
    }
}
