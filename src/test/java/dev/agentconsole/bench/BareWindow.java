package dev.agentconsole.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline for start-up and memory: a bare JavaFX window of the same size, nothing else. */
public final class BareWindow {

    private BareWindow() {}

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application (kept apart from main: a main class that extends Application needs JavaFX on the module path). */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            Scene scene = new Scene(new StackPane(new Label("bare window")), 1280, 820);
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
                    System.out.println("first-frame-ms=" + ms);
                    System.out.flush();
                    scene.removePostLayoutPulseListener(this);
                    if (getParameters().getRaw().contains("--exit-after-first-frame")) {
                        javafx.application.Platform.exit(); // a training run for its CDS class list
                    }
                }
            });
            stage.setScene(scene);
            stage.show();
        }
    }
}
