package dev.agentconsole.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JVM options the installers' launcher gets are read from packaging/jpackage.args (the
 * benchmarks run every console process with them); `mvn javafx:run` repeats them in pom.xml.
 */
class LauncherOptionsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void theLauncherOptionsAreReadFromTheSharedArgumentFile() throws Exception {
        List<String> options = PackagedApps.launcherOptions(ROOT);
        assertFalse(options.isEmpty(), "packaging/jpackage.args names the launcher's JVM options");
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-XX:+ExplicitGCInvokesConcurrent", "-XX:GCTimeRatio=49"), options);
    }

    @Test
    void javafxRunStartsTheJvmAsTheInstalledLauncherDoes() throws Exception {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher plugin = Pattern.compile("<artifactId>javafx-maven-plugin</artifactId>(.*?)</plugin>", Pattern.DOTALL).matcher(pom);
        assertEquals(true, plugin.find(), "pom.xml has the javafx-maven-plugin");
        Matcher option = Pattern.compile("<option>\\s*(.*?)\\s*</option>").matcher(plugin.group(1));
        List<String> inPom = option.results().map(m -> m.group(1)).toList();
        assertEquals(PackagedApps.launcherOptions(ROOT), inPom, "pom.xml's javafx:run options and packaging/jpackage.args");
    }
}
