package dev.agentconsole.ui.attach;

import dev.agentconsole.attach.ImageCheck;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritablePixelFormat;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Popup;
import org.kordamp.ikonli.feather.Feather;

/**
 * The attached images above the message: a tile per image (thumbnail, name, size as it will be
 * sent, how it was fitted, a remove button; a click previews it), the total against the limit,
 * and the ways in: the file chooser, pasting (Ctrl+V) and dropping on the window.
 */
public final class AttachmentStripView extends VBox {

    private static final int TILE = 72;

    private final AttachmentsViewModel model;
    private final ImageLoader images;
    private final HBox tiles = new HBox(8);

    public AttachmentStripView(AttachmentsViewModel model, ImageLoader images) {
        this.model = model;
        this.images = images;
        setId("attachmentStrip");
        getStyleClass().add(Styles.ATTACHMENTS);
        Label summary = new Label();
        summary.setId("attachmentSummary");
        summary.getStyleClass().add(Styles.CAPTION);
        summary.textProperty().bind(model.summaryProperty());
        getChildren().addAll(tiles, summary);
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.items()));
        managedProperty().bind(visibleProperty());
        model.items().addListener((ListChangeListener<AttachmentsViewModel.Item>) c -> rebuild());
    }

    /** Tiles by what they show: an item that did not change keeps its tile (new nodes cost CSS and layout). */
    private final java.util.Map<String, Node> tileFor = new java.util.HashMap<>();

    private void rebuild() {
        java.util.Map<String, Node> kept = new java.util.HashMap<>();
        List<Node> shown = new java.util.ArrayList<>();
        for (AttachmentsViewModel.Item item : model.items()) {
            String key = key(item) + (item.ready() ? "" : "#preparing") + "@" + model.items().indexOf(item);
            Node tile = tileFor.containsKey(key) ? tileFor.get(key) : tile(item);
            kept.put(key, tile);
            shown.add(tile);
        }
        tileFor.clear();
        tileFor.putAll(kept);
        if (!tiles.getChildren().equals(shown)) {
            tiles.getChildren().setAll(shown);
        }
    }

    private Node tile(AttachmentsViewModel.Item item) {
        StackPane picture = new StackPane();
        picture.setMinSize(TILE, TILE);
        picture.setPrefSize(TILE, TILE);
        picture.setMaxSize(TILE, TILE);
        picture.getStyleClass().add(Styles.THUMBNAIL);
        Label size = new Label();
        size.getStyleClass().add(Styles.CAPTION);
        if (item.fitted().isPresent()) {
            var fitted = item.fitted().get();
            ImageView view = new ImageView(images.cached(key(item)));
            view.setFitWidth(TILE);
            view.setFitHeight(TILE);
            view.setPreserveRatio(true);
            if (view.getImage() == null) {
                images.load(key(item), fitted.dataUri(), TILE * 2, view::setImage);
            }
            picture.getChildren().add(view);
            picture.setOnMouseClicked(e -> preview(item, picture));
            size.setText(String.format(Locale.ROOT, "%,d KB", fitted.encodedBytes() / 1000));
            Tooltip.install(picture, new Tooltip(fitted.width() + " × " + fitted.height() + ", " + fitted.how()
                    + ". Click to preview."));
        } else {
            // a still icon, not a spinner: an animation repaints the strip on every frame while big images
            // are read and fitted, which the software renderer pays for on the FX thread
            Node working = Icons.of(Feather.LOADER);
            working.setAccessibleText("Preparing " + item.name());
            picture.getChildren().add(working);
            size.setText("preparing…");
        }
        Button remove = new Button(null, Icons.of(Feather.X));
        remove.getStyleClass().addAll("flat", "small");
        remove.setId("removeAttachment" + model.items().indexOf(item));
        remove.setAccessibleText("Remove " + item.name());
        remove.setTooltip(new Tooltip("Remove this image"));
        remove.setOnAction(e -> model.remove(item.id()));
        Label name = new Label(item.name());
        name.getStyleClass().add(Styles.CAPTION);
        name.setMaxWidth(TILE + 40);
        HBox head = new HBox(2, name, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox tile = new VBox(2, picture, head, size);
        tile.getStyleClass().add(Styles.ATTACHMENT_TILE);
        tile.setAccessibleText("Attached image " + item.name());
        return tile;
    }

    private static String key(AttachmentsViewModel.Item item) {
        return "attachment-" + item.id() + "-" + item.fitted().map(f -> f.encodedBytes()).orElse(0L);
    }

    private void preview(AttachmentsViewModel.Item item, Node owner) {
        var fitted = item.fitted().orElseThrow();
        images.load(key(item) + "#full", fitted.dataUri(), 0, full -> {
            if (getScene() == null) {
                return;
            }
            ImageView view = new ImageView(full);
            view.setPreserveRatio(true);
            view.setFitWidth(Math.min(full.getWidth(), getScene().getWidth() - 80));
            view.setFitHeight(Math.min(full.getHeight(), getScene().getHeight() - 120));
            Label caption = new Label(item.name() + " · " + fitted.width() + " × " + fitted.height() + " · " + fitted.how());
            caption.getStyleClass().add(Styles.CAPTION);
            VBox frame = new VBox(6, view, caption);
            frame.getStyleClass().add(Styles.BUBBLE);
            frame.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass(Styles.OBSERVATION), true);
            Popup popup = new Popup();
            popup.setAutoHide(true);
            popup.setHideOnEscape(true);
            popup.getContent().add(frame);
            frame.setOnMouseClicked(e -> popup.hide());
            var window = getScene().getWindow();
            popup.show(owner, window.getX() + 40, window.getY() + 60);
        });
    }

    // ---- the ways in -------------------------------------------------------------------------------

    /** The paperclip: a file chooser for images. */
    public void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Attach images");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp", "*.bmp"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        List<File> files = chooser.showOpenMultipleDialog(getScene() == null ? null : getScene().getWindow());
        if (files != null) {
            model.addFiles(files.stream().map(File::toPath).toList());
        }
    }

    /**
     * Ctrl+V: an image on the clipboard (a screenshot) or copied image files are attached.
     *
     * @return whether the clipboard held one (otherwise the text field pastes text as usual)
     */
    public boolean paste(Clipboard clipboard) {
        return take(clipboard.hasFiles() ? clipboard.getFiles() : List.of(), clipboard.hasImage() ? clipboard.getImage() : null,
                "pasted image");
    }

    /** For the paste menu item and tests: says so when there is nothing to attach. */
    public void pasteOrSay(Clipboard clipboard) {
        if (!paste(clipboard)) {
            model.refuse(clipboard.hasContent(DataFormat.PLAIN_TEXT)
                    ? "the clipboard holds text, not an image: paste it into the message instead"
                    : "the clipboard holds no image: copy a screenshot or an image file first");
        }
    }

    /** Lets the window take dropped files and images. */
    public void acceptDrops(Node target) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            Dragboard board = e.getDragboard();
            if (board.hasFiles() || board.hasImage()) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            e.setDropCompleted(drop(e.getDragboard()));
            e.consume();
        });
    }

    /** A drop: files, or an image dragged from a browser. */
    public boolean drop(Dragboard board) {
        return take(board.hasFiles() ? board.getFiles() : List.of(), board.hasImage() ? board.getImage() : null, "dropped image");
    }

    /**
     * What a drop or a paste brings: files (attached), else an image (its pixels attached).
     *
     * @return whether there was anything to attach
     */
    public boolean take(List<File> files, Image image, String imageName) {
        if (!files.isEmpty()) {
            model.addFiles(files.stream().map(File::toPath).toList());
            return true;
        }
        if (image != null) {
            attachImage(image, imageName);
            return true;
        }
        return false;
    }

    /** The pixels are copied out on the I/O thread, not here: a 4K screenshot is 33 MB of them. */
    private void attachImage(Image image, String name) {
        if (image == null || image.getWidth() <= 0) {
            model.refuse("the clipboard's image could not be read");
            return;
        }
        if (image.getWidth() * image.getHeight() > ImageCheck.MAX_PIXELS) {
            model.refuse(String.format(Locale.ROOT, "the image is %,.0f × %,.0f pixels: too large to attach",
                    image.getWidth(), image.getHeight()));
            return;
        }
        model.addPixels(name, () -> toBufferedImage(image));
    }

    static BufferedImage toBufferedImage(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        int[] argb = new int[w * h];
        reader.getPixels(0, 0, w, h, WritablePixelFormat.getIntArgbInstance(), argb, 0, w);
        boolean opaque = true;
        for (int p : argb) {
            if ((p >>> 24) != 0xff) {
                opaque = false;
                break;
            }
        }
        BufferedImage out = new BufferedImage(w, h, opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }
}
