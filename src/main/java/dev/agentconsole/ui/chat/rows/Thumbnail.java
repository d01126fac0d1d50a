package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * One picture of a row, in a box of fixed size so the row keeps its height: "Loading…" while it is
 * decoded or fetched (H's screenshots come from the platform, with the key), the picture, or why it
 * did not come with a Retry. A failure is remembered by the loader, so a row scrolled back into view
 * shows it instead of fetching again on its own.
 */
final class Thumbnail {

    static final int WIDTH = 240;
    static final int HEIGHT = 150;

    private final ImageLoader images;
    private final RowContext.Enlarger enlarger;
    final StackPane frame;
    private final ImageView view = new ImageView();
    private final Label status = new Label();
    private final Button retry = new Button("Retry", Icons.of(Feather.REFRESH_CW));
    private final VBox problem = new VBox(6, status, retry);
    /** The scale its window draws at (null out of a window). */
    private final javafx.beans.value.ObservableValue<Number> renderScale = view.sceneProperty()
            .flatMap(javafx.scene.Scene::windowProperty).flatMap(javafx.stage.Window::renderScaleXProperty);
    private String key;
    private String uri;

    Thumbnail(ImageLoader images, RowContext.Enlarger enlarger) {
        this.images = images;
        this.enlarger = enlarger;
        view.setFitWidth(WIDTH);
        view.setFitHeight(HEIGHT);
        view.setPreserveRatio(true);
        view.getStyleClass().add(Styles.THUMBNAIL);
        Tooltip.install(view, new Tooltip("Click to enlarge"));
        view.setAccessibleText("Screenshot; click to enlarge");
        view.setOnMouseClicked(e -> {
            if (key != null && view.getImage() != null) {
                enlarger.enlarge(key, uri, view);
            }
        });
        status.getStyleClass().add(Styles.CAPTION);
        status.setWrapText(true);
        status.setMaxWidth(WIDTH - 16);
        retry.setId("thumbnailRetry");
        retry.getStyleClass().add("small");
        retry.setTooltip(new Tooltip("Fetch the picture again"));
        retry.setOnAction(e -> {
            images.forgetFailure(key);
            load();
        });
        problem.setAlignment(Pos.CENTER_LEFT);
        problem.getStyleClass().add(Styles.THUMBNAIL_STATE);
        problem.setMaxSize(WIDTH, HEIGHT);
        frame = new StackPane(view, problem);
        frame.setMinSize(WIDTH, HEIGHT);
        frame.setPrefSize(WIDTH, HEIGHT);
        frame.setMaxSize(WIDTH, HEIGHT);
        frame.setAlignment(Pos.TOP_LEFT);
        frame.managedProperty().bind(frame.visibleProperty());
        // the window moved to a screen of another scale (or the view came back into it): decoded again for it
        renderScale.addListener((o, was, now) -> {
            if (now != null) { // out of the window (a session switched away) it keeps the picture it has
                sharpen();
            }
        });
    }

    /** Shows the picture {@code uri} of the row part {@code key} (null: this frame is not used). */
    void show(String key, String uri) {
        this.key = key;
        this.uri = uri;
        frame.setVisible(key != null);
        if (key == null) {
            view.setImage(null);
            return;
        }
        Image cached = images.cached(key, decodedWidth());
        String failure = images.failure(key);
        if (cached != null) {
            showImage(cached);
        } else if (failure != null) {
            showFailure(failure);
        } else {
            load();
        }
    }

    /** Decoded for the scale the window draws at now: a window moved to a HiDPI screen gets sharp thumbnails. */
    private int decodedWidth() {
        return (int) Math.ceil(WIDTH * drawScale());
    }

    /**
     * The picture shown, decoded again when the window now draws at another scale; shown as it is meanwhile,
     * and kept if that fails (the failure is not remembered against a picture that did load).
     */
    private void sharpen() {
        if (key == null || view.getImage() == null || view.getImage().getWidth() == decodedWidth()) {
            return;
        }
        String asked = key;
        int width = decodedWidth();
        images.load(asked, uri, width, image -> showIfStillWanted(asked, width, image), why -> {
            if (asked.equals(key)) {
                images.forgetFailure(asked);
            }
        });
    }

    private void load() {
        String asked = key;
        int width = decodedWidth();
        view.setImage(null);
        status.setText("Loading the picture…");
        retry.setVisible(false);
        problem.setVisible(true);
        images.load(asked, uri, width, image -> showIfStillWanted(asked, width, image), why -> {
            if (asked.equals(key)) {
                showFailure(why);
            }
        });
    }

    /**
     * Shows what was decoded for {@code asked} when the frame still shows that row (a reused cell may show
     * another by now); decoded for a scale the window has left meanwhile, it is shown and decoded again.
     */
    private void showIfStillWanted(String asked, int width, Image image) {
        if (!asked.equals(key)) {
            return;
        }
        if (view.getImage() == null || width == decodedWidth() || view.getImage().getWidth() != decodedWidth()) {
            showImage(image);
        }
        if (width != decodedWidth()) {
            sharpen();
        }
    }

    /**
     * The pixels the window draws per unit (its render scale, the screen's: 2 on a HiDPI one): a thumbnail decoded for it is sharp and no
     * larger. Decoded at twice the box everywhere, every screenshot a session had shown held four times the pixels
     * a usual screen draws (a decoded copy and the renderer's texture of it, 1.1 MiB at 480 by 300), kept with
     * the transcript of each open session.
     */
    private double drawScale() {
        javafx.stage.Window window = view.getScene() == null ? null : view.getScene().getWindow();
        double scale = window != null ? window.getRenderScaleX() : javafx.stage.Screen.getPrimary().getOutputScaleX();
        return Math.max(1, Math.min(3, scale));
    }

    private void showImage(Image image) {
        view.setImage(image);
        problem.setVisible(false);
    }

    private void showFailure(String why) {
        view.setImage(null);
        status.setText("The picture did not load: " + why);
        retry.setVisible(true);
        problem.setVisible(true);
    }
}
