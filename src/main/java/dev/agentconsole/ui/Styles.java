package dev.agentconsole.ui;

import javafx.css.PseudoClass;
import javafx.scene.Node;

/** Style classes of app.css, named once so views and the stylesheet agree. */
public final class Styles {
    public static final String STYLESHEET = "/dev/agentconsole/ui/app.css";

    public static final String ROOT = "console";
    public static final String HEADER = "header";
    public static final String CONNECTION_ROW = "connection-row";
    public static final String CONTROL_ROW = "control-row";
    public static final String STATUS_CHIP = "status-chip";
    public static final String STALE = "stale-mark";
    public static final String METRICS = "metrics";
    public static final String TRANSCRIPT = "transcript";
    public static final String BUBBLE = "bubble";
    /** The bubble kinds below are pseudo-classes of {@link #BUBBLE} ({@code .bubble:question}), not style classes. */
    public static final String OPERATOR = "operator";
    public static final String THOUGHT = "thought";
    public static final String TOOL_RESULT = "tool-result";
    public static final String STEP = "step";
    public static final String QUESTION = "question";
    public static final String ANSWER = "answer";
    public static final String OBSERVATION = "observation";
    public static final String MESSAGE = "message";
    public static final String STATUS_LINE = "status-line";
    public static final String ERROR = "error";
    public static final String NOTE = "note";
    public static final String OTHER = "other";
    public static final String CAPTION = "caption";
    public static final String BODY = "body";
    public static final String MONO = "mono";
    public static final String DELIVERY = "delivery";
    public static final String THUMBNAIL = "thumbnail";
    /** The "Loading…" or "did not load" box where a thumbnail's picture goes. */
    public static final String THUMBNAIL_STATE = "thumbnail-state";
    public static final String REPLY = "reply";
    public static final String ATTACHMENTS = "attachments";
    public static final String ATTACHMENT_TILE = "attachment-tile";
    public static final String PILL = "new-pill";
    public static final String COMPOSER = "composer";
    /** The composer's scroll pane: it scrolls only when the composer outgrows its share of a short window. */
    public static final String COMPOSER_SCROLL = "composer-scroll";
    public static final String QUOTE = "quote";
    public static final String PROBLEM = "problem";
    public static final String COUNT = "count";
    public static final String QUEUE = "queue";
    public static final String CONFIRMATION = "confirmation";
    public static final String NOTICE = "notice";
    /** The bar that keeps the store's warning in view until dismissed. */
    public static final String STORE_WARNING = "store-warning";
    public static final String EMPTY = "empty-state";
    /** The live "working" row under the transcript while the agent runs. */
    public static final String WORKING = "working-row";
    public static final String ABOUT = "about";
    public static final String SESSION_VIEW = "session-view";
    public static final String SIDEBAR = "sidebar";
    public static final String SIDEBAR_ITEM = "sidebar-item";
    public static final String SIDEBAR_TITLE = "sidebar-title";
    public static final String INBOX = "inbox";
    public static final String INBOX_ITEM = "inbox-item";
    public static final String UNREAD = "unread-badge";
    public static final String PROVIDER_MARK = "provider-mark";
    public static final String WALL = "wall";
    public static final String TILE = "tile";
    public static final String ABOUT_VALUE = "about-value";
    /** The caret of a text area at rest, drawn still by {@link RestingCaret}. */
    public static final String STILL_CARET = "still-caret";

    private Styles() {}

    /** A bubble's kind ({@link #QUESTION}, {@link #OPERATOR}, ...) as the pseudo-class app.css matches ({@code .bubble:question}). */
    public static PseudoClass bubbleKind(String kind) {
        return PseudoClass.getPseudoClass(kind);
    }

    /** Styles {@code node} as a bubble of {@code kind}, as the transcript draws them. */
    public static void asBubble(Node node, String kind) {
        node.getStyleClass().add(BUBBLE);
        node.pseudoClassStateChanged(bubbleKind(kind), true);
    }

    /** The chip's class for an agent status, e.g. {@code status-running}. */
    public static String statusClass(String status) {
        return "status-" + status.replace(' ', '-');
    }
}
