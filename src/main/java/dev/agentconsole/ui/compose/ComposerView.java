package dev.agentconsole.ui.compose;

import dev.agentconsole.ui.Icons;
import dev.agentconsole.ui.ImageLoader;
import dev.agentconsole.ui.RestingCaret;
import dev.agentconsole.ui.Styles;
import dev.agentconsole.ui.attach.AttachmentStripView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldListCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The composer: the message, the queue of lines for one batch, the start URL (AGI) and, under
 * "advanced", the caller id (H). Enter sends, Shift+Enter is a new line, Ctrl+Enter queues the
 * line, Ctrl+Shift+Enter sends the queue; Enter while an input method is composing is text.
 */
public final class ComposerView extends VBox {

    /** What the composer's buttons and keys ask for. */
    public record Actions(Runnable send, Runnable sendQueue) {}

    private final TextArea input = new TextArea();
    private final AttachmentStripView strip;
    private boolean composing;

    public ComposerView(ComposerViewModel model, Actions actions, javafx.beans.value.ObservableBooleanValue connected,
                        ImageLoader images) {
        getStyleClass().add(Styles.COMPOSER);
        strip = new AttachmentStripView(model.attachments(), images);

        // quoted question
        Label quote = new Label();
        quote.setId("quotedQuestion");
        quote.getStyleClass().add(Styles.QUOTE);
        quote.setWrapText(true);
        quote.textProperty().bind(Bindings.concat("Replying to: ", model.quotedProperty()));
        Button unquote = new Button(null, Icons.of(Feather.X));
        unquote.getStyleClass().addAll("flat", "small");
        unquote.setAccessibleText("Stop quoting the question");
        unquote.setOnAction(e -> model.clearQuote());
        HBox quoteRow = new HBox(6, quote, unquote);
        HBox.setHgrow(quote, Priority.ALWAYS);
        quote.setMaxWidth(Double.MAX_VALUE);
        quoteRow.visibleProperty().bind(model.quotedProperty().isNotEmpty());
        quoteRow.managedProperty().bind(quoteRow.visibleProperty());

        // queue
        ListView<String> queue = new ListView<>(model.queue());
        queue.setId("queueList");
        queue.getStyleClass().add(Styles.QUEUE);
        queue.setEditable(true);
        queue.setAccessibleText("Queued lines, sent in order as one batch");
        queue.setCellFactory(v -> {
            ListCell<String> cell = new TextFieldListCell<>(new javafx.util.converter.DefaultStringConverter());
            return cell;
        });
        queue.setOnEditCommit(e -> model.editQueued(e.getIndex(), e.getNewValue()));
        Button up = smallButton(Feather.ARROW_UP, "Move the selected line up");
        up.setId("queueUp");
        up.setOnAction(e -> move(model, queue, -1));
        Button down = smallButton(Feather.ARROW_DOWN, "Move the selected line down");
        down.setId("queueDown");
        down.setOnAction(e -> move(model, queue, 1));
        Button remove = smallButton(Feather.TRASH_2, "Remove the selected line from the queue");
        remove.setId("queueRemove");
        remove.setOnAction(e -> model.removeQueued(queue.getSelectionModel().getSelectedIndex()));
        Button sendQueue = new Button("Send queue", Icons.of(Feather.SEND));
        sendQueue.setId("sendQueueButton");
        sendQueue.getStyleClass().add("accent");
        sendQueue.setTooltip(new Tooltip("Send the queued lines in order: one batch on H, one by one on AGI (Ctrl+Shift+Enter)"));
        sendQueue.setOnAction(e -> actions.sendQueue().run());
        sendQueue.disableProperty().bind(Bindings.not(connected));
        Label queueTitle = new Label();
        queueTitle.getStyleClass().add(Styles.CAPTION);
        queueTitle.textProperty().bind(model.queueTitleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox queueBar = new HBox(6, queueTitle, grow, up, down, remove, sendQueue);
        queueBar.setAlignment(Pos.CENTER_LEFT);
        VBox queueBox = new VBox(4, queueBar, queue);
        queueBox.visibleProperty().bind(model.hasQueueProperty());
        queueBox.managedProperty().bind(queueBox.visibleProperty());

        // message
        input.setId("messageInput");
        input.setWrapText(true);
        input.setPromptText("Message the agent. Enter sends, Shift+Enter for a new line, Ctrl+Enter adds to the queue.");
        input.setAccessibleText("Message to the agent");
        input.textProperty().bindBidirectional(model.textProperty());
        input.setOnInputMethodTextChanged(e -> composing = !e.getComposed().isEmpty());
        input.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.V && e.isShortcutDown() && !e.isShiftDown()
                    && model.attachments().acceptedProperty().get() && strip.paste(Clipboard.getSystemClipboard())) {
                e.consume(); // an image or image files: attached; text pastes as usual
                return;
            }
            if (e.getCode() != KeyCode.ENTER || composing) {
                return;
            }
            if (e.isShortcutDown() && e.isShiftDown()) {
                actions.sendQueue().run();
            } else if (e.isShortcutDown()) {
                model.addToQueue();
            } else if (e.isShiftDown()) {
                input.insertText(input.getCaretPosition(), "\n");
            } else {
                actions.send().run();
            }
            e.consume();
        });
        Button send = new Button(null, Icons.of(Feather.SEND));
        send.setId("sendButton");
        send.getStyleClass().addAll("accent", "button-icon");
        send.setTooltip(new Tooltip("Send (Enter)"));
        send.setAccessibleText("Send the message");
        send.setOnAction(e -> actions.send().run());
        send.disableProperty().bind(Bindings.not(connected).or(Bindings.not(model.hasTextProperty())));
        Button queueIt = new Button(null, Icons.of(Feather.LIST));
        queueIt.setId("queueButton");
        queueIt.getStyleClass().add("button-icon");
        queueIt.setTooltip(new Tooltip("Add this line to the queue (Ctrl+Enter)"));
        queueIt.setAccessibleText("Add the message to the queue");
        queueIt.setOnAction(e -> model.addToQueue());
        queueIt.disableProperty().bind(Bindings.not(model.hasTextProperty()));
        Button attach = new Button(null, Icons.of(Feather.PAPERCLIP));
        attach.setId("attachButton");
        attach.getStyleClass().add("button-icon");
        attach.setAccessibleText("Attach images");
        attach.setOnAction(e -> strip.choose());
        attach.disableProperty().bind(Bindings.not(model.attachments().acceptedProperty()));
        Tooltip attachTip = new Tooltip();
        attachTip.textProperty().bind(Bindings.when(model.attachments().acceptedProperty())
                .then("Attach screenshots (or paste them with Ctrl+V, or drop them on the window)")
                .otherwise("AGI takes no images: its sessions are steered with text only"));
        attach.setTooltip(attachTip);
        StackPane attachBox = new StackPane(attach); // a disabled button shows no tooltip: its box carries it too
        Tooltip.install(attachBox, attachTip);
        VBox buttons = new VBox(6, send, queueIt, attachBox);
        RestingCaret typing = new RestingCaret(input); // a composer left focused does not keep the window busy
        HBox.setHgrow(typing, Priority.ALWAYS);
        HBox messageRow = new HBox(8, typing, buttons);

        // start URL and caller id
        TextField startUrl = new TextField();
        startUrl.setId("startUrlInput");
        startUrl.setPromptText("Start URL (AGI)");
        startUrl.setAccessibleText("Start URL: the page the agent starts from (AGI only)");
        startUrl.textProperty().bindBidirectional(model.startUrlProperty());
        startUrl.disableProperty().bind(Bindings.not(model.startUrlAcceptedProperty()));
        Tooltip urlTip = new Tooltip();
        urlTip.textProperty().bind(Bindings.when(model.startUrlAcceptedProperty())
                .then("The page the agent starts from (http or https, at most 2,000 characters)")
                .otherwise("H takes no start URL: tell the agent where to go in the message"));
        startUrl.setTooltip(urlTip);
        // a disabled control shows no tooltip: the wrapper carries it too
        HBox urlBox = new HBox(Icons.of(Feather.LINK), startUrl);
        urlBox.setSpacing(6);
        urlBox.setAlignment(Pos.CENTER_LEFT);
        Tooltip.install(urlBox, urlTip);
        HBox.setHgrow(startUrl, Priority.ALWAYS);
        HBox.setHgrow(urlBox, Priority.ALWAYS);

        TextField callerId = new TextField();
        callerId.setId("callerIdInput");
        callerId.setPromptText("caller id (default: user)");
        callerId.setAccessibleText("Caller id sent with H messages");
        callerId.setTooltip(new Tooltip("H's caller_id; leave empty for normal operator input"));
        callerId.textProperty().bindBidirectional(model.callerIdProperty());
        callerId.setPrefColumnCount(14);
        ToggleButton advanced = new ToggleButton("Advanced", Icons.of(Feather.SLIDERS));
        advanced.setId("advancedToggle");
        advanced.getStyleClass().add("small");
        advanced.setTooltip(new Tooltip("Show the caller id (H)"));
        callerId.visibleProperty().bind(advanced.selectedProperty().and(model.callerIdAcceptedProperty()));
        callerId.managedProperty().bind(callerId.visibleProperty());

        Label count = new Label();
        count.setId("countLabel");
        count.getStyleClass().add(Styles.COUNT);
        count.textProperty().bind(model.countProperty());
        Label problem = new Label();
        problem.setId("problemLabel");
        problem.getStyleClass().add(Styles.PROBLEM);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        HBox.setHgrow(problem, Priority.ALWAYS);
        problem.setMaxWidth(Double.MAX_VALUE);
        HBox footer = new HBox(10, urlBox, advanced, callerId, count);
        footer.setAlignment(Pos.CENTER_LEFT);

        Label imageProblem = new Label();
        imageProblem.setId("attachmentProblem");
        imageProblem.getStyleClass().add(Styles.PROBLEM);
        imageProblem.setWrapText(true);
        imageProblem.textProperty().bind(model.attachments().problemProperty());
        imageProblem.visibleProperty().bind(model.attachments().problemProperty().isNotEmpty());
        imageProblem.managedProperty().bind(imageProblem.visibleProperty());

        getChildren().addAll(quoteRow, queueBox, strip, imageProblem, messageRow, problem, footer);
    }

    public TextArea input() {
        return input;
    }

    /** The attached images, and the ways to attach more (the window takes drops through it). */
    public AttachmentStripView strip() {
        return strip;
    }

    private static void move(ComposerViewModel model, ListView<String> queue, int delta) {
        int i = queue.getSelectionModel().getSelectedIndex();
        model.moveQueued(i, delta);
        queue.getSelectionModel().clearAndSelect(Math.max(0, Math.min(model.queue().size() - 1, i + delta)));
    }

    private static Button smallButton(Feather icon, String tip) {
        Button b = new Button(null, Icons.of(icon));
        b.getStyleClass().addAll("small", "button-icon");
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(tip);
        return b;
    }
}
