package dev.agentconsole.ui.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view's model gets the FX thread only once the view is in the window, and nothing it asked for is lost or reordered. */
class HeldUntilShownTest {

    final List<String> ran = new ArrayList<>();
    final List<Runnable> postedToFx = new ArrayList<>();
    final StagedWindow.HeldUntilShown ui = new StagedWindow.HeldUntilShown(postedToFx::add);

    @Test
    void workBeforeTheViewIsShownWaitsThenRunsInOrder() {
        ui.execute(() -> ran.add("recent sessions"));
        ui.execute(() -> ran.add("draft"));
        assertEquals(List.of(), ran, "nothing touches the view while it is styled off the FX thread");
        assertEquals(List.of(), postedToFx);

        ui.open();
        assertEquals(List.of("recent sessions", "draft"), ran);
    }

    @Test
    void workAfterTheViewIsShownGoesStraightToTheFxThread() {
        ui.execute(() -> ran.add("held"));
        ui.open();
        ui.execute(() -> ran.add("later"));
        assertEquals(List.of("held"), ran, "posted, not run in the caller's thread");
        assertEquals(1, postedToFx.size());
        postedToFx.get(0).run();
        assertEquals(List.of("held", "later"), ran);
    }
}
