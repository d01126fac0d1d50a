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
 * unchanged, byte for byte. Anything else is re-encoded as PNG and as JPEG and the smaller kept.
 * While the images together do not fit, the largest gives way, in this order: re-encoded at full
 * size (a 10 MB PNG of a screen is a JPEG of a few hundred KB), then at full size at a lower JPEG
 * quality, and only then scaled down, step by step; a scaled image is then grown back to the
 * largest size that still fits (within a few per cent), never left below it. When even small
 * copies cannot fit, it says so.
 */
public final class ImageFitter {

    /**
     * An image as it will be sent, and how it got so: {@code encodedBytes} is what its data URI takes of
     * the request, {@code imageBytes} the image file inside it; {@code original*} describe it as it came
     * (the bytes of the file or paste, its pixels upright).
     */
    public record Fitted(String name, String dataUri, String mime, int width, int height, long encodedBytes, String how,
                         long imageBytes, long originalBytes, int originalWidth, int originalHeight) {
        /** Sent byte for byte as it came. */
        public boolean asItCame() {
            return how.equals(AS_IT_CAME);
        }
    }

    static final String AS_IT_CAME = "sent as it is";

    /** The smallest width a scaled image may get; below it a screenshot says nothing. */
    static final int MIN_WIDTH = 320;
    /** The full-size quality tried when the good one does not fit, before any scaling. */
    static final float LOWER_JPEG_QUALITY = 0.7f;
    /** Growing a scaled image back stops when the next try would add less than this share of its width. */
    private static final double CLOSE_ENOUGH = 0.03;

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
        // then, while too big: the largest that may still give way does, one stage at a time
        int rounds = 0;
        while (total > budget) {
            checkFresh(stale);
            Candidate largest = largest(candidates);
            if (largest == null || ++rounds > 24) {
                throw new InvalidInputException(String.format(Locale.ROOT, "the images cannot fit in one message: even "
                        + "scaled down to %d pixels wide they need %,d bytes, and %,d are left. Attach fewer, or crop them.",
                        MIN_WIDTH, total, budget));
            }
            total -= largest.encodedBytes();
            if (largest.stage == Stage.ORIGINAL) {
                largest.reencode(largest.decoded().getWidth(), ImageEncoder.JPEG_QUALITY, Stage.FULL);
            } else if (largest.stage == Stage.FULL && total - budget < largest.encodedBytes() * 0.3
                    && largest.jpegBytes < largest.bytes.length * 1.3) {
                // a lower quality sheds about a quarter of a JPEG: worth a try only when that may be enough
                largest.reencode(largest.decoded().getWidth(), LOWER_JPEG_QUALITY, Stage.FULL_LOWER);
            } else {
                if (largest.stage == Stage.SCALED) {
                    largest.tooWide = largest.width; // it did not fit at this width
                }
                largest.reencode(nextWidth(largest, total + largest.encodedBytes(), budget), ImageEncoder.JPEG_QUALITY,
                        Stage.SCALED);
            }
            total += largest.encodedBytes();
        }
        // a scaled image may have been cut further than needed: grow each back toward the largest size that fits
        for (Candidate c : candidates) {
            int tries = 0;
            while (c.stage == Stage.SCALED && c.tooWide - c.width > Math.max(8, c.width * CLOSE_ENOUGH) && tries++ < 2) {
                checkFresh(stale);
                Candidate.Encoding fits = c.encoding();
                // first aimed from the room left (size goes with pixels), a little short of it; after a miss, halfway
                double room = Math.sqrt((double) (c.encodedBytes() + budget - total) / c.encodedBytes()) * 0.985;
                int tryWidth = tries == 1 ? (int) Math.min(c.tooWide - 1, Math.max(c.width + 1, c.width * room))
                        : (c.width + c.tooWide) / 2;
                if (tryWidth - c.width <= Math.max(8, c.width * CLOSE_ENOUGH) / 2) {
                    break;
                }
                total -= c.encodedBytes();
                c.reencode(tryWidth, ImageEncoder.JPEG_QUALITY, Stage.SCALED);
                total += c.encodedBytes();
                if (total > budget) {
                    total -= c.encodedBytes();
                    c.tooWide = tryWidth;
                    c.restore(fits);
                    total += c.encodedBytes();
                }
            }
        }
        return candidates.stream().map(Candidate::result).toList();
    }

    /**
     * The image to give way next: the largest that still may, and among images about as large (within
     * 2%) the one already giving way, so that one image shrinks and the others go as they are.
     */
    private static Candidate largest(List<Candidate> candidates) {
        Candidate largest = candidates.stream().filter(Candidate::canShrink)
                .max(java.util.Comparator.comparingLong(Candidate::encodedBytes)).orElse(null);
        if (largest == null || largest.stage != Stage.ORIGINAL) {
            return largest;
        }
        return candidates.stream().filter(Candidate::canShrink).filter(c -> c.stage != Stage.ORIGINAL)
                .filter(c -> c.encodedBytes() >= largest.encodedBytes() * 0.98).findFirst().orElse(largest);
    }

    /**
     * The next width of the largest image: when it alone can shed what is over at a moderate cut, aimed
     * from its own last size (size goes with pixels), so a screenshot whose re-encoding weighs more
     * than its PNG did (scaled text compresses worse) gets there in two or three rounds, not one 10%
     * step at a time. Otherwise every image gives its share, the largest first, so none is crushed alone.
     */
    private static int nextWidth(Candidate largest, long total, long budget) {
        int current = largest.width;
        long target = largest.encodedBytes() - (total - budget);
        double own = target > 0 ? Math.sqrt((double) target / largest.encodedBytes()) * 0.97 : 0;
        double factor = own >= 0.5 ? own : Math.sqrt((double) budget / total) * 0.95;
        int next = Math.max(MIN_WIDTH, (int) Math.min(current * 0.9, current * Math.max(0.3, factor)));
        return Math.min(next, largest.decoded().getWidth());
    }

    private static void checkFresh(BooleanSupplier stale) {
        if (stale.getAsBoolean()) {
            throw new CancellationException("the images changed while they were being fitted");
        }
    }

    /** How far an image has given way: as it came, re-encoded at full size, at a lower quality, scaled. */
    private enum Stage { ORIGINAL, FULL, FULL_LOWER, SCALED }

    /** One image on its way to fitting. */
    private static final class Candidate {
        /** What one encoding produced, kept to go back to when a larger try does not fit. */
        private record Encoding(byte[] bytes, String mime, int width, int height, String how) {}

        private final Attachment source;
        private boolean unchanged;
        private Stage stage = Stage.ORIGINAL;
        /** The size of the JPEG of the last re-encoding (whether or not it won). */
        private long jpegBytes;
        /** The narrowest width known not to fit (the original's, until a scaled try fails). */
        private int tooWide;
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
            c.tooWide = c.width;
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

        /** Whether it may still give way: it has a full-size stage left, or room to be scaled. */
        boolean canShrink() {
            return stage != Stage.SCALED || width > MIN_WIDTH;
        }

        /** PNG and JPEG at full size and the good JPEG quality; the smaller wins (the first fit of an image that cannot go as it is). */
        void reencode(int toWidth) {
            reencode(toWidth, ImageEncoder.JPEG_QUALITY, Stage.FULL);
        }

        /** PNG and JPEG (at {@code quality}) at {@code toWidth}; the smaller wins. */
        void reencode(int toWidth, float quality, Stage reached) {
            BufferedImage image = toWidth >= decoded().getWidth() ? decoded() : ImageEncoder.scale(decoded(), toWidth);
            byte[] png = ImageEncoder.png(image);
            byte[] jpeg = ImageEncoder.jpeg(image, quality);
            jpegBytes = jpeg.length;
            boolean pngWins = png.length <= jpeg.length;
            bytes = pngWins ? png : jpeg;
            mime = pngWins ? "image/png" : "image/jpeg";
            width = image.getWidth();
            height = image.getHeight();
            unchanged = false;
            stage = reached;
            boolean scaled = image != decoded();
            how = (scaled ? String.format(Locale.ROOT, "scaled to %d × %d and ", width, height) : "")
                    + "re-encoded as " + (pngWins ? "PNG" : "JPEG")
                    + (!pngWins && quality < ImageEncoder.JPEG_QUALITY ? String.format(Locale.ROOT, " (quality %.0f%%)", quality * 100) : "")
                    + (source.probe().orientation() > 1 ? ", turned upright" : "");
        }

        Encoding encoding() {
            return new Encoding(bytes, mime, width, height, how);
        }

        void restore(Encoding e) {
            bytes = e.bytes();
            mime = e.mime();
            width = e.width();
            height = e.height();
            how = e.how();
        }

        Fitted result() {
            boolean turned = source.probe().orientation() >= 5;
            return new Fitted(source.name(), DataUris.encode(bytes, mime), mime, width, height, encodedBytes(), how,
                    bytes.length, source.bytes().length, turned ? source.probe().height() : source.probe().width(),
                    turned ? source.probe().width() : source.probe().height());
        }
    }
}
