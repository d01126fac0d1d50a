package dev.agentconsole.ui.session;

import java.util.List;

/** A question the window asks inline before an action with consequences; the operator picks a choice. */
public record Confirmation(String message, List<Choice> choices) {

    public Confirmation {
        choices = List.copyOf(choices);
    }

    /** One answer; {@code primary} marks the default, {@code action} is null for "cancel". */
    public record Choice(String label, boolean primary, Runnable action) {}
}
