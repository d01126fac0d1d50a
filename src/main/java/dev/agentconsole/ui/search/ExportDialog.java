package dev.agentconsole.ui.search;

import dev.agentconsole.store.export.Export;
import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Ctrl+Shift+E: the format, "hide ids and hosts", and Save… (a file chooser); the status below. */
final class ExportDialog {

    private final Stage stage = new Stage();

    ExportDialog(Window owner, ExportViewModel vm) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Export this session");
        ToggleGroup formats = new ToggleGroup();
        RadioButton html = radio("exportHtml", "HTML replay: one file, screenshots inline, a timeline to play", formats,
                Export.Format.HTML, vm);
        RadioButton md = radio("exportMarkdown", "Markdown: to read", formats, Export.Format.MARKDOWN, vm);
        RadioButton json = radio("exportJson", "JSON: every stored event and delivery, losing nothing", formats,
                Export.Format.JSON, vm);
        html.setSelected(true);
        CheckBox hide = new CheckBox("Hide the session id and the server's host");
        hide.setId("exportHideIds");
        hide.selectedProperty().bindBidirectional(vm.hideIdsProperty());
        Button save = new Button("Save…");
        save.setId("exportSave");
        save.setDefaultButton(true);
        save.setTooltip(new Tooltip("Choose where to save it"));
        save.disableProperty().bind(vm.busyProperty());
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export this session");
            chooser.setInitialFileName(vm.suggestedName());
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                vm.save(file.toPath());
            }
        });
        VBox root = new VBox(10, html, md, json, hide, save, status);
        root.setPadding(new Insets(14));
        Scene scene = new Scene(root, 460, 260);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        stage.setScene(scene);
    }

    private static RadioButton radio(String id, String text, ToggleGroup group, Export.Format format, ExportViewModel vm) {
        RadioButton b = new RadioButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                vm.formatProperty().set(format);
            }
        });
        return b;
    }

    void show() {
        stage.show();
        stage.toFront();
    }
}
