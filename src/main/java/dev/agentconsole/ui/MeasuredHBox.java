package dev.agentconsole.ui;

import javafx.scene.Node;
import javafx.scene.layout.HBox;

/**
 * An {@link HBox} that remembers its preferred height for a width until something inside it asks for a
 * layout. JavaFX keeps a parent's preferred height only when it is asked without a width; a box that
 * holds wrapped text is asked with one, so each layout of a list of such boxes measured the text of
 * every one again (half of the FX thread while ten sessions streamed into the sidebar). A change
 * inside reaches the box as {@link #requestLayout()}, which forgets what was measured.
 */
public class MeasuredHBox extends HBox {

    private final HeightMemo memo = new HeightMemo();

    public MeasuredHBox(double spacing, Node... children) {
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
