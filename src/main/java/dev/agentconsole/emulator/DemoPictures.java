package dev.agentconsole.emulator;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/** Small, plausible "screenshots" of the pages the scripted agent visits, drawn at run time. */
final class DemoPictures {

    private DemoPictures() {}

    /** The same picture as a JPEG (AGI's screenshot endpoint answers JPEG), base64. */
    static String toJpeg(String pngBase64) {
        try {
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(pngBase64)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A results page with one highlighted card per line, as base64 PNG. */
    static String page(String title, List<String> cards, int highlighted) {
        int w = 480;
        int h = 300;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xF6F7FB));
            g.fillRect(0, 0, w, h);
            g.setColor(new Color(0x2F5BEA));
            g.fillRect(0, 0, w, 44);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, 16, 28);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            for (int i = 0; i < cards.size(); i++) {
                int y = 60 + i * 76;
                g.setColor(i == highlighted ? new Color(0xFFF4CC) : Color.WHITE);
                g.fillRoundRect(16, y, w - 32, 64, 12, 12);
                g.setColor(i == highlighted ? new Color(0xE0A800) : new Color(0xD5D9E3));
                g.drawRoundRect(16, y, w - 32, 64, 12, 12);
                g.setColor(new Color(0x6B8E9E));
                g.fillRect(28, y + 10, 60, 44);
                g.setColor(new Color(0x1E2230));
                g.drawString(cards.get(i), 100, y + 37);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
