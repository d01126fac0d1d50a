package dev.agentconsole.ui;

import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.image.Image;

/**
 * Decodes images off the FX thread and keeps the latest few hundred thumbnails. {@code data:} URIs
 * are decoded here (JavaFX's own loading does not understand them); any other address is fetched
 * through the {@link Fetcher} the bound session gives, never by JavaFX's {@code Image(url)}, which
 * would go without the key (H's screenshots need it) or to any host. Fetched bytes are cached by
 * address, so the thumbnail and the enlarged picture cost one download.
 */
public final class ImageLoader {

    /** Fetches an image's bytes by address, on the loader's thread; a failure's message is shown to the operator. */
    @FunctionalInterface
    public interface Fetcher {
        byte[] fetch(String url) throws Exception;
    }

    private static final Fetcher NO_SESSION = url -> {
        throw new IllegalStateException("no session is bound to fetch it with");
    };
    /** Downloaded bytes kept by address, at most this many in total. */
    private static final long MAX_CACHED_BYTES = 48L * 1024 * 1024;

    /**
     * Shared by every loader (each open session has one): a window with twenty sessions needs no more
     * threads for pictures than one with a single session, and idle threads end after a while.
     */
    private static final ExecutorService SHARED_DECODER = pool("image-decoder", 1);
    /** Downloads wait on the network here, so one slow host never holds up decoding the rest. */
    private static final ExecutorService SHARED_FETCHERS = pool("image-fetch", 2);

    private static ExecutorService pool(String name, int threads) {
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(threads, threads, 30,
                java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private final ExecutorService decoder = SHARED_DECODER;
    private final ExecutorService fetcherThreads = SHARED_FETCHERS;
    /** Set once the loader's view is gone: what it still had queued does nothing. */
    private volatile boolean closed;
    /** Moves on at every {@link #reset()}: a load begun for the last session is not shown in the next. */
    private volatile long generation;
    /**
     * Decoded pictures kept by key, the least recently shown leaving first: at most 300 of them and this many
     * bytes of pixels (300 thumbnails on a usual screen, about 90 on a HiDPI one). Counted only, 300 enlarged
     * screenshots of 1280 by 800 would have held 1.2 GB for one session. One larger than half of it (a 4K
     * screenshot enlarged) is shown but not kept, rather than push every thumbnail out.
     */
    static final long MAX_DECODED_BYTES = 48L * 1024 * 1024;
    private static final int MAX_DECODED = 300;
    private final LinkedHashMap<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long decodedBytes;
    /** Why a picture did not load, by key; the FX thread only. A Retry forgets it. */
    private final Map<String, String> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > 300;
        }
    };
    /** Loads under way, by key, with whoever waits for them; the FX thread only. */
    private final Map<String, Waiting> waiting = new java.util.HashMap<>();
    /** Downloads by address; synchronized on itself (the fetch threads fill it). */
    private final LinkedHashMap<String, byte[]> downloads = new LinkedHashMap<>(16, 0.75f, true);
    private long downloadedBytes;
    private volatile Fetcher fetcher = NO_SESSION;

    /** How images named by URL are fetched (through the bound session: its key and origin); null: none. */
    public void setFetcher(Fetcher fetcher) {
        this.fetcher = fetcher == null ? NO_SESSION : fetcher;
    }

    /**
     * Another session is bound (or none): rows are keyed by their place in a session's stream, so
     * nothing loaded, fetched or failed for the last one may show in the next. The FX thread only.
     */
    public void reset() {
        generation++;
        cache.clear();
        decodedBytes = 0;
        failures.clear();
        waiting.clear();
        synchronized (downloads) {
            downloads.clear();
            downloadedBytes = 0;
        }
    }

    /** The cached image for {@code key} decoded at {@code width} (as loaded), or null; the FX thread only. */
    public Image cached(String key, double width) {
        return cache.get(decodedKey(key, width));
    }

    /** A picture is kept once per width it is decoded at (a thumbnail on a 1x and on a 2x screen); a failure once. */
    private static String decodedKey(String key, double width) {
        return key + "@" + Math.round(width);
    }

    /** Why the picture for {@code key} did not load last time, or null; the FX thread only. */
    public String failure(String key) {
        return failures.get(key);
    }

    /** Forgets a failure, so the next {@link #load} tries again; the FX thread only. */
    public void forgetFailure(String key) {
        failures.remove(key);
    }

    /** Decodes {@code uri} scaled to {@code width} (0 = natural size) and hands it over on the FX thread. */
    public void load(String key, String uri, double width, Consumer<Image> onLoaded) {
        load(key, uri, width, onLoaded, problem -> { });
    }

    /**
     * As {@link #load(String, String, double, Consumer)}, and says why when it cannot: the address
     * could not be fetched (with the server's reason) or the bytes are not a picture. Both callbacks
     * run on the FX thread; a failure is remembered ({@link #failure}) until {@link #forgetFailure}.
     */
    public void load(String key, String uri, double width, Consumer<Image> onLoaded, Consumer<String> onFailed) {
        String at = decodedKey(key, width);
        Image hit = cache.get(at);
        if (hit != null) {
            onLoaded.accept(hit);
            return;
        }
        Waiting already = waiting.get(at);
        if (already != null) {
            already.add(onLoaded, onFailed); // a cell laid out twice asks twice: one fetch answers both
            return;
        }
        Waiting asked = new Waiting();
        asked.add(onLoaded, onFailed);
        waiting.put(at, asked);
        long gen = generation;
        try {
            (uri.startsWith("data:") ? decoder : fetcherThreads).execute(() -> {
                if (closed || gen != generation) {
                    return; // asked for the session before this one: the new one's pictures go first
                }
                byte[] bytes;
                try {
                    bytes = bytes(uri, gen);
                } catch (Throwable e) {
                    String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
                    Platform.runLater(() -> failed(gen, at, key, why));
                    return;
                }
                decodeAndHandOver(gen, at, key, bytes, width);
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The window is closing and a last layout pass asked for a picture: nobody will see it.
            waiting.remove(at);
        }
    }

    private void decodeAndHandOver(long gen, String at, String key, byte[] bytes, double width) {
        try {
            decoder.execute(() -> {
                Image image;
                try {
                    image = decode(bytes, width);
                } catch (Throwable e) {
                    image = null; // a picture that breaks the decoder is one that cannot be decoded
                }
                Image decoded = image;
                Platform.runLater(() -> {
                    if (gen != generation) {
                        return; // loaded for the session before this one
                    }
                    if (decoded == null) {
                        failed(gen, at, key, "the picture cannot be decoded");
                        return;
                    }
                    keep(at, decoded);
                    Waiting done = waiting.remove(at);
                    if (done != null) {
                        done.loaded.forEach(c -> c.accept(decoded));
                    }
                });
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // closing
        }
    }

    /** Into the cache; the least recently shown leave while it holds too many, never the one just kept. */
    private void keep(String key, Image image) {
        if (pixelBytes(image) > MAX_DECODED_BYTES / 2) {
            return;
        }
        Image replaced = cache.put(key, image);
        decodedBytes += pixelBytes(image) - (replaced == null ? 0 : pixelBytes(replaced));
        var eldest = cache.entrySet().iterator();
        while ((decodedBytes > MAX_DECODED_BYTES || cache.size() > MAX_DECODED) && eldest.hasNext()) {
            Image gone = eldest.next().getValue();
            if (gone == image) {
                break;
            }
            decodedBytes -= pixelBytes(gone);
            eldest.remove();
        }
    }

    private static long pixelBytes(Image image) {
        return (long) image.getWidth() * (long) image.getHeight() * 4;
    }

    /** The callbacks waiting for one key's picture. */
    private static final class Waiting {
        final java.util.List<Consumer<Image>> loaded = new java.util.ArrayList<>(1);
        final java.util.List<Consumer<String>> failed = new java.util.ArrayList<>(1);

        void add(Consumer<Image> onLoaded, Consumer<String> onFailed) {
            loaded.add(onLoaded);
            failed.add(onFailed);
        }
    }

    private void failed(long gen, String at, String key, String why) {
        if (gen != generation) {
            return;
        }
        failures.put(key, why);
        Waiting done = waiting.remove(at);
        if (done != null) {
            done.failed.forEach(c -> c.accept(why));
        }
    }

    private byte[] bytes(String uri, long gen) throws Exception {
        if (uri.startsWith("data:")) {
            int comma = uri.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException("the data URI has no data");
            }
            return Base64.getMimeDecoder().decode(uri.substring(comma + 1));
        }
        synchronized (downloads) {
            byte[] known = downloads.get(uri);
            if (known != null) {
                return known;
            }
        }
        byte[] fetched = fetcher.fetch(uri);
        synchronized (downloads) {
            if (gen != generation) {
                return fetched; // fetched for the session before: not kept for the next
            }
            downloads.put(uri, fetched);
            downloadedBytes += fetched.length;
            var eldest = downloads.entrySet().iterator();
            while (downloadedBytes > MAX_CACHED_BYTES && eldest.hasNext()) {
                downloadedBytes -= eldest.next().getValue().length;
                eldest.remove();
            }
        }
        return fetched;
    }

    private static Image decode(byte[] bytes, double width) {
        Image image = new Image(new ByteArrayInputStream(bytes), width, 0, true, true);
        return image.isError() ? null : image;
    }

    /** The view is gone: loads it queued are skipped (the threads are shared, and stay for the others). */
    public void close() {
        closed = true;
        generation++;
    }
}
