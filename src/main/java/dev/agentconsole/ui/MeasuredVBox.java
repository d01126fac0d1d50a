package dev.agentconsole.ui;

import javafx.scene.Node;
import javafx.scene.layout.VBox;

/** A {@link VBox} that remembers its preferred height for a width, as {@link MeasuredHBox} does (and why). */
public class MeasuredVBox extends VBox {

    private final HeightMemo memo = new HeightMemo();

    public MeasuredVBox(double spacing, Node... children) {
        super(spacing, children);
    }

    @Override
    protected double computePrefHeight(double width) {
        return memo.get(width, super::computePrefHeight);
    }

    @Override
    public void requestLayout() {
        if (memo != null) { // null while the box's own constructor sets it up
            memo.forget();
        }
        super.requestLayout();
    }
}
