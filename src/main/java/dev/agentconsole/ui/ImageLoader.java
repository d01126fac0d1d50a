package dev.agentconsole.ui;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Decodes images (data URIs or URLs) off the FX thread and keeps the latest few hundred
 * thumbnails. JavaFX's own background loading does not understand {@code data:} URLs.
 */
public final class ImageLoader {

    private final ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "image-decoder");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > 300;
        }
    };

    /** The cached image for {@code key}, or null; the FX thread only. */
    public Image cached(String key) {
        return cache.get(key);
    }

    /** Decodes {@code uri} scaled to {@code width} (0 = natural size) and hands it over on the FX thread. */
    public void load(String key, String uri, double width, Consumer<Image> onLoaded) {
        Image hit = cache.get(key);
        if (hit != null) {
            onLoaded.accept(hit);
            return;
        }
        try {
            decoder.execute(() -> {
                Image image = decode(uri, width);
                if (image != null) {
                    Platform.runLater(() -> {
                        cache.put(key, image);
                        onLoaded.accept(image);
                    });
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The window is closing and a last layout pass asked for a picture: nobody will see it.
        }
    }

    private static Image decode(String uri, double width) {
        try {
            if (uri.startsWith("data:")) {
                int comma = uri.indexOf(',');
                byte[] bytes = Base64.getDecoder().decode(uri.substring(comma + 1));
                Image image = new Image(new ByteArrayInputStream(bytes), width, 0, true, true);
                return image.isError() ? null : image;
            }
            Image image = new Image(uri, width, 0, true, true, false);
            return image.isError() ? null : image;
        } catch (IllegalArgumentException e) {
            return null; // an undecodable picture shows as its caption only
        }
    }

    public void close() {
        decoder.shutdownNow();
    }
}
