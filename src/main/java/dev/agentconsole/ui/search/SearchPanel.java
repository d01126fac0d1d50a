package dev.agentconsole.ui.search;

import dev.agentconsole.store.SearchHit;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The window of Ctrl+Shift+F: a field, how many hits, and the hits (session, time, kind, the snippet with its words in bold). */
final class SearchPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final Stage stage = new Stage();
    private final TextField field = new TextField();

    SearchPanel(Window owner, SearchPanelViewModel vm) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Search every session");
        field.setId("globalSearchField");
        field.setPromptText("Search every session");
        field.setAccessibleText("Search every session");
        field.textProperty().bindBidirectional(vm.queryProperty());
        Label status = new Label();
        status.setId("globalSearchStatus");
        status.getStyleClass().add("find-count");
        status.textProperty().bind(vm.statusProperty());
        ListView<SearchHit> hits = new ListView<>(vm.hits());
        hits.setId("globalSearchHits");
        hits.setAccessibleText("Hits, best first: Enter opens one");
        hits.setPlaceholder(new Label("Type to search the messages, thoughts, actions, questions and answers of every session."));
        hits.setCellFactory(v -> new HitCell());
        hits.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                vm.open(hits.getSelectionModel().getSelectedItem());
            }
        });
        hits.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.open(hits.getSelectionModel().getSelectedItem());
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                hits.requestFocus();
                hits.getSelectionModel().selectFirst();
                if (e.getCode() == KeyCode.ENTER) {
                    vm.open(hits.getSelectionModel().getSelectedItem());
                }
                e.consume();
            }
        });
        VBox.setVgrow(hits, Priority.ALWAYS);
        VBox root = new VBox(8, field, status, hits);
        root.setPadding(new Insets(12));
        root.getStyleClass().add("search-panel");
        Scene scene = new Scene(root, 720, 520);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        stage.setScene(scene);
    }

    void show() {
        stage.show();
        stage.toFront();
        field.requestFocus();
        field.selectAll();
    }

    void hide() {
        stage.hide();
    }

    /** One hit: where (session, time, kind) and the snippet with its words in bold. */
    private static final class HitCell extends ListCell<SearchHit> {
        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            String id = hit.session().sessionId();
            Label where = new Label(hit.session().provider() + " " + id.substring(0, Math.min(8, id.length()))
                    + (hit.sessionTitle().isEmpty() ? "" : " · " + hit.sessionTitle()) + " · " + TIME.format(hit.at())
                    + " · " + hit.kind().toLowerCase(Locale.ROOT));
            where.getStyleClass().add("caption");
            TextFlow snippet = new TextFlow();
            int at = 0;
            String text = hit.snippet().text();
            for (SearchHit.Mark m : hit.snippet().marks()) {
                snippet.getChildren().add(new Text(text.substring(at, m.start())));
                Text word = new Text(text.substring(m.start(), m.end()));
                word.getStyleClass().add("search-word");
                snippet.getChildren().add(word);
                at = m.end();
            }
            snippet.getChildren().add(new Text(text.substring(at)));
            snippet.getStyleClass().add("search-snippet");
            snippet.setPrefWidth(getListView().getWidth() - 40);
            VBox box = new VBox(2, where, snippet);
            setGraphic(box);
            setAccessibleText(where.getText() + ": " + text);
        }
    }
}
