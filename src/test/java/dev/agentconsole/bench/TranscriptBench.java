package dev.agentconsole.bench;

import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.Theme;
import dev.agentconsole.ui.chat.TranscriptEntry;
import dev.agentconsole.ui.chat.TranscriptView;
import dev.agentconsole.ui.chat.TranscriptViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;

/**
 * 100,000 transcript rows: time to open at the newest row, then the FX thread's work per pulse
 * (pre-layout to post-layout, plus the scroll step) while scrolling from the top to the end.
 * Argument "console" measures the real TranscriptView; "plain" a ListView of 100,000 strings
 * with default cells, the baseline. Prints RESULT lines and exits.
 */
public final class TranscriptBench {

    private TranscriptBench() {}

    static final int ROWS = 100_000;

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The JavaFX application (kept apart from main: a main class that extends Application needs JavaFX on the module path). */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) {
            boolean console = !getParameters().getRaw().contains("plain");
            new Theme().apply();
            long t0 = System.nanoTime();
            ListView<?> list;
            Parent root;
            if (console) {
                TranscriptViewModel model = new TranscriptViewModel();
                model.addAll(rows());
                TranscriptView view = new TranscriptView(model, new TranscriptView.Actions(q -> { }, id -> { }, id -> { }), new ImageLoader());
                view.getStyleClass().add(Styles.ROOT);
                list = view.list();
                root = view;
            } else {
                List<String> lines = new ArrayList<>(ROWS);
                for (int i = 0; i < ROWS; i++) {
                    lines.add("row " + i + ": the agent looked at the page and decided what to do next");
                }
                ListView<String> plain = new ListView<>(FXCollections.observableArrayList(lines));
                list = plain;
                root = plain;
            }
            list.scrollTo(ROWS - 1);
            Scene scene = new Scene(root, 1280, 820);
            scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Styles.STYLESHEET)).toExternalForm());
            stage.setScene(scene);
            long[] opened = {0};
            List<Double> pulses = new ArrayList<>();
            long[] pulseStart = {0};
            scene.addPreLayoutPulseListener(() -> pulseStart[0] = System.nanoTime());
            scene.addPostLayoutPulseListener(() -> {
                if (opened[0] == 0) {
                    VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
                    // the last row may be cut at the bottom edge by a pixel: the one before it counts as there
                    if (flow != null && flow.getLastVisibleCell() != null && flow.getLastVisibleCell().getIndex() >= ROWS - 2) {
                        opened[0] = System.nanoTime();
                        System.out.printf(Locale.ROOT, "RESULT open-ms=%.1f%n", (opened[0] - t0) / 1e6);
                        Platform.runLater(() -> scroll(list, scene, pulses, pulseStart));
                    }
                } else if (pulseStart[0] != 0) {
                    pulses.add((System.nanoTime() - pulseStart[0]) / 1e6);
                }
            });
            stage.show();
        }

        /** 300 wheel steps of half a viewport from the top, then a thumb drag from the top to the end in 600 pulses. */
        private void scroll(ListView<?> list, Scene scene, List<Double> pulses, long[] pulseStart) {
            VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
            flow.setPosition(0);
            double step = scene.getHeight() * 0.5;
            new AnimationTimer() {
                int frames;

                @Override
                public void handle(long now) {
                    frames++;
                    if (frames <= 5) {
                        pulses.clear(); // let the jump to the top settle
                        return;
                    }
                    int k = frames - 5;
                    if (k <= 300) {
                        flow.scrollPixels(step);
                    } else if (k <= 900) {
                        flow.setPosition((k - 300) / 600.0);
                    } else {
                        stop();
                        report(pulses, k);
                        Platform.exit();
                    }
                }
            }.start();
        }

        private static void report(List<Double> pulses, int frames) {
            double[] v = pulses.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double p50 = v[(int) (v.length * 0.50)];
            double p99 = v[Math.min(v.length - 1, (int) (v.length * 0.99))];
            System.out.printf(Locale.ROOT, "RESULT pulses=%d pulse-p50-ms=%.2f pulse-p99-ms=%.2f pulse-max-ms=%.2f%n",
                    v.length, p50, p99, v[v.length - 1]);
            System.out.flush();
        }

        static List<TranscriptEntry> rows() {
            List<TranscriptEntry> rows = new ArrayList<>(ROWS);
            Instant t = Instant.parse("2026-11-23T10:00:00Z");
            for (int i = 0; i < ROWS; i++) {
                Instant at = t.plusSeconds(i);
                String key = "b" + i;
                rows.add(switch (i % 6) {
                    case 0 -> new TranscriptEntry.Thought(key, at, "Step " + i + ": the listing shows three options; the second one matches the "
                            + "operator's budget, so I will open it and check the dates before going further.", List.of("click {\"selector\":\"#item-" + i + "\"}"));
                    case 1 -> new TranscriptEntry.Operator(key, at, i, List.of("Instruction " + i + ": prefer the cheaper option"), List.of(),
                            Optional.empty(), Optional.empty(), DeliveryState.SEEN, Optional.empty());
                    case 2 -> new TranscriptEntry.Status(key, at, i % 12 == 2 ? "running" : "idle");
                    case 3 -> new TranscriptEntry.Question(key, at, "Question " + i + ": should I book the one closer to the temple, or the cheaper one?");
                    case 4 -> new TranscriptEntry.Answer(key, at, "{\n  \"row\" : " + i + ",\n  \"hotel\" : \"Sakura Inn\"\n}", true,
                            Optional.of("success"), Optional.empty());
                    default -> new TranscriptEntry.Note(key, at, "navigated to https://booking.example/page/" + i);
                });
            }
            return rows;
        }
    }
}
