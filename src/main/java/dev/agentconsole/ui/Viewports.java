package dev.agentconsole.ui;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;

/**
 * JavaFX's ScrollPane skin keeps a bitmap of its viewport ({@code cache} set on it) to scroll by moving
 * pixels. For a composer that changes at every key it buys nothing, and each bitmap stays with the node:
 * on the software renderer, two of them held 1.2 MiB of heap for every open session, shown or not.
 */
public final class Viewports {

    private Viewports() {}

    /** The viewports of {@code control} (a ScrollPane, or a control whose skin holds one, such as a TextArea) are never cached. */
    public static void neverCached(Control control) {
        control.skinProperty().addListener((o, was, skin) -> uncache(control));
        uncache(control);
    }

    private static void uncache(Control control) {
        if (control.getSkin() == null) {
            return; // not skinned yet: the listener comes back
        }
        for (Node n : control.lookupAll(".scroll-pane")) {
            if (n instanceof ScrollPane pane && pane != control) {
                neverCached(pane); // a skin's own scroll pane (a TextArea's) is skinned later
            }
        }
        control.lookupAll(".viewport").forEach(v -> v.setCache(false));
    }
}
