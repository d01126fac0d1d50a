package dev.agentconsole.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** A measured box asks its children for their heights once per width, and again only after one of them changed. */
class MeasuredBoxTest {

    /** Like wrapped text: the narrower, the taller; counts how often it was measured. */
    static final class Wrapping extends Region {
        int measured;
        double words = 1000;

        @Override
        public Orientation getContentBias() {
            return Orientation.HORIZONTAL;
        }

        @Override
        protected double computePrefHeight(double width) {
            measured++;
            return Math.ceil(words / Math.max(1, width)) * 16;
        }

        void say(double more) {
            words = more;
            requestLayout();
        }
    }

    @Test
    void theSameWidthIsMeasuredOnceUntilAChildChanges() {
        Wrapping text = new Wrapping();
        MeasuredVBox box = new MeasuredVBox(4, text);
        assertEquals(160, box.prefHeight(100));
        assertEquals(160, box.prefHeight(100));
        assertEquals(1, text.measured, "asked again for the same width: remembered");

        text.say(2000);
        assertEquals(320, box.prefHeight(100), "a change inside is measured again");
        assertEquals(2, text.measured);
        assertEquals(80, box.prefHeight(400), "another width is measured");
        assertEquals(3, text.measured);
    }

    @Test
    void aChangeDeepInsideReachesTheOuterBoxes() {
        Wrapping text = new Wrapping();
        MeasuredVBox inner = new MeasuredVBox(0, text);
        MeasuredHBox outer = new MeasuredHBox(0, inner);
        double before = outer.prefHeight(200);
        text.say(4000);
        assertEquals(before * 4, outer.prefHeight(200));
    }
}
