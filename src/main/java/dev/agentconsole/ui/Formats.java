package dev.agentconsole.ui;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the console writes money, token counts and times, the same way everywhere. Money: US dollars
 * rounded half-up to 4 decimals ({@code $0.0168}), never in exponent form; a non-zero amount under
 * half a hundredth of a cent shows as {@code <$0.0001}, not as free.
 */
public final class Formats {

    private static final DateTimeFormatter SAME_YEAR = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ROOT);
    private static final DateTimeFormatter OTHER_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ROOT);
    private static final BigDecimal SMALLEST = new BigDecimal("0.0001");

    private Formats() {}

    public static String usd(BigDecimal amount) {
        BigDecimal rounded = amount.setScale(4, RoundingMode.HALF_UP);
        if (rounded.signum() == 0 && amount.signum() > 0) {
            return "<$" + SMALLEST.toPlainString();
        }
        return (rounded.signum() < 0 ? "-$" : "$") + rounded.abs().toPlainString();
    }

    /** A whole count with thousands separators: 80,500,000. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A moment in the operator's zone: "23 Nov 10:04" (the year only when it is not this one). */
    public static String when(Instant at, Instant now, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        return (t.getYear() == now.atZone(zone).getYear() ? SAME_YEAR : OTHER_YEAR).format(t);
    }

    /** How long ago, for recent moments ("just now", "5 min ago", "3 h ago"); the moment itself after a day. */
    public static String ago(Instant at, Instant now, ZoneId zone) {
        Duration d = Duration.between(at, now);
        if (d.isNegative() || d.toSeconds() < 60) {
            return "just now";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min ago";
        }
        if (d.toHours() < 24) {
            return d.toHours() + " h ago";
        }
        return when(at, now, zone);
    }
}
