package dev.agentconsole.ui.attach;

import dev.agentconsole.attach.ImageCheck;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.Styles;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
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

    /**
     * A tile per image, kept while the image is in the strip: being read, fitted again when another
     * image comes, fitted: each step changes the tile in place. New tiles (nodes, tooltips, their first
     * CSS pass) for every step were most of the FX thread's work while screenshots were pasted.
     */
    private final java.util.Map<Long, Tile> tileFor = new java.util.HashMap<>();

    private void rebuild() {
        List<Node> shown = new java.util.ArrayList<>();
        java.util.Set<Long> present = new java.util.HashSet<>();
        List<AttachmentsViewModel.Item> items = model.items();
        for (int i = 0; i < items.size(); i++) {
            AttachmentsViewModel.Item item = items.get(i);
            Tile tile = tileFor.computeIfAbsent(item.id(), id -> new Tile(id));
            tile.show(item, i);
            shown.add(tile);
            present.add(item.id());
        }
        tileFor.keySet().retainAll(present);
        // Tiles keep their order, so only the gone ones leave and the new ones join: a tile that
        // stays is never taken out and put back (that would style it again).
        List<Node> children = tiles.getChildren();
        children.retainAll(shown);
        for (int i = 0; i < shown.size(); i++) {
            if (i >= children.size() || children.get(i) != shown.get(i)) {
                children.add(i, shown.get(i));
            }
        }
    }

    /** One image: its thumbnail (or a still icon while it is prepared), name, remove button and size as sent. */
    private final class Tile extends VBox {
        private final StackPane picture = new StackPane();
        private final ImageView view = new ImageView();
        private final Node working = Icons.of(Feather.LOADER);
        private final Tooltip tip = new Tooltip();
        private final Label name = new Label();
        private final Button remove = new Button(null, Icons.of(Feather.X));
        private final Label size = new Label();
        private AttachmentsViewModel.Item item;
        private String shownKey;

        Tile(long id) {
            super(2);
            picture.setMinSize(TILE, TILE);
            picture.setPrefSize(TILE, TILE);
            picture.setMaxSize(TILE, TILE);
            picture.getStyleClass().add(Styles.THUMBNAIL);
            view.setFitWidth(TILE);
            view.setFitHeight(TILE);
            view.setPreserveRatio(true);
            // a still icon, not a spinner: an animation repaints the strip on every frame while big images
            // are read and fitted, which the software renderer pays for on the FX thread
            picture.getChildren().addAll(view, working);
            Tooltip.install(picture, tip);
            picture.setOnMouseClicked(e -> {
                if (item != null && item.fitted().isPresent()) {
                    preview(item, picture);
                }
            });
            size.getStyleClass().add(Styles.CAPTION);
            remove.getStyleClass().addAll("flat", "small");
            remove.setTooltip(new Tooltip("Remove this image"));
            remove.setOnAction(e -> model.remove(id));
            name.getStyleClass().add(Styles.CAPTION);
            name.setMaxWidth(TILE + 40);
            HBox head = new HBox(2, name, remove);
            head.setAlignment(Pos.CENTER_LEFT);
            getChildren().addAll(picture, head, size);
            getStyleClass().add(Styles.ATTACHMENT_TILE);
        }

        void show(AttachmentsViewModel.Item next, int index) {
            item = next;
            name.setText(next.name());
            remove.setId("removeAttachment" + index);
            remove.setAccessibleText("Remove " + next.name());
            setAccessibleText("Attached image " + next.name());
            boolean ready = next.fitted().isPresent();
            view.setVisible(ready);
            working.setVisible(!ready);
            if (!ready) {
                working.setAccessibleText("Preparing " + next.name());
                size.setText("preparing…");
                tip.setText("Preparing " + next.name() + "…");
                return;
            }
            var fitted = next.fitted().get();
            size.setText(AttachmentsViewModel.sizes(fitted));
            tip.setText(AttachmentsViewModel.details(fitted, next.source().map(s -> s.probe().mime()).orElse(fitted.mime()))
                    + " Click to preview.");
            String key = key(next);
            if (!key.equals(shownKey)) {
                shownKey = key;
                view.setImage(images.cached(key, TILE * 2));
                if (view.getImage() == null) {
                    images.load(key, fitted.dataUri(), TILE * 2, image -> {
                        if (key.equals(shownKey)) {
                            view.setImage(image);
                        }
                    });
                }
            }
        }
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
            Styles.asBubble(frame, Styles.OBSERVATION);
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
        // The image wraps the array it was read into: a 4K screenshot is 33 MB, and a copy of it is a
        // second pass over every pixel and another G1 humongous allocation while the window runs.
        int[] masks = opaque ? new int[] {0xff0000, 0xff00, 0xff} : new int[] {0xff0000, 0xff00, 0xff, 0xff000000};
        WritableRaster raster = Raster.createPackedRaster(new DataBufferInt(argb, argb.length), w, h, w, masks, null);
        ColorModel colors = opaque ? new DirectColorModel(24, 0xff0000, 0xff00, 0xff) : ColorModel.getRGBdefault();
        return new BufferedImage(colors, raster, false, null); // TYPE_INT_RGB or TYPE_INT_ARGB, from the model
    }
}
