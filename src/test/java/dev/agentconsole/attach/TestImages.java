package dev.agentconsole.attach;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Images made on the spot for the tests and the benchmark. */
public final class TestImages {

    private TestImages() {}

    /** A text-heavy screenshot: a light page, lines of text, a few coloured blocks. */
    public static BufferedImage screenshot(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(40, 40, 40));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        Random r = new Random(1);
        for (int y = 30; y < height; y += 24) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 30; i++) {
                line.append("word").append(r.nextInt(1000)).append(' ');
            }
            for (int x = 20; x < width; x += 1920) {
                g.drawString(line.toString(), x, y);
            }
        }
        g.setColor(new Color(30, 90, 200));
        for (int i = 0; i < 20; i++) {
            g.fillRect(r.nextInt(Math.max(1, width - 200)), r.nextInt(Math.max(1, height - 40)), 200, 40);
        }
        g.dispose();
        return img;
    }

    /** Random pixels: what compresses worst, for forcing a scale-down. */
    public static BufferedImage noise(int width, int height, long seed) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, r.nextInt(0xffffff));
            }
        }
        return img;
    }

    /** A picture whose four quadrants differ, so a turn is visible: red top-left, green top-right, blue bottom-left. */
    public static BufferedImage quadrants(int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(Color.GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(Color.BLUE);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(Color.WHITE);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        return img;
    }

    public static byte[] encode(BufferedImage img, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JPEG carrying an EXIF orientation tag: the APP1 segment goes right after SOI. */
    public static byte[] jpegWithOrientation(BufferedImage img, int orientation) {
        byte[] jpeg = encode(img, "jpeg");
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0}); // little-endian TIFF, IFD at 8
        tiff.put(new byte[] {1, 0}); // one entry
        tiff.put(new byte[] {0x12, 0x01, 3, 0, 1, 0, 0, 0}); // tag 0x0112, SHORT, count 1
        tiff.put(new byte[] {(byte) orientation, 0, 0, 0}); // the value
        tiff.put(new byte[] {0, 0, 0, 0}); // no next IFD
        byte[] exif = new byte[6 + tiff.position()];
        System.arraycopy(new byte[] {'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff.array(), 0, exif, 6, tiff.position());
        int length = exif.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** Just a PNG signature and an IHDR saying width × height: a "pixel bomb" header with nothing behind it. */
    public static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17);
        ihdr.put(new byte[] {'I', 'H', 'D', 'R'});
        ihdr.putInt(width).putInt(height);
        ihdr.put(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
        return png.array();
    }

    /**
     * A PNG of {@code src} as a camera or a HDR screenshot tool writes one: 16 bits a channel (the
     * low byte noisy, as a real capture's is, so it compresses poorly), with an alpha channel or without.
     */
    public static byte[] png16(BufferedImage src, boolean alpha, long seed) {
        int bands = alpha ? 4 : 3;
        java.awt.color.ColorSpace srgb = java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_sRGB);
        java.awt.image.ComponentColorModel model = new java.awt.image.ComponentColorModel(srgb, alpha, false,
                alpha ? java.awt.Transparency.TRANSLUCENT : java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_USHORT);
        java.awt.image.WritableRaster raster = model.createCompatibleWritableRaster(src.getWidth(), src.getHeight());
        Random r = new Random(seed);
        int[] pixel = new int[bands];
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int rgb = src.getRGB(x, y);
                pixel[0] = ((rgb >> 16) & 0xff) << 8 | r.nextInt(256);
                pixel[1] = ((rgb >> 8) & 0xff) << 8 | r.nextInt(256);
                pixel[2] = (rgb & 0xff) << 8 | r.nextInt(256);
                if (alpha) {
                    pixel[3] = 0xff00 | r.nextInt(256);
                }
                raster.setPixel(x, y, pixel);
            }
        }
        return encode(new BufferedImage(model, raster, false, null), "png");
    }

    /** An 8-bit PNG of {@code src} with slight noise (a photo-like capture), with an alpha channel or without. */
    public static byte[] png8(BufferedImage src, boolean alpha, long seed) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < src.getHeight(); y++) {
            for (int x = 0; x < src.getWidth(); x++) {
                int rgb = src.getRGB(x, y);
                int red = Math.min(255, ((rgb >> 16) & 0xff) + r.nextInt(24));
                int green = Math.min(255, ((rgb >> 8) & 0xff) + r.nextInt(24));
                int blue = Math.min(255, (rgb & 0xff) + r.nextInt(24));
                int a = alpha ? 200 + r.nextInt(56) : 0xff;
                out.setRGB(x, y, a << 24 | red << 16 | green << 8 | blue);
            }
        }
        return encode(out, "png");
    }

    /** A 1 × 1 lossless WebP (a well-known test image). */
    public static byte[] webp() {
        return java.util.Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");
    }
}
