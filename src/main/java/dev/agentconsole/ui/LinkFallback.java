package dev.agentconsole.ui;

import atlantafx.base.controls.Popover;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * What the window shows when a link could not be opened: why, the address (selectable) and Copy,
 * in a popover at the button that tried. Never a silent nothing.
 */
public final class LinkFallback {

    private LinkFallback() {}

    /** Opens {@code url} with {@code opener}; if that fails, the popover appears at {@code anchor}. */
    public static void open(LinkOpener opener, String url, Node anchor, String what) {
        opener.open(url, why -> Platform.runLater(() -> show(anchor, url, what, why)));
    }

    /** The popover itself (on the FX thread). */
    public static Popover show(Node anchor, String url, String what, String why) {
        Label message = new Label(what + " could not be opened here (" + why + "). Open this address yourself:");
        message.setWrapText(true);
        message.setMaxWidth(460);
        TextField address = new TextField(url);
        address.setId("linkFallbackUrl");
        address.setEditable(false);
        address.setPrefColumnCount(36);
        address.setAccessibleText("The address to open");
        HBox.setHgrow(address, Priority.ALWAYS);
        Button copy = new Button("Copy", Icons.of(Feather.COPY));
        copy.setId("linkFallbackCopy");
        copy.setTooltip(new Tooltip("Copy the address, to paste it into a browser"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(url);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText("Copied");
        });
        HBox row = new HBox(8, address, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, message, row);
        box.setId("linkFallback");
        Popover popover = new Popover(box);
        popover.setTitle("No browser");
        popover.setHeaderAlwaysVisible(true);
        popover.setArrowLocation(Popover.ArrowLocation.TOP_RIGHT);
        if (anchor.getScene() != null && anchor.getScene().getWindow() != null && anchor.getScene().getWindow().isShowing()) {
            popover.show(anchor);
            address.selectAll();
            address.requestFocus();
        }
        return popover;
    }
}
