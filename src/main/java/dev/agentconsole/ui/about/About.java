package dev.agentconsole.ui.about;

import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * What the About dialog shows, and what an operator pastes into a bug report: which build, on which
 * Java and JavaFX, whether class-data sharing is on (the installed app's fast start), and where the
 * outbox, drafts and history live.
 */
public record About(String version, String java, String javaFx, String os, String classDataSharing, Path dataFolder) {

    /** Read from the running process; the version comes from the jar's manifest. */
    public static About ofThisProcess(Path dataFolder) {
        String version = Optional.ofNullable(About.class.getPackage().getImplementationVersion()).orElse("development build");
        String java = System.getProperty("java.runtime.version", System.getProperty("java.version")) + " ("
                + System.getProperty("java.vendor", "unknown vendor") + ")";
        String javaFx = Optional.ofNullable(System.getProperty("javafx.runtime.version")).orElse("not started");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
        return new About(version, java, javaFx, os, classDataSharing(
                System.getProperty("java.vm.info", ""), ManagementFactory.getRuntimeMXBean().getInputArguments()), dataFolder);
    }

    /**
     * HotSpot says "sharing" in java.vm.info when classes come from a CDS archive: the JDK's own,
     * or the app's when the launcher names one (the installed app, see packaging/).
     */
    public static String classDataSharing(String vmInfo, List<String> jvmArguments) {
        if (!vmInfo.contains("sharing")) {
            return "off";
        }
        return jvmArguments.stream().filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst()
                .map(a -> "on, with the app's archive " + a.substring("-XX:SharedArchiveFile=".length()))
                .orElse("on, for the JDK's classes");
    }

    /** The same facts as lines of text, for the clipboard. */
    public String asText() {
        return String.join("\n",
                "Agent Console " + version,
                "Java: " + java,
                "JavaFX: " + javaFx,
                "OS: " + os,
                "Class-data sharing: " + classDataSharing,
                "Data folder: " + dataFolder.toAbsolutePath());
    }
}
