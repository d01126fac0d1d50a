package dev.agentconsole.ui;

import java.util.function.DoubleUnaryOperator;

/** The last preferred height a box computed, and for which width; forgotten when the box is asked for a layout. */
final class HeightMemo {

    private double width = Double.NaN;
    private double height;

    double get(double forWidth, DoubleUnaryOperator compute) {
        if (Double.compare(forWidth, width) != 0) {
            height = compute.applyAsDouble(forWidth);
            width = forWidth;
        }
        return height;
    }

    void forget() {
        width = Double.NaN;
    }
}
