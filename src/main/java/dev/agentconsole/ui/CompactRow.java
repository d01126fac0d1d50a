package dev.agentconsole.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A row of the bar: controls from the left, and a few at the right end. It keeps its words
 * whenever they fit. Short of room, the parts named "first to go" (the title) show as icons
 * alone; shorter still, the row turns compact: the stylesheet shows its buttons as icons (their
 * tooltips and accessible texts keep the words), except those marked to keep their words (Connect
 * and New, which hints name), so nothing is cut to "...". Narrower than even that (another
 * provider's URL and key fields shown, in a window beside a browser), the left part wraps onto a
 * second line. Only a row in a showing window switches (the view is first laid out off the FX
 * thread, in a scene of its own).
 */
public final class CompactRow extends Region {

    /** A button that keeps its words in a compact row. */
    public static final String KEEPS_WORDS = "keeps-words";

    private static final PseudoClass BRIEF = PseudoClass.getPseudoClass("brief");
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");
    private static final double GAP = 8;

    private final ReadOnlyBooleanWrapper compact = new ReadOnlyBooleanWrapper(this, "compact");
    private final ReadOnlyBooleanWrapper brief = new ReadOnlyBooleanWrapper(this, "brief");
    private final FlowPane start = new FlowPane(GAP, GAP);
    private final HBox end = new HBox(GAP);
    private List<? extends Labeled> firstToGo = List.of();
    /** 0: every word; 1: the first to go are icons; 2: compact. */
    private int level;
    /** The width the row needs with every word: measured at level 0, estimated otherwise. */
    private double fullWidth;
    /** What the first to go save as icons; measured at level 0. */
    private double firstSavings;
    /** How much wider the words make the row than its compact form; measured at the first compact layout. */
    private double wordsExtra = -1;
    private boolean flipPosted;

    public CompactRow() {
        start.setAlignment(Pos.CENTER_LEFT);
        end.setAlignment(Pos.CENTER_RIGHT);
        getChildren().setAll(start, end);
    }

    public void setParts(List<? extends Node> left, List<? extends Node> right) {
        start.getChildren().setAll(left);
        end.getChildren().setAll(right);
    }

    /** Puts {@code node} first among the parts at the right end. */
    public void addToEnd(Node node) {
        end.getChildren().add(0, node);
    }

    /** The labels that show as icons first, before the row turns compact (the title). */
    public void setFirstToGo(List<? extends Labeled> labels) {
        firstToGo = List.copyOf(labels);
    }

    public ReadOnlyBooleanProperty compactProperty() {
        return compact.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty briefProperty() {
        return brief.getReadOnlyProperty();
    }

    /** Posted after a layout: a pseudo-class changed during layout is not styled until something else asks for CSS. */
    private void flip() {
        flipPosted = false;
        int wanted = wanted();
        if (wanted != level) {
            level = wanted;
            wordsExtra = -1;
            compact.set(level == 2);
            brief.set(level >= 1);
            pseudoClassStateChanged(COMPACT, level == 2);
            pseudoClassStateChanged(BRIEF, level >= 1);
            // set, not styled: a descendant's style did not always follow its row's pseudo-class at once
            firstToGo.forEach(l -> l.setContentDisplay(level >= 1 ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT));
        }
    }

    private int wanted() {
        double w = getWidth();
        return w >= fullWidth ? 0 : w >= fullWidth - firstSavings ? 1 : 2;
    }

    /** What the first to go would save shown as icons: their words and the gap beside them. */
    private double savings() {
        double saved = 0;
        for (Labeled l : firstToGo) {
            if (l.isManaged() && l.getGraphic() != null) {
                saved += Math.max(0, snapSizeX(l.prefWidth(-1)) - snapSizeX(l.snappedLeftInset() + l.snappedRightInset()
                        + l.getGraphic().prefWidth(-1)));
            }
        }
        return saved;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** All of the left part on one line, rounded as the FlowPane rounds it. */
    private double oneLine() {
        double w = 0;
        int shown = 0;
        for (Node n : start.getChildren()) {
            if (n.isManaged()) {
                w += snapSizeX(Math.min(Math.max(n.prefWidth(-1), n.minWidth(-1)), Math.max(n.minWidth(-1), n.maxWidth(-1))));
                shown++;
            }
        }
        return w + snapSpaceX(GAP) * Math.max(0, shown - 1);
    }

    private double startWidth(double width) {
        return width - snappedLeftInset() - snappedRightInset() - snapSpaceX(GAP) - snapSizeX(end.prefWidth(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + oneLine() + snapSpaceX(GAP) + snapSizeX(end.prefWidth(-1)) + snappedRightInset();
    }

    /** The widest control on a line of its own (the FlowPane never shrinks one below its size), and the end. */
    @Override
    protected double computeMinWidth(double height) {
        double widest = start.getChildren().stream().filter(Node::isManaged).mapToDouble(n -> snapSizeX(n.prefWidth(-1)))
                .max().orElse(0);
        return snappedLeftInset() + widest + snapSpaceX(GAP) + snapSizeX(end.prefWidth(-1)) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double left = start.prefHeight(width < 0 ? oneLine() : startWidth(width));
        return snappedTopInset() + Math.max(left, end.prefHeight(-1)) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double pref = computePrefWidth(-1);
        if (level == 0) {
            fullWidth = pref;
            firstSavings = savings();
        } else if (level == 1) {
            fullWidth = pref + firstSavings; // fields that come and go change what the words need
        } else {
            if (wordsExtra < 0) {
                wordsExtra = Math.max(0, fullWidth - pref);
            }
            fullWidth = pref + wordsExtra;
        }
        boolean shown = getScene() != null && getScene().getWindow() != null && getScene().getWindow().isShowing();
        if (shown && wanted() != level && !flipPosted) {
            flipPosted = true;
            Platform.runLater(this::flip);
        }
        double left = startWidth(getWidth());
        double endWidth = snapSizeX(end.prefWidth(-1));
        double endHeight = snapSizeY(end.prefHeight(-1));
        double startHeight = snapSizeY(start.prefHeight(left));
        // labels beside taller buttons sit on the buttons' middle; a wrapped left part keeps the end at its first line
        double startY = snapPositionY(snappedTopInset() + Math.max(0, (endHeight - startHeight) / 2));
        start.resizeRelocate(snappedLeftInset(), startY, left, startHeight);
        end.resizeRelocate(getWidth() - snappedRightInset() - endWidth, snappedTopInset(), endWidth, endHeight);
    }
}
