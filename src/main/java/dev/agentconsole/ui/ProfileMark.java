package dev.agentconsole.ui;

import javafx.scene.control.Label;
import javafx.scene.shape.Circle;

/** A profile's colour as the window shows it: a dot in the picker, a chip beside a session. */
public final class ProfileMark {

    private ProfileMark() {}

    /** A small dot in the profile's colour ("blue", "red", ...). */
    public static Circle dot(String colour) {
        Circle c = new Circle(5);
        c.getStyleClass().addAll("profile-dot", "profile-" + colour);
        return c;
    }

    /** Sets a chip to a profile: its name, in its colour; hidden without one. */
    public static void chip(Label chip, String name, String colour) {
        chip.setText(name);
        chip.getStyleClass().removeIf(c -> c.startsWith("profile-") && !c.equals("profile-chip"));
        if (!colour.isEmpty()) {
            chip.getStyleClass().add("profile-" + colour);
        }
        chip.setVisible(!name.isEmpty());
        chip.setManaged(!name.isEmpty());
    }
}
