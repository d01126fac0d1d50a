package dev.agentconsole.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.EventQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * What can be tried here of the tray (the tests run headless, and Linux is not its platform):
 * where there is no tray it shows nothing, throws nothing, and closes quietly. Showing and
 * clicking on Windows and macOS are unverified.
 */
class TrayNotifierTest {

    @Test
    void withoutATrayShowIsQuietAndNothingIsClicked() throws Exception {
        List<String> clicked = new CopyOnWriteArrayList<>();
        TrayNotifier notifier = new TrayNotifier();
        notifier.onClicked(clicked::add);

        notifier.show("session-1", "An agent is waiting for you", "Hotel booking asks which one");
        notifier.show("session-2", "An agent is waiting for you", "<b>markup</b> & more");
        notifier.withdraw("session-1");
        EventQueue.invokeAndWait(() -> { });
        notifier.close();
        EventQueue.invokeAndWait(() -> { });

        assertEquals(List.of(), clicked);
    }
}
