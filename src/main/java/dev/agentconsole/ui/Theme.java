package dev.agentconsole.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** AtlantaFX Primer, light or dark, switched for the whole application. */
public final class Theme {

    private final BooleanProperty dark = new SimpleBooleanProperty(false);

    public Theme() {
        dark.addListener((o, was, now) -> apply());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void apply() {
        Application.setUserAgentStylesheet(dark.get() ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
