package dev.agentconsole.ui.attach;

import dev.agentconsole.agent.DataUris;
import dev.agentconsole.agent.InvalidInputException;
import dev.agentconsole.attach.Attachment;
import dev.agentconsole.attach.ImageFitter;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The images attached to the message being typed. Reading, checking, decoding and fitting happen
 * on the I/O executor; the list and its properties change on the UI executor only. Each image is
 * checked as it comes (a bad one is refused with its own sentence and nothing else is touched),
 * then all of them are fitted together into what the request has left.
 */
public final class AttachmentsViewModel {

    /** One tile in the strip. {@code fitted} is empty while it is being prepared. */
    public record Item(long id, String name, Optional<Attachment> source, Optional<String> original,
                       Optional<ImageFitter.Fitted> fitted) {
        public boolean ready() {
            return fitted.isPresent();
        }
    }

    private final Executor ui;
    private final Executor io;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObservableList<Item> readOnly = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper accepted = new ReadOnlyBooleanWrapper(true);
    private final AtomicLong ids = new AtomicLong();
    /** Counts the changes to the images; a fit for an older count stops (written on the UI thread, read on io). */
    private volatile long generation;
    private long budget = 4_900_000;
    /** Set when the images together cannot be made to fit; cleared by the next change. */
    private String fitProblem;
    private int pending;
    /** A fit of the current images is running. */
    private boolean fitting;

    public AttachmentsViewModel(Executor ui, Executor io) {
        this.ui = ui;
        this.io = io;
    }

    public ObservableList<Item> items() {
        return readOnly;
    }

    /** Why the last image was refused, or why the images cannot go: empty when all is well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** "2 images · 1.3 MB of 4.9 MB". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Images are being read or fitted. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The provider takes images (H does, AGI does not). */
    public ReadOnlyBooleanProperty acceptedProperty() {
        return accepted.getReadOnlyProperty();
    }

    /** The provider's limits: whether it takes images, and how many bytes of data URIs a request has left. */
    public void setLimits(boolean acceptsImages, long budgetBytes) {
        accepted.set(acceptsImages);
        if (budgetBytes != budget) {
            budget = budgetBytes;
            refit();
        }
    }

    public void addFiles(List<Path> files) {
        for (Path f : files) {
            add(f.getFileName() == null ? f.toString() : f.getFileName().toString(), () -> Attachment.fromFile(f));
        }
    }

    /** A pasted screenshot (pixels), named for the tile. */
    public void addPixels(String name, Supplier<BufferedImage> pixels) {
        add(name, () -> Attachment.fromPixels(name, pixels.get()));
    }

    /** Images as data URIs (a restored draft). */
    public void addDataUris(List<String> uris) {
        int n = 1;
        for (String uri : uris) {
            String name = "image " + n++;
            add(name, () -> Attachment.fromBytes(name, DataUris.decode(uri).bytes()));
        }
    }

    /** Something that is not an image was offered (a clipboard with text only, say). */
    public void refuse(String why) {
        problem.set(why);
    }

    private void add(String name, Supplier<Attachment> read) {
        if (!accepted.get()) {
            problem.set("this provider takes no images: AGI sessions are steered with text only");
            return;
        }
        Item placeholder = new Item(ids.incrementAndGet(), name, Optional.empty(), Optional.empty(), Optional.empty());
        items.add(placeholder);
        problem.set("");
        pending++;
        updateBusy();
        io.execute(() -> {
            Attachment attachment;
            String original;
            try {
                attachment = read.get();
                // the draft keeps the image as attached: encoded once here, not on every keystroke
                original = DataUris.encode(attachment.bytes(), attachment.probe().mime());
            } catch (InvalidInputException e) {
                ui.execute(() -> refused(placeholder, e.getMessage()));
                return;
            } catch (RuntimeException e) {
                // a decoder's own failure (a plugin bug, a malformed file it did not foresee): said, never stuck
                ui.execute(() -> refused(placeholder, "'" + name + "' could not be read: " + e));
                return;
            } catch (OutOfMemoryError e) {
                ui.execute(() -> refused(placeholder, "'" + name + "' is too large to open with the memory this console has"));
                return;
            }
            ui.execute(() -> {
                int at = indexOf(placeholder.id());
                if (at >= 0) {
                    items.set(at, new Item(placeholder.id(), name, Optional.of(attachment), Optional.of(original), Optional.empty()));
                    refit();
                }
                done();
            });
        });
    }

    /** A refused image leaves the strip; the others (which may have waited for it) are fitted. */
    private void refused(Item placeholder, String why) {
        items.removeIf(i -> i.id() == placeholder.id());
        refit();
        problem.set(why);
        done();
    }

    private void updateBusy() {
        busy.set(pending > 0 || fitting);
    }

    private void done() {
        pending--;
        updateBusy();
        summarize();
    }

    public void remove(long id) {
        int at = indexOf(id);
        if (at >= 0) {
            items.remove(at);
            problem.set("");
            refit();
        }
    }

    public void clear() {
        items.clear();
        fitProblem = null;
        problem.set("");
        generation++;
        fitting = false; // a fit still running is for images that are gone
        updateBusy();
        summarize();
    }

    /** The data URIs to send, in order; empty while any image is still being prepared. */
    public Optional<List<String>> dataUris() {
        if (items.stream().anyMatch(i -> !i.ready())) {
            return Optional.empty();
        }
        return Optional.of(items.stream().map(i -> i.fitted().orElseThrow().dataUri()).toList());
    }

    /** The images as attached (for the draft): their original bytes as data URIs. */
    public List<String> originals() {
        return items.stream().flatMap(i -> i.original().stream()).toList();
    }

    /** Why the images cannot go as they are (they do not fit), if that is so. */
    public Optional<String> fitProblem() {
        return Optional.ofNullable(fitProblem);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Fits every image into the budget together, off the UI thread. */
    private void refit() {
        long gen = ++generation;
        fitProblem = null;
        List<Item> snapshot = List.copyOf(items);
        List<Attachment> sources = new ArrayList<>();
        for (Item i : snapshot) {
            if (i.source().isEmpty()) {
                fitting = false; // one is still being read (busy): fitting happens when it is in
                updateBusy();
                summarize();
                return;
            }
            sources.add(i.source().get());
        }
        if (sources.isEmpty()) {
            fitting = false; // the last image went while it was being fitted
            updateBusy();
            summarize();
            return;
        }
        long limit = budget;
        fitting = true;
        updateBusy();
        for (int k = 0; k < snapshot.size(); k++) {
            items.set(k, new Item(snapshot.get(k).id(), snapshot.get(k).name(), snapshot.get(k).source(),
                    snapshot.get(k).original(), Optional.empty()));
        }
        io.execute(() -> {
            List<ImageFitter.Fitted> fitted;
            try {
                fitted = ImageFitter.fitAll(sources, limit, () -> gen != generation);
            } catch (RuntimeException | OutOfMemoryError e) {
                String why = e instanceof OutOfMemoryError ? "the images are too large to fit with the memory this console has"
                        : e.getMessage();
                ui.execute(() -> {
                    if (gen == generation) {
                        fitProblem = why;
                        problem.set(why);
                        fitting = false;
                        updateBusy();
                    }
                });
                return;
            }
            ui.execute(() -> {
                if (gen != generation) {
                    return;
                }
                for (int k = 0; k < snapshot.size() && k < items.size(); k++) {
                    Item i = snapshot.get(k);
                    items.set(k, new Item(i.id(), i.name(), i.source(), i.original(), Optional.of(fitted.get(k))));
                }
                fitting = false;
                updateBusy();
                summarize();
            });
        });
    }

    private void summarize() {
        if (items.isEmpty()) {
            summary.set("");
            return;
        }
        long total = items.stream().flatMap(i -> i.fitted().stream()).mapToLong(ImageFitter.Fitted::encodedBytes).sum();
        boolean preparing = items.stream().anyMatch(i -> !i.ready());
        summary.set(String.format(Locale.ROOT, "%d %s · %s of %s%s", items.size(), items.size() == 1 ? "image" : "images",
                megabytes(total), megabytes(budget), preparing ? " · preparing…" : ""));
    }

    /**
     * The tile's size line: the image as it came and as it is sent ("10.9 MB → 207 KB"), or one size
     * when it goes as it is. Both are image files; the base64 of the request adds a third.
     */
    public static String sizes(ImageFitter.Fitted f) {
        return f.how().equals("sent as it is") ? size(f.imageBytes()) + ", as it is"
                : size(f.originalBytes()) + " → " + size(f.imageBytes());
    }

    /** The tile's tooltip: pixels, kind and size before and after, and what the request carries. */
    public static String details(ImageFitter.Fitted f, String originalMime) {
        String kind = f.mime().equals("image/png") ? "PNG" : "JPEG";
        return String.format(Locale.ROOT, "%d × %d %s, %s → sent as %d × %d %s, %s (%s in the request, as base64): %s.",
                f.originalWidth(), f.originalHeight(), originalMime.replace("image/", "").toUpperCase(Locale.ROOT),
                size(f.originalBytes()), f.width(), f.height(), kind, size(f.imageBytes()), size(f.encodedBytes()), f.how());
    }

    /** 207 KB under a megabyte, 10.9 MB above. */
    static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%,d KB", Math.max(1, Math.round(bytes / 1000.0)))
                : megabytes(bytes);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private int indexOf(long id) {
        for (int k = 0; k < items.size(); k++) {
            if (items.get(k).id() == id) {
                return k;
            }
        }
        return -1;
    }
}
