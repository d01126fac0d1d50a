package dev.agentconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Money and counts, written one way everywhere. */
class FormatsTest {

    @Test
    void moneyHasFourDecimalsRoundedHalfUp() {
        assertEquals("$0.0168", Formats.usd(new BigDecimal("0.01675")));
        assertEquals("$0.0042", Formats.usd(new BigDecimal("0.0042")));
        assertEquals("$0.0000", Formats.usd(BigDecimal.ZERO));
    }

    @Test
    void aLargeAmountIsNeverWrittenInExponentForm() {
        assertEquals("$80500000.0000", Formats.usd(new BigDecimal("8.05E+7")));
    }

    @Test
    void aTinyAmountIsNotShownAsFree() {
        assertEquals("<$0.0001", Formats.usd(new BigDecimal("0.00004")));
    }

    @Test
    void tokenCountsAreExactWithSeparators() {
        assertEquals("80,500,000", Formats.count(80_500_000L));
    }
}
