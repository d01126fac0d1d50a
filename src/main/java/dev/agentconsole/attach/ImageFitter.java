package dev.agentconsole.attach;

import dev.agentconsole.agent.DataUris;
import dev.agentconsole.agent.InvalidInputException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Makes a message's images fit its request. A PNG or JPEG that fits (and needs no turning) is sent
 * unchanged, byte for byte. Anything else is re-encoded as PNG and as JPEG and the smaller kept;
 * if the images together still do not fit, the largest re-encoded one is scaled down, step by
 * step, only as far as needed. When even small copies cannot fit, it says so.
 */
public final class ImageFitter {

    /** An image as it will be sent, and how it got so. */
    public record Fitted(String name, String dataUri, String mime, int width, int height, long encodedBytes, String how) {
        /** Sent byte for byte as it came. */
        public boolean asItCame() {
            return how.equals(AS_IT_CAME);
        }
    }

    static final String AS_IT_CAME = "sent as it is";

    /** The smallest width a scaled image may get; below it a screenshot says nothing. */
    static final int MIN_WIDTH = 320;

    private ImageFitter() {}

    /** One image on its own, with {@code budget} bytes of data URI to spend. */
    public static Fitted fit(Attachment image, long budget) {
        return fitAll(List.of(image), budget).get(0);
    }

    /**
     * All the images of one message within {@code budget} bytes of data URIs together.
     *
     * @throws InvalidInputException when they cannot fit even scaled down
     */
    public static List<Fitted> fitAll(List<Attachment> images, long budget) {
        return fitAll(images, budget, () -> false);
    }

    /**
     * As {@link #fitAll(List, long)}, checking {@code stale} before each re-encoding: the operator
     * added or removed an image meanwhile, and a fit of the old set would only burn the CPU the
     * window needs.
     *
     * @throws CancellationException once {@code stale} says so
     */
    public static List<Fitted> fitAll(List<Attachment> images, long budget, BooleanSupplier stale) {
        List<Candidate> candidates = new ArrayList<>();
        long total = 0;
        for (Attachment a : images) {
            Candidate c = Candidate.of(a);
            candidates.add(c);
            total += c.encodedBytes();
        }
        // first: the ones that cannot go as they are (not PNG/JPEG, or not upright) are re-encoded
        for (Candidate c : candidates) {
            if (!c.unchanged && total > 0) {
                checkFresh(stale);
                total -= c.encodedBytes();
                c.reencode(c.decoded().getWidth());
                total += c.encodedBytes();
            }
        }
        // then, while too big: the largest one is decoded (if still original) and scaled down
        int rounds = 0;
        while (total > budget) {
            checkFresh(stale);
            // the largest that may still shrink; when none may, it cannot fit
            Candidate largest = candidates.stream().filter(c -> c.width > MIN_WIDTH)
                    .max(java.util.Comparator.comparingLong(Candidate::encodedBytes)).orElse(null);
            if (largest == null || ++rounds > 20) {
                throw new InvalidInputException(String.format(Locale.ROOT, "the images cannot fit in one message: even "
                        + "scaled down to %d pixels wide they need %,d bytes, and %,d are left. Attach fewer, or crop them.",
                        MIN_WIDTH, total, budget));
            }
            int width = largest.decoded().getWidth();
            int current = largest.width;
            // When the largest alone can shed what is over at a moderate cut, aim its width from its own
            // last size (size goes with pixels): a screenshot whose re-encoding weighs more than its PNG
            // did (scaled text compresses worse) gets there in two or three rounds, not one 10% step at a
            // time. Otherwise every image gives its share, the largest first, so none is crushed alone.
            long target = largest.encodedBytes() - (total - budget);
            double own = target > 0 ? Math.sqrt((double) target / largest.encodedBytes()) * 0.97 : 0;
            double factor = own >= 0.5 ? own : Math.sqrt((double) budget / total) * 0.95;
            int next = Math.max(MIN_WIDTH, (int) Math.min(current * 0.9, current * Math.max(0.3, factor)));
            total -= largest.encodedBytes();
            largest.reencode(Math.min(next, width));
            total += largest.encodedBytes();
        }
        return candidates.stream().map(Candidate::result).toList();
    }

    private static void checkFresh(BooleanSupplier stale) {
        if (stale.getAsBoolean()) {
            throw new CancellationException("the images changed while they were being fitted");
        }
    }

    /** One image on its way to fitting. */
    private static final class Candidate {
        private final Attachment source;
        private boolean unchanged;
        private String mime;
        private byte[] bytes;
        private int width;
        private int height;
        private BufferedImage decoded;
        private String how;

        private Candidate(Attachment source) {
            this.source = source;
        }

        static Candidate of(Attachment a) {
            Candidate c = new Candidate(a);
            String mime = a.probe().mime();
            c.unchanged = (mime.equals("image/png") || mime.equals("image/jpeg")) && a.probe().orientation() == 1;
            c.mime = mime;
            c.bytes = a.bytes();
            boolean turned = a.probe().orientation() >= 5;
            c.width = turned ? a.probe().height() : a.probe().width();
            c.height = turned ? a.probe().width() : a.probe().height();
            c.how = c.unchanged ? AS_IT_CAME : "";
            return c;
        }

        long encodedBytes() {
            return DataUris.encodedLength(bytes.length, mime);
        }

        BufferedImage decoded() {
            if (decoded == null) {
                decoded = source.pixels().orElseGet(() -> ImageEncoder.decode(source.name(), source.bytes(),
                        source.probe().orientation()));
            }
            return decoded;
        }

        /** PNG and JPEG at {@code toWidth}; the smaller wins. */
        void reencode(int toWidth) {
            BufferedImage image = toWidth >= decoded().getWidth() ? decoded() : ImageEncoder.scale(decoded(), toWidth);
            byte[] png = ImageEncoder.png(image);
            byte[] jpeg = ImageEncoder.jpeg(image);
            boolean pngWins = png.length <= jpeg.length;
            bytes = pngWins ? png : jpeg;
            mime = pngWins ? "image/png" : "image/jpeg";
            width = image.getWidth();
            height = image.getHeight();
            unchanged = false;
            boolean scaled = image != decoded();
            how = (scaled ? String.format(Locale.ROOT, "scaled to %d × %d and ", width, height) : "")
                    + "re-encoded as " + (pngWins ? "PNG" : "JPEG") + (source.probe().orientation() > 1 ? ", turned upright" : "");
        }

        Fitted result() {
            return new Fitted(source.name(), DataUris.encode(bytes, mime), mime, width, height, encodedBytes(), how);
        }
    }
}
