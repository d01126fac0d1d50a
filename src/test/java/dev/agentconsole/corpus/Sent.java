package dev.agentconsole.corpus;

/** What the server must hold after a corpus row: its one promise about messages. */
public enum Sent {
    /** No message reached the server (a refused input, a read, a send the server turned down). */
    NOTHING,
    /** The message (or the one batch) arrived exactly once: never lost silently, never doubled. */
    ONCE
}
