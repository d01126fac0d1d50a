package dev.agentconsole.ui.chat.rows;

import dev.agentconsole.session.DeliveryState;
import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.Styles;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The bubble of one cell: a caption, body lines, actions, a more/less fold, a start URL, thumbnails,
 * a cause, the delivery footer and a Reply button, in that order. Every kind of row fills these same
 * nodes ({@link RowKind}); the parts most rows never show are built the first time a row needs them.
 */
final class Bubble {

    /** A folded text shows this much: its first lines, at most this many characters, cut at a word. */
    static final int FOLD_SHOWN_CHARS = 240;
    static final int FOLD_SHOWN_LINES = 4;
    /**
     * A text folds only when folding hides at least this much (a line of the widest bubble, or two
     * lines): a fold that hides half a line costs a line ("more") to save half of one.
     */
    static final int FOLD_HIDES_AT_LEAST = 200;
    private static final int FOLD_HIDES_LINES = 2;
    private static final PseudoClass MONO = PseudoClass.getPseudoClass(Styles.MONO);
    private static final Map<DeliveryState, PseudoClass> STATE_CLASSES = new EnumMap<>(DeliveryState.class);

    static {
        for (DeliveryState state : DeliveryState.values()) {
            STATE_CLASSES.put(state, PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT)));
        }
    }

    final RowContext context;
    private final Runnable redraw;
    final VBox bubble = new VBox();
    final HBox bubbleRow = new HBox(bubble);
    /** The bubble's parts in their order; the later ones are built the first time a row needs them. */
    private final Node[] parts = new Node[9];
    final Label caption = place(0, caption());
    private final VBox lines = place(1, new VBox(4));
    private final VBox actionLines = place(2, new VBox());
    private final VBox thumbs = place(5, new VBox(6));
    // Built when first needed: most cells never show a button, and a button with its icon is
    // the dearest node to create and style while rows arrive.
    private Hyperlink toggle;
    private Label startUrl;
    private Label cause;
    Label state;
    Button resend;
    Button drop;
    private HBox footer;
    private Button reply;
    /** The bubble's share of the list's width: the operator's own messages are narrower. */
    private final DoubleProperty widthShare = new SimpleDoubleProperty(0.82);
    private PseudoClass kind;

    /** @param redraw draws the cell's entry again (after the operator opened or closed a fold) */
    Bubble(RowContext context, Runnable redraw) {
        this.context = context;
        this.redraw = redraw;
        bubble.getStyleClass().add(Styles.BUBBLE);
        bubble.maxWidthProperty().bind(context.list().widthProperty().multiply(widthShare));
    }

    /** Back to the common start: left-aligned, wide, the caption on and every other optional part off. */
    void reset(boolean operator) {
        bubbleRow.setAlignment(operator ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        widthShare.set(operator ? 0.72 : 0.82);
        caption.setVisible(true);
        actionLines.setVisible(false);
        hide(toggle);
        hide(startUrl);
        hide(cause);
        hide(footer);
        hide(reply);
    }

    /** Puts a part into the bubble at its place in {@link #parts}' order. */
    private <N extends Node> N place(int slot, N part) {
        part.managedProperty().bind(part.visibleProperty());
        int at = 0;
        for (int i = 0; i < slot; i++) {
            at += parts[i] == null ? 0 : 1;
        }
        parts[slot] = part;
        bubble.getChildren().add(at, part);
        return part;
    }

    Hyperlink toggle() {
        if (toggle == null) {
            toggle = place(3, new Hyperlink());
        }
        return toggle;
    }

    Label startUrl() {
        if (startUrl == null) {
            startUrl = place(4, caption());
        }
        return startUrl;
    }

    Label cause() {
        if (cause == null) {
            cause = new Label();
            cause.setWrapText(true);
            cause.getStyleClass().add(Styles.PROBLEM);
            place(6, cause);
        }
        return cause;
    }

    /** The delivery line under the operator's own messages: state, Retry / Resend, Drop. */
    HBox footer() {
        if (footer == null) {
            state = new Label();
            state.getStyleClass().add(Styles.DELIVERY);
            resend = new Button("", Icons.of(Feather.REFRESH_CW));
            drop = new Button("Drop", Icons.of(Feather.X));
            for (Button b : List.of(resend, drop)) {
                b.getStyleClass().add("small");
                b.managedProperty().bind(b.visibleProperty());
            }
            footer = new HBox(8, state, resend, drop);
            footer.setAlignment(Pos.CENTER_RIGHT);
            place(7, footer);
        }
        return footer;
    }

    Button reply() {
        if (reply == null) {
            reply = new Button("Reply", Icons.of(Feather.CORNER_DOWN_RIGHT));
            reply.getStyleClass().addAll("small", Styles.REPLY);
            reply.setTooltip(new Tooltip("Quote this question in the composer and type your answer"));
            place(8, reply);
        }
        return reply;
    }

    private static void hide(Node part) {
        if (part != null) {
            part.setVisible(false);
        }
    }

    /** The bubble's kind, as a pseudo-class: switching it restyles the tree without matching its CSS anew. */
    void setKind(String name) {
        PseudoClass next = Styles.bubbleKind(name);
        if (kind != next) {
            if (kind != null) {
                bubble.pseudoClassStateChanged(kind, false);
            }
            bubble.pseudoClassStateChanged(next, true);
            kind = next;
        }
    }

    /** The body's lines; labels beyond them are hidden, not removed (a removed node re-added is styled from scratch). */
    void setLines(List<String> texts, boolean mono) {
        List<Node> labels = lines.getChildren();
        while (labels.size() < texts.size()) {
            labels.add(body());
        }
        for (int i = 0; i < labels.size(); i++) {
            Label l = (Label) labels.get(i);
            boolean used = i < texts.size();
            l.setVisible(used);
            l.setText(used ? texts.get(i) : "");
            l.pseudoClassStateChanged(MONO, mono);
        }
        lines.setVisible(!texts.isEmpty());
    }

    /**
     * Body lines that fold: closed, a long text shows its first line; "more" opens every text of
     * the row (the operator's choice is kept per row key). Blank texts are left out.
     */
    void setFolded(String rowKey, List<String> texts, boolean mono) {
        List<String> shown = texts.stream().filter(t -> !t.isBlank()).toList();
        boolean open = context.expanded().contains(rowKey);
        boolean folds = shown.stream().anyMatch(Bubble::isLong);
        setLines(folds && !open ? shown.stream().map(Bubble::firstLines).toList() : shown, mono);
        if (!folds) {
            return;
        }
        toggle().setVisible(true);
        toggle.setText(open ? "less" : "more");
        toggle.setOnAction(e -> {
            if (!context.expanded().remove(rowKey)) {
                context.expanded().add(rowKey);
            }
            redraw.run();
        });
    }

    /** Whether a text is long enough to fold: folded, it would hide a line's worth or more. */
    static boolean isLong(String text) {
        return text.length() > FOLD_SHOWN_CHARS + FOLD_HIDES_AT_LEAST || text.lines().count() > FOLD_SHOWN_LINES + FOLD_HIDES_LINES;
    }

    /** A long text folded: its first lines, cut at a word, and "…" where it goes on. */
    static String firstLines(String text) {
        List<String> all = text.lines().toList();
        String head = String.join("\n", all.subList(0, Math.min(FOLD_SHOWN_LINES, all.size())));
        boolean cut = all.size() > FOLD_SHOWN_LINES;
        if (head.length() > FOLD_SHOWN_CHARS) {
            int at = head.lastIndexOf(' ', FOLD_SHOWN_CHARS);
            head = head.substring(0, at < FOLD_SHOWN_CHARS / 2 ? FOLD_SHOWN_CHARS : at).stripTrailing();
            cut = true;
        }
        return cut ? head + " …" : head;
    }

    /** The actions under a thought, one line each with a pointer icon. */
    void setActions(List<String> actions) {
        List<Node> labels = actionLines.getChildren();
        while (labels.size() < actions.size()) {
            Label a = new Label("", Icons.of(Feather.MOUSE_POINTER));
            a.getStyleClass().addAll(Styles.CAPTION, Styles.MONO);
            a.setWrapText(true);
            a.managedProperty().bind(a.visibleProperty());
            labels.add(a);
        }
        for (int i = 0; i < labels.size(); i++) {
            Label a = (Label) labels.get(i);
            a.setVisible(i < actions.size());
            a.setText(i < actions.size() ? actions.get(i) : "");
        }
        actionLines.setVisible(!actions.isEmpty());
    }

    /** A problem line (a delivery's cause, a step's validation errors), or none. */
    void setProblem(String text) {
        if (!text.isEmpty()) {
            cause().setVisible(true);
            cause.setText(text);
        }
    }

    /**
     * The delivery state as text and as a pseudo-class ({@code .delivery:seen}): a pseudo-class
     * change only switches styles, where a changed style class would match the label's CSS anew.
     */
    static void showState(Label label, DeliveryState state) {
        label.setText(deliveryText(state));
        if (!label.getStyleClass().contains(Styles.DELIVERY)) {
            label.getStyleClass().add(Styles.DELIVERY);
        }
        STATE_CLASSES.forEach((s, pseudo) -> label.pseudoClassStateChanged(pseudo, s == state));
    }

    static String deliveryText(DeliveryState state) {
        return switch (state) {
            case QUEUED -> "queued";
            case SENDING -> "sending…";
            case ACCEPTED -> "accepted";
            case SEEN -> "seen by the agent ✓";
            case FAILED -> "failed";
            case UNCERTAIN -> "uncertain: may have arrived";
            case DROPPED -> "dropped";
            case WAITING -> "waiting for the API key";
        };
    }

    // ---- thumbnails -----------------------------------------------------------------------------

    /** One {@link Thumbnail} per picture; frames are reused as the cell shows other rows. */
    void setThumbnails(String rowKey, List<String> uris) {
        List<Node> frames = thumbs.getChildren();
        while (frames.size() < uris.size()) {
            Thumbnail added = new Thumbnail(context.images(), context.enlarger());
            added.frame.setUserData(added);
            frames.add(added.frame);
        }
        for (int i = 0; i < frames.size(); i++) {
            boolean used = i < uris.size();
            ((Thumbnail) frames.get(i).getUserData()).show(used ? rowKey + "#" + i : null, used ? uris.get(i) : null);
        }
        thumbs.setVisible(!uris.isEmpty());
    }

    private static Label caption() {
        Label l = new Label();
        l.getStyleClass().add(Styles.CAPTION);
        return l;
    }

    private static Label body() {
        Label l = new Label();
        l.getStyleClass().add(Styles.BODY);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
