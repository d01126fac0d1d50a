package dev.agentconsole.ui.search;

import dev.agentconsole.ui.Icons;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;

/** The find bar above the transcript: the words, "3 of 41", previous, next, close. */
public final class FindBarView extends HBox {

    private final TextField field = new TextField();

    public FindBarView(FindBarViewModel vm) {
        super(6);
        setId("findBar");
        getStyleClass().add("find-bar");
        setAlignment(Pos.CENTER_LEFT);
        field.setId("findField");
        field.setPromptText("Find in this session");
        field.setAccessibleText("Find in this session");
        field.setTooltip(new Tooltip("Every word must occur; the last may be the start of a word; \"quotes\" keep words "
                + "together. Enter: next, Shift+Enter: previous, Esc: close"));
        field.textProperty().bindBidirectional(vm.queryProperty());
        HBox.setHgrow(field, Priority.ALWAYS);
        field.setMaxWidth(420);
        Label count = new Label();
        count.setId("findCount");
        count.getStyleClass().add("find-count");
        count.textProperty().bind(vm.countProperty());
        Button previous = button("findPrevious", Feather.CHEVRON_UP, "Previous match (Shift+Enter)", vm::previous);
        Button next = button("findNext", Feather.CHEVRON_DOWN, "Next match (Enter)", vm::next);
        previous.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.matches()));
        next.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.matches()));
        Button close = button("findClose", Feather.X, "Close (Esc)", vm::close);
        getChildren().addAll(Icons.of(Feather.SEARCH), field, count, previous, next, close);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    vm.previous();
                } else {
                    vm.next();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.close();
                e.consume();
            }
        });
        visibleProperty().bind(vm.showingProperty());
        managedProperty().bind(visibleProperty());
    }

    private static Button button(String id, Feather icon, String tip, Runnable action) {
        Button b = new Button("", Icons.of(icon));
        b.setId(id);
        b.getStyleClass().addAll("flat", "small");
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Puts the caret in the field, its words selected (Ctrl+F again selects them to type over). */
    public void focusField() {
        field.requestFocus();
        field.selectAll();
    }
}
