package dev.agentconsole.ui;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;

/**
 * The application icon (assets/icon/agent-console.svg, rendered by assets/icons.sh), in the sizes
 * window managers pick from. Loaded in the background so the first frame does not wait for it.
 */
public final class AppIcon {
    private static final String FOLDER = "/dev/agentconsole/icon/agent-console-";

    private AppIcon() {}

    /** 16 to 256 pixels, for a stage's icon list. */
    public static List<Image> forStage() {
        return List.of(16, 24, 32, 48, 64, 128, 256).stream().map(AppIcon::ofSize).toList();
    }

    public static Image ofSize(int pixels) {
        String url = Objects.requireNonNull(AppIcon.class.getResource(FOLDER + pixels + ".png"),
                "icon size " + pixels + " is not in the jar").toExternalForm();
        return new Image(url, true);
    }
}
