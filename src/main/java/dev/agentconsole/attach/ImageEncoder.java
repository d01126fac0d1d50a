package dev.agentconsole.attach;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Decoding, orienting, scaling and encoding: ImageIO (with the TwelveMonkeys WebP plugin) reads
 * and writes JPEG; PNG is written by {@link FastPng}.
 */
public final class ImageEncoder {

    static final float JPEG_QUALITY = 0.85f;
    /** Images above this many pixels are read subsampled: nothing sent needs more, and memory stays bounded. */
    static final long MAX_DECODED_PIXELS = 24_000_000L;

    private ImageEncoder() {}

    /** Decodes the first frame (GIF: the first one), subsampled if huge, then turned upright per EXIF. */
    public static BufferedImage decode(String name, byte[] bytes, int orientation) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new dev.agentconsole.agent.InvalidInputException("'" + name + "' cannot be decoded here");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = 1;
                while (pixels / ((long) step * step) > MAX_DECODED_PIXELS) {
                    step++;
                }
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                return upright(image, orientation);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof dev.agentconsole.agent.InvalidInputException invalid) {
                throw invalid;
            }
            throw new dev.agentconsole.agent.InvalidInputException("'" + name + "' is damaged or cut short: it cannot be "
                    + "decoded (" + ImageCheck.describe(e) + ")");
        }
    }

    /** The image as EXIF orientation {@code o} says it should be seen. */
    static BufferedImage upright(BufferedImage src, int o) {
        if (o <= 1 || o > 8) {
            return src;
        }
        int w = src.getWidth();
        int h = src.getHeight();
        boolean swap = o >= 5;
        AffineTransform t = new AffineTransform();
        switch (o) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> t.setTransform(0, 1, 1, 0, 0, 0); // transpose: (x, y) -> (y, x)
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> t.setTransform(0, -1, -1, 0, h, w); // transverse: (x, y) -> (h - y, w - x)
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, opaqueOrNot(src));
        Graphics2D g = out.createGraphics();
        g.drawImage(src, t, null);
        g.dispose();
        return out;
    }

    /** Scaled to {@code width} (height in proportion), smoothly: halving steps, then one bicubic pass. */
    public static BufferedImage scale(BufferedImage src, int width) {
        int height = Math.max(1, (int) Math.round((double) src.getHeight() * width / src.getWidth()));
        BufferedImage current = src;
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2));
        }
        return current.getWidth() == width ? current : draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage src, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, opaqueOrNot(src));
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    private static int opaqueOrNot(BufferedImage src) {
        return src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    }

    public static byte[] png(BufferedImage image) {
        return FastPng.encode(image);
    }

    /** JPEG has no alpha: transparent parts go on white, as a page would show them. */
    public static byte[] jpeg(BufferedImage image) {
        return jpeg(image, JPEG_QUALITY);
    }

    /** As {@link #jpeg(BufferedImage)}, at {@code quality} (0 to 1). */
    public static byte[] jpeg(BufferedImage image, float quality) {
        BufferedImage rgb = image;
        if (image.getColorModel().hasAlpha() || image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        return write(rgb, "jpeg", quality);
    }

    private static byte[] write(BufferedImage image, String format, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4);
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(ios);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the image as " + format, e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
