package dev.agentconsole.ui.about;

import dev.agentconsole.ui.AppIcon;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.LinkFallback;
import dev.agentconsole.ui.LinkOpener;
import dev.agentconsole.ui.Styles;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;

/**
 * The About dialog: version, Java and JavaFX, the data folder (selectable, and a button that opens
 * it), and "Copy details" for bug reports. Not modal to the session: the agent goes on meanwhile.
 */
public final class AboutDialog extends Dialog<Void> {

    static final ButtonType COPY = new ButtonType("Copy details", ButtonBar.ButtonData.LEFT);
    static final ButtonType OPEN_FOLDER = new ButtonType("Open data folder", ButtonBar.ButtonData.HELP_2);

    public AboutDialog(Window owner, About about, LinkOpener openDocument) {
        initOwner(owner);
        setTitle("About Agent Console");
        getDialogPane().setId("aboutDialog");
        getDialogPane().getStyleClass().add(Styles.ABOUT);
        getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());

        ImageView icon = new ImageView(AppIcon.ofSize(64));
        Label name = new Label("Agent Console");
        name.getStyleClass().add("title-3");
        Label tagline = new Label("Watch and steer live web agents: H Agent Platform v2 and AGI Inc v1.");
        tagline.getStyleClass().add(Styles.CAPTION);
        HBox heading = new HBox(16, icon, new VBox(4, name, tagline));

        GridPane facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        row(facts, 0, "Version", "aboutVersion", about.version());
        row(facts, 1, "Java", "aboutJava", about.java());
        row(facts, 2, "JavaFX", "aboutJavaFx", about.javaFx());
        row(facts, 3, "System", "aboutOs", about.os());
        row(facts, 4, "Class-data sharing", "aboutCds", about.classDataSharing());
        row(facts, 5, "Data folder", "aboutDataFolder", about.dataFolder().toAbsolutePath().toString());

        VBox content = new VBox(18, heading, facts);
        content.setPadding(new Insets(8, 4, 0, 4));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(COPY, OPEN_FOLDER, ButtonType.CLOSE);
        // The window is sized before the theme's CSS reaches the pane, which clipped the buttons: size again once shown.
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        setOnShown(e -> getDialogPane().getScene().getWindow().sizeToScene());

        // Both extra buttons act and keep the dialog open.
        Button copy = (Button) getDialogPane().lookupButton(COPY);
        copy.setId("aboutCopy");
        copy.setGraphic(Icons.of(Feather.COPY));
        copy.addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent text = new ClipboardContent();
            text.putString(about.asText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(text);
            copy.setText("Copied");
            e.consume();
        });
        Button open = (Button) getDialogPane().lookupButton(OPEN_FOLDER);
        open.setId("aboutOpenFolder");
        open.setGraphic(Icons.of(Feather.FOLDER));
        open.addEventFilter(ActionEvent.ACTION, e -> {
            LinkFallback.open(openDocument, about.dataFolder().toAbsolutePath().toUri().toString(), open, "The data folder");
            e.consume();
        });
        getDialogPane().lookupButton(ButtonType.CLOSE).setId("aboutClose");
        ButtonBar.setButtonUniformSize(copy, false); // uniform widths cut "Open data folder" short
        ButtonBar.setButtonUniformSize(open, false);
    }

    /** A label and a read-only, selectable value: paths and versions get copied by hand too. */
    private static void row(GridPane grid, int row, String label, String id, String value) {
        Label key = new Label(label);
        key.getStyleClass().add(Styles.CAPTION);
        key.setMinWidth(Region.USE_PREF_SIZE);
        TextField text = new TextField(value);
        text.setId(id);
        text.setEditable(false);
        text.setFocusTraversable(false);
        text.getStyleClass().add(Styles.ABOUT_VALUE);
        text.setPrefColumnCount(Math.max(24, Math.min(60, value.length())));
        text.setAccessibleText(label + ": " + value);
        key.setLabelFor(text);
        grid.addRow(row, key, text);
    }
}
