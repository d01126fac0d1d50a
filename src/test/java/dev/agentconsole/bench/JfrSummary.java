package dev.agentconsole.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording's Java samples ({@code jdk.ExecutionSample}) say: which threads ran Java code,
 * and where the FX thread's time went, by method, inclusive (a method and all it called) and self
 * (the method on top). Samples see Java code only: native rendering, GC and the JIT are not in them.
 */
final class JfrSummary {

    static final String FX_THREAD = "JavaFX Application Thread";

    private final Map<String, Integer> byThread = new HashMap<>();
    private final Map<String, Integer> fxInclusive = new HashMap<>();
    private final Map<String, Integer> fxSelf = new HashMap<>();
    private int samples;
    private int fxSamples;
    private int truncated;

    private JfrSummary() {}

    static JfrSummary of(Path recording) {
        JfrSummary s = new JfrSummary();
        try {
            for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
                if (e.getEventType().getName().equals("jdk.ExecutionSample")) {
                    s.add(e);
                }
            }
        } catch (IOException e) {
            System.out.println("no recording at " + recording + ": " + e.getMessage());
        }
        return s;
    }

    private void add(RecordedEvent e) {
        samples++;
        String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
        thread = thread == null ? "?" : fold(thread);
        byThread.merge(thread, 1, Integer::sum);
        if (!FX_THREAD.equals(thread) || e.getStackTrace() == null) {
            return;
        }
        fxSamples++;
        if (e.getStackTrace().isTruncated()) {
            truncated++;
        }
        List<RecordedFrame> frames = e.getStackTrace().getFrames();
        if (frames.isEmpty()) {
            return;
        }
        fxSelf.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame f : frames) {
            String n = name(f.getMethod());
            if (n.contains("$$Lambda") || n.matches("\\d+\\..*")) {
                continue; // a lambda's generated class: its caller and callee say more
            }
            if (seen.add(n)) {
                fxInclusive.merge(n, 1, Integer::sum);
            }
        }
    }

    /** A thread's name without what differs between threads of one kind: {@code reader-3f2b8c1e-...} and {@code io-12} read {@code reader-*}, {@code io-#}. */
    static String fold(String thread) {
        return thread.replaceAll("-(?=[0-9a-f-]*\\d)[0-9a-f]{6,}.*$", "-*").replaceAll("\\d+", "#");
    }

    /** {@code ui.session.SessionViewModel.onEvents} for the console's code, {@code Parent.layout} for the rest. */
    private static String name(RecordedMethod m) {
        String type = m.getType().getName();
        if (type.startsWith("dev.agentconsole.")) {
            type = type.substring("dev.agentconsole.".length());
        } else {
            type = type.substring(type.lastIndexOf('.') + 1);
        }
        return type + "." + m.getName();
    }

    /** Below this many FX samples there is no table: the recording caught the thread almost idle. */
    static final int MIN_FX_SAMPLES = 10;

    String markdown(int n) {
        StringBuilder md = new StringBuilder();
        if (samples == 0) {
            return "(no samples)\n";
        }
        md.append("Java samples by thread: ");
        md.append(String.join(", ", byThread.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(6).map(e -> String.format(Locale.ROOT, "%s %d (%.0f%%)", e.getKey(), e.getValue(), 100.0 * e.getValue() / samples))
                .toList()));
        md.append(String.format(Locale.ROOT, " of %d.%s\n\n", samples,
                truncated > 0 ? " " + truncated + " FX stacks were cut at the recording's depth." : ""));
        if (fxSamples < MIN_FX_SAMPLES) { // a ranking of one or two samples says nothing, and its empty rows less
            return md.append(String.format(Locale.ROOT, "The FX thread was sampled %d time%s: too few to say where its time goes.%n",
                    fxSamples, fxSamples == 1 ? "" : "s")).toString();
        }
        md.append("| the FX thread's samples in (inclusive) | share | the console's own code in them (inclusive) | share | "
                + "on top (self) | share |\n|---|---|---|---|---|---|\n");
        List<Map.Entry<String, Integer>> all = sorted(fxInclusive, n, false);
        List<Map.Entry<String, Integer>> ours = sorted(fxInclusive, n, true);
        List<Map.Entry<String, Integer>> self = sorted(fxSelf, n, false);
        int rows = Math.max(all.size(), Math.max(ours.size(), self.size()));
        for (int i = 0; i < rows; i++) {
            md.append("| ").append(cell(all, i)).append(" | ").append(cell(ours, i)).append(" | ").append(cell(self, i)).append(" |\n");
        }
        return md.toString();
    }

    private String cell(List<Map.Entry<String, Integer>> list, int i) {
        if (i >= list.size()) {
            return " | ";
        }
        var e = list.get(i);
        return String.format(Locale.ROOT, "`%s` | %.0f%%", e.getKey(), 100.0 * e.getValue() / fxSamples);
    }

    /** The biggest, leaving out the frames every sample has (the thread's loop) and, with {@code ours}, all but the console's. */
    private List<Map.Entry<String, Integer>> sorted(Map<String, Integer> m, int n, boolean ours) {
        return m.entrySet().stream()
                .filter(e -> !ours || Character.isLowerCase(e.getKey().charAt(0)))
                .filter(e -> e.getValue() < fxSamples * 0.98 || m == fxSelf)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n).toList();
    }
}
