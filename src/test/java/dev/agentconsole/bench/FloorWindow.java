package dev.agentconsole.bench;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A second baseline for memory: what the parts the issues prescribe cost with no product code in
 * the window. AtlantaFX's theme, Ikonli icons and the standard controls the console is made of
 * (a list of 40 text rows, a text area, fields, combo boxes, buttons, a menu button, tooltips),
 * and the libraries the console cannot start without, each used once the way the console uses it:
 * an HTTP server on loopback (the emulator), OkHttp calling it, Jackson reading and writing a tree,
 * SQLite in a file. Prints its first frame as {@link BareWindow} does. With {@code -Dfloor.trim=true} it
 * gives back its heap 3 s after the first frame as the console does after start-up ({@code HeapTrim}), so the
 * console's idle RSS can be set against a floor that trims too.
 */
public final class FloorWindow {

    private FloorWindow() {}

    public static void main(String[] args) throws IOException, SQLException {
        useTheLibraries();
        Application.launch(App.class, args);
    }

    private static void useTheLibraries() throws IOException, SQLException {
        ObjectMapper json = new ObjectMapper();
        byte[] body = json.writeValueAsBytes(json.readTree("{\"events\":[{\"type\":\"thought\",\"text\":\"hello\"}]}"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "floor-server");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        OkHttpClient client = new OkHttpClient();
        Request request = new Request.Builder().url("http://127.0.0.1:" + server.getAddress().getPort() + "/events").build();
        try (Response response = client.newCall(request).execute()) {
            json.readTree(response.body().string());
        }
        File db = File.createTempFile("floor", ".db");
        db.deleteOnExit();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            s.execute("pragma journal_mode=wal");
            s.execute("create table events(id integer primary key, body text)");
            try (PreparedStatement insert = c.prepareStatement("insert into events(body) values(?)")) {
                insert.setString(1, new String(body, StandardCharsets.UTF_8));
                insert.executeUpdate();
            }
        }
    }

    /** The JavaFX application (kept apart from main, as in {@link BareWindow}). */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            ListView<String> rows = new ListView<>();
            for (int i = 0; i < 40; i++) {
                rows.getItems().add("Row " + i + ": a line of transcript text, long enough to wrap in a narrow window");
            }
            Button connect = new Button("Connect", new FontIcon(Feather.LINK));
            connect.setTooltip(new Tooltip("Connect"));
            ToolBar bar = new ToolBar(new ComboBox<String>(), new TextField("session id"), new PasswordField(), connect,
                    new ToggleButton("Pause", new FontIcon(Feather.PAUSE)), new Button("Stop", new FontIcon(Feather.SQUARE)),
                    new MenuButton("Sessions", new FontIcon(Feather.LIST), new MenuItem("one")), new Label("running"));
            TextArea input = new TextArea();
            input.setTooltip(new Tooltip("Message"));
            VBox.setVgrow(input, Priority.ALWAYS);
            TextField startUrl = new TextField();
            HBox.setHgrow(startUrl, Priority.ALWAYS);
            VBox composer = new VBox(input, new HBox(startUrl, new CheckBox("Advanced"),
                    new Button("Send", new FontIcon(Feather.SEND))));
            Scene scene = new Scene(new BorderPane(rows, bar, null, composer, null), 1280, 820);
            BareWindow.reportFirstFrame(scene, getParameters().getRaw());
            stage.setScene(scene);
            stage.show();
            if (Boolean.getBoolean("floor.trim")) {
                Thread trim = new Thread(() -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    dev.agentconsole.app.HeapTrim.collector().ifPresent(Runnable::run);
                }, "floor-trim");
                trim.setDaemon(true);
                trim.start();
            }
        }
    }
}
