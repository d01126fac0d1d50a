package dev.agentconsole.bench;

import dev.agentconsole.attach.Attachment;
import dev.agentconsole.attach.ImageFitter;
import dev.agentconsole.attach.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A 3840 × 2160 text-heavy screenshot, from pixels to a ready data URI: the console's path (what a
 * paste goes through: PNG with a light deflate, fitted, encoded) against plain ImageIO PNG +
 * Base64, interleaved in one process. Also the peak heap each takes above what was in use before
 * (the sum of the heap pools' peaks: an upper bound). Prints RESULT lines.
 */
public final class ScreenshotBench {

    private ScreenshotBench() {}

    public static void main(String[] args) throws Exception {
        BufferedImage shot = TestImages.screenshot(3840, 2160);
        long raw = 3840L * 2160 * 4;
        List<Double> ours = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> oursHeap = new ArrayList<>();
        List<Double> plainHeap = new ArrayList<>();
        int oursLength = 0;
        int plainLength = 0;
        for (int round = 0; round < 5 + 15; round++) {
            long[] mem = before();
            long t0 = System.nanoTime();
            String uri = ImageFitter.fit(Attachment.fromPixels("pasted image", shot), 4_900_000).dataUri();
            double ms = (System.nanoTime() - t0) / 1e6;
            double heap = peakAbove(mem);
            oursLength = uri.length();

            mem = before();
            t0 = System.nanoTime();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(shot, "png", out);
            String plainUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
            double plainMs = (System.nanoTime() - t0) / 1e6;
            double plainPeak = peakAbove(mem);
            plainLength = plainUri.length();
            if (round >= 5) {
                ours.add(ms);
                plain.add(plainMs);
                oursHeap.add(heap);
                plainHeap.add(plainPeak);
            }
        }
        Stats o = Stats.of(ours);
        Stats p = Stats.of(plain);
        System.out.printf(Locale.ROOT, "RESULT ours-ms=%.1f ours-p10=%.1f ours-p90=%.1f plain-ms=%.1f plain-p10=%.1f plain-p90=%.1f "
                        + "ours-heap-mib=%.1f plain-heap-mib=%.1f raw-mib=%.1f ours-bytes=%d plain-bytes=%d%n",
                o.median(), o.percentile(10), o.percentile(90), p.median(), p.percentile(10), p.percentile(90), Stats.of(oursHeap).median(),
                Stats.of(plainHeap).median(), raw / 1048576.0, oursLength, plainLength);
    }

    private static long[] before() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                used += pool.getUsage().getUsed();
            }
        }
        return new long[] {used};
    }

    private static double peakAbove(long[] before) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return (peak - before[0]) / 1048576.0;
    }
}
