package dev.agentconsole.ui.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentconsole.agent.AgentStatus;
import dev.agentconsole.agent.Provider;
import org.junit.jupiter.api.Test;

/** What the window asks before Stop and before a send that would restart a session, on each provider. */
class SendGuardTest {

    @Test
    void stopSaysWhatItDoesOnEachProviderAndTheNextSendAgrees() {
        Confirmation h = SendGuard.beforeStop(Provider.HCOMPANY, () -> { });
        assertTrue(h.message().contains("interrupted") && h.message().contains("restarts it"), h.message());
        assertFalse(h.message().contains("cannot be resumed"), h.message());
        Confirmation next = SendGuard.beforeSend(Provider.HCOMPANY, AgentStatus.INTERRUPTED,
                new SendGuard.SendActions(() -> { }, () -> { }, () -> { }, () -> { })).orElseThrow();
        assertEquals("Send and restart", next.choices().get(0).label());
        assertTrue(next.message().contains("restarts it"), next.message());

        Confirmation agi = SendGuard.beforeStop(Provider.AGI, () -> { });
        assertTrue(agi.message().contains("task is cancelled") && agi.message().contains("next message"), agi.message());
    }
}
