package dev.agentconsole.store;

import dev.agentconsole.agent.Outgoing;
import java.util.Optional;

/**
 * One outgoing message as the outbox keeps it.
 *
 * @param state      the delivery state's name (the session layer owns the enum)
 * @param cause      why it failed or is uncertain, as the operator read it
 * @param sentAfter  the reader's position when it was first sent: its echo can only come later
 */
public record OutboxRow(long id, SessionKey session, Outgoing outgoing, String state, Optional<String> cause,
                        int attempts, long sentAfter) {}
