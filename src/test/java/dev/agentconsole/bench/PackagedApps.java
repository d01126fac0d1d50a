package dev.agentconsole.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The two windows the installer benchmark compares: the console installed from the .deb
 * ({@code mvn -B -Pdist package}), and a bare JavaFX window packaged the same way: the same
 * jlink'd runtime, a jpackage app image, and a CDS archive made as postinst makes the console's
 * (a class list from one real start, then {@code -Xshare:dump} against the packaged jar).
 */
final class PackagedApps {

    static final Path INSTALLED_LAUNCHER = Path.of("/opt/agent-console/bin/agent-console");

    private PackagedApps() {}

    static Optional<Path> builtDeb(Path root) throws IOException {
        Path dist = root.resolve("target/dist");
        if (!Files.isDirectory(dist)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dist)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst();
        }
    }

    /** Installs (or reinstalls) the .deb with apt-get, as a user would; postinst builds the CDS archive. */
    static void install(Path deb) throws Exception {
        run(List.of("apt-get", "install", "-y", "-q", "--reinstall", deb.toAbsolutePath().toString()), Path.of("."));
    }

    static void remove() throws Exception {
        run(List.of("apt-get", "remove", "-y", "-q", "agent-console"), Path.of("."));
    }

    /**
     * The JVM options every installer's launcher gets ({@code --java-options} in packaging/jpackage.args;
     * the per-OS files add only the CDS archive's path).
     */
    static List<String> launcherOptions(Path root) throws IOException {
        List<String> options = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(root.resolve("packaging/jpackage.args"))) {
            String[] words = line.strip().split("\\s+", 2);
            if (words[0].equals("--java-options")) {
                if (words.length < 2) {
                    throw new IllegalStateException("packaging/jpackage.args: --java-options without a value");
                }
                String value = words[1].strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                for (String option : value.strip().split("\\s+")) {
                    if (option.contains("$APPDIR")) {
                        throw new IllegalStateException("packaging/jpackage.args: " + option + " names the app folder, "
                                + "which only a per-OS file may do");
                    }
                    options.add(option);
                }
            }
        }
        return List.copyOf(options);
    }

    /** Builds target/bench-installer/bare-window (an app image) with its CDS archive; returns its launcher. */
    static Path bareWindow(Path root) throws Exception {
        Path work = root.resolve("target/bench-installer");
        deleteTree(work);
        Path input = Files.createDirectories(work.resolve("input"));
        writeBareJar(root.resolve("target/dist/input/agent-console.jar"), root.resolve("target/test-classes"),
                input.resolve("bare-window.jar"));
        Path runtime = root.resolve("target/dist/runtime");
        String jpackage = Path.of(System.getProperty("java.home"), "bin", "jpackage").toString();
        List<String> command = new java.util.ArrayList<>(List.of(jpackage, "--type", "app-image", "--name", "bare-window",
                "--input", input.toString(), "--main-jar", "bare-window.jar", "--main-class", BareWindow.class.getName(),
                "--runtime-image", runtime.toString(), "--dest", work.toString(),
                "--java-options", "-XX:SharedArchiveFile=$APPDIR/bare-window.jsa"));
        for (String option : launcherOptions(root)) {
            command.addAll(List.of("--java-options", option)); // packaged the same way as the console
        }
        run(command, root);
        Path image = work.resolve("bare-window");
        Path app = image.resolve("lib/app");
        Path java = image.resolve("lib/runtime/bin/java");
        Path jar = app.resolve("bare-window.jar");
        run(List.of(java.toString(), "-XX:DumpLoadedClassList=" + app.resolve("bare-window.classlist"), "-cp", jar.toString(),
                BareWindow.class.getName(), "--exit-after-first-frame"), root);
        run(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + app.resolve("bare-window.classlist"),
                "-XX:SharedArchiveFile=" + app.resolve("bare-window.jsa"), "-cp", jar.toString()), root);
        return image.resolve("bin/bare-window");
    }

    /** JavaFX (classes and its Linux natives) from the console's packaged jar, plus the bare window's classes. */
    private static void writeBareJar(Path consoleJar, Path testClasses, Path out) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, BareWindow.class.getName());
        try (ZipFile console = new ZipFile(consoleJar.toFile());
             JarOutputStream jar = new JarOutputStream(Files.newOutputStream(out), manifest)) {
            var entries = console.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                String name = e.getName();
                boolean javafx = name.startsWith("javafx/") || name.startsWith("com/sun/") || (name.endsWith(".so") && !name.contains("/"));
                if (javafx && !e.isDirectory()) {
                    jar.putNextEntry(new ZipEntry(name));
                    try (InputStream in = console.getInputStream(e)) {
                        in.transferTo(jar);
                    }
                    jar.closeEntry();
                }
            }
            Path classes = testClasses.resolve("dev/agentconsole/bench");
            try (Stream<Path> files = Files.list(classes)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("BareWindow")).toList()) {
                    jar.putNextEntry(new ZipEntry("dev/agentconsole/bench/" + f.getFileName()));
                    Files.copy(f, (OutputStream) jar);
                    jar.closeEntry();
                }
            }
        }
    }

    private static void run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
