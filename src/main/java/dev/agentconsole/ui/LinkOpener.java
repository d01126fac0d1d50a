package dev.agentconsole.ui;

import java.util.function.Consumer;

/**
 * Opens a link (a live view, the data folder) in the operator's browser or file manager. It may
 * fail (no browser on this machine, a headless session): then {@code whenNot} hears why, on any
 * thread, and the window shows the address with Copy instead of doing nothing.
 */
@FunctionalInterface
public interface LinkOpener {

    void open(String url, Consumer<String> whenNot);
}
