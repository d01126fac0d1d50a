package dev.agentconsole.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Order statistics of a sample. */
record Stats(double[] sorted) {

    static Stats of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return new Stats(v);
    }

    static Stats of(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new Stats(v);
    }

    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    double median() {
        return percentile(50);
    }

    int n() {
        return sorted.length;
    }

    /** "12.3 ms (p10–p90 11.9–13.0, n=15)". */
    String describe(String unit) {
        return String.format(Locale.ROOT, "%s %s (p10–p90 %s–%s, n=%d)", fmt(median()), unit, fmt(percentile(10)),
                fmt(percentile(90)), n());
    }

    static String fmt(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
