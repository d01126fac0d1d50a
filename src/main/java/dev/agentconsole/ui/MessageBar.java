package dev.agentconsole.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;

/** A bar across the window: an icon and a wrapping message, one button; shown while there is a message. */
public final class MessageBar {

    private MessageBar() {}

    public static HBox of(String id, Feather icon, ObservableStringValue text, Button action, String styleClass) {
        Label message = new Label("", Icons.of(icon));
        message.setId(id);
        message.setWrapText(true);
        message.textProperty().bind(text);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox bar = new HBox(8, message, action);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(styleClass);
        bar.visibleProperty().bind(message.textProperty().isNotEmpty());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }
}
