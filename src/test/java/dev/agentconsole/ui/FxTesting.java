package dev.agentconsole.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import org.testfx.util.WaitForAsyncUtils;

/** What the TestFX tests share: reading on the FX thread, waiting for a condition there, "on screen". */
public final class FxTesting {

    private FxTesting() {}

    /** Runs {@code read} on the FX thread and returns its result (10 s at most). */
    public static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Waits up to 15 s for {@code condition}, evaluated on the FX thread. */
    public static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    /** The list hides spare cells, and a cell hides the trees of the row kinds it is not showing. */
    public static boolean shownWithAllItsParents(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
