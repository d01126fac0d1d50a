package dev.agentconsole.ui;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons as nodes that take the text colour of their control. */
public final class Icons {
    private Icons() {}

    public static FontIcon of(Feather icon) {
        return new FontIcon(icon);
    }
}
