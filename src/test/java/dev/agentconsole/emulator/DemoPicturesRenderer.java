package dev.agentconsole.emulator;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * Draws the scripted agent's {@link DemoPicture}s into the emulator's resources, as PNG and JPEG.
 * Run it after changing a picture and commit what it writes:
 * {@code java -cp target/classes:target/test-classes dev.agentconsole.emulator.DemoPicturesRenderer}
 */
public final class DemoPicturesRenderer {

    static final Path FOLDER = Path.of("src/main/resources/dev/agentconsole/emulator/pictures");
    static final String DRAWN_FROM = "drawn-from.txt";

    private DemoPicturesRenderer() {}

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : FOLDER;
        Files.createDirectories(folder);
        for (DemoPicture picture : DemoPicture.values()) {
            BufferedImage image = page(picture.title, picture.cards, picture.highlighted);
            ImageIO.write(image, "png", folder.resolve(picture.fileName() + ".png").toFile());
            ImageIO.write(image, "jpg", folder.resolve(picture.fileName() + ".jpg").toFile());
        }
        Files.writeString(folder.resolve(DRAWN_FROM), drawnFrom());
    }

    /** What the pictures are drawn from, one line each: committed beside them. */
    static String drawnFrom() {
        return Arrays.stream(DemoPicture.values()).map(DemoPicture::drawnFrom).collect(Collectors.joining("\n", "", "\n"));
    }

    /** A results page with one card per line. */
    private static BufferedImage page(String title, List<String> cards, int highlighted) {
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
        return img;
    }
}
